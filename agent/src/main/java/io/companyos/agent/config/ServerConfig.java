package io.companyos.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The daemon's own HTTP server.
 *
 * @param host bind address (default {@code 127.0.0.1}); any other than a loopback address needs {@code tls} or
 *     {@code insecure: true}
 * @param port TCP port, 0 for any free port (default {@code 9464})
 * @param adminToken bearer token for the admin API, inline (prefer {@code adminTokenFile}); never printed. Without
 *     a token the admin API ({@code /v1/status}, {@code POST /v1/bundles}) is off
 * @param adminTokenFile file holding the admin token, e.g. a Kubernetes secret mount; re-read when it changes
 * @param tls server certificate and key: serve HTTPS (default none: plain HTTP)
 * @param insecure allow plain HTTP on a non-loopback {@code host} (default {@code false})
 */
public record ServerConfig(String host, Integer port, Secret adminToken, Path adminTokenFile, ServerTlsConfig tls,
    Boolean insecure) {
  public static final int DEFAULT_PORT = 9464;
  /** A shorter admin token is refused: it could be guessed. */
  public static final int MIN_TOKEN_LENGTH = 16;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  public ServerConfig {
    host = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
    port = port == null ? DEFAULT_PORT : port;
    insecure = insecure != null && insecure;
    if (port < 0 || port > 65535) {
      throw new InvalidValueException("port", "must be between 0 and 65535");
    }
    if (adminToken != null && adminTokenFile != null) {
      throw new InvalidValueException("adminTokenFile", "give either adminToken or adminTokenFile, not both");
    }
    if (adminToken != null) {
      requireStrong(adminToken, "adminToken");
    }
    if (adminTokenFile != null) {
      try {
        requireStrong(Secret.fromFile(adminTokenFile), "adminTokenFile");
      } catch (InvalidValueException e) {
        throw new InvalidValueException("adminTokenFile", e.getMessage());
      }
    }
    if (tls == null && !insecure && !isLoopback(host)) {
      throw new InvalidValueException("host", "binding beyond loopback needs HTTPS: set server.tls.certificate and"
          + " server.tls.key, or server.insecure: true to serve plain HTTP (see docs/security.md)");
    }
  }

  /** The admin token, read from its file at call time so that a rotated Kubernetes secret takes effect; or null. */
  public Secret adminTokenValue() {
    return adminTokenFile != null ? Secret.fromFile(adminTokenFile) : adminToken;
  }

  /** True when an admin token is configured, i.e. the admin API is on. */
  public boolean adminApiEnabled() {
    return adminToken != null || adminTokenFile != null;
  }

  /**
   * Whether {@code host} is a loopback address, decided without a DNS lookup: {@code localhost}, {@code 127.0.0.0/8}
   * and {@code ::1}. Any other name counts as reachable from elsewhere.
   */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (IPV4.matcher(h).matches()) {
      return h.startsWith("127.") && java.util.Arrays.stream(h.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
    }
    if (!h.contains(":")) {
      return false; // a host name: resolving it here would make the check depend on DNS
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void requireStrong(Secret token, String key) {
    if (token.reveal().strip().length() < MIN_TOKEN_LENGTH) {
      throw new InvalidValueException(key, "the admin token must be at least " + MIN_TOKEN_LENGTH
          + " characters (e.g. openssl rand -hex 32)");
    }
  }
}
