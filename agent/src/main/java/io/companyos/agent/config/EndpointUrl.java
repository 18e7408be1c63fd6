package io.companyos.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A vendor endpoint: an absolute {@code https} URL. Plain {@code http} is accepted only for loopback hosts (a local
 * relay, a test double), so that a typo cannot send telemetry in clear text across a network.
 */
public record EndpointUrl(URI uri) {
  static final String PROBLEM = "not an absolute https URL (plain http is accepted only for loopback addresses)";

  public EndpointUrl {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new InvalidValueException(PROBLEM);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
      throw new InvalidValueException(PROBLEM);
    }
  }

  /** Parses configuration text, refusing anything that is not an absolute https (or loopback http) URL. */
  public static EndpointUrl parse(String text) {
    try {
      return new EndpointUrl(new URI(text == null ? "" : text.trim()));
    } catch (URISyntaxException e) {
      throw new InvalidValueException(PROBLEM);
    }
  }

  /** Resolves a path below this endpoint, e.g. {@code /v1/metrics}. */
  public URI resolve(String path) {
    String base = uri.toString();
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
