package io.companyos.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP proxy for vendor endpoints, as corporate networks require: HTTPS goes through it with CONNECT, so the proxy
 * sees only the host name. Only this setting routes egress through a proxy; {@code HTTPS_PROXY} is not read.
 *
 * @param url {@code http://host:port} (default: none, direct connections); no credentials
 * @param noProxy hosts reached directly: names, IPs, {@code .domain} or {@code domain} for a domain and its
 *     subdomains, {@code *} for all (default none)
 */
public record ProxyConfig(String url, List<String> noProxy) {
  static final String EXPECTED = "expected http://host:port (the proxy is reached over HTTP and tunnels HTTPS with "
      + "CONNECT; credentials in the URL are not supported)";

  public ProxyConfig {
    noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
    if (url != null && !url.isBlank()) {
      parse(url);
    }
  }

  static ProxyConfig none() {
    return new ProxyConfig(null, null);
  }

  /** The proxy URL, when one is configured. */
  public Optional<URI> uri() {
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(parse(url));
  }

  private static URI parse(String text) {
    try {
      URI u = new URI(text.trim());
      if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getPort() < 1
          || u.getRawUserInfo() != null || (u.getRawPath() != null && !u.getRawPath().isEmpty()
              && !u.getRawPath().equals("/"))) {
        throw new InvalidValueException("url", EXPECTED);
      }
      return new URI("http", null, u.getHost(), u.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("url", EXPECTED);
    }
  }
}
