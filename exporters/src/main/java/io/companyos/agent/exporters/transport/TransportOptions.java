package io.companyos.agent.exporters.transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTPS transport reaches vendor endpoints. Build with {@link #builder()}.
 *
 * @param caBundle PEM certificates that replace the JDK's trusted roots (for a TLS-inspecting corporate proxy or a
 *     private endpoint); empty: the JDK's roots
 * @param clientCertificate PEM client certificate chain for mTLS; given together with {@code clientKey}
 * @param clientKey PEM private key of the client certificate (PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted)
 * @param proxy an HTTP proxy {@code http://host:port}; HTTPS requests go through it with CONNECT
 * @param noProxy hosts reached directly: exact names or IPs, {@code .example.com} or {@code example.com} for a domain
 *     and its subdomains, {@code *} for all
 * @param timeout connect and request timeout (default 10 s)
 * @param userAgent the {@code User-Agent} header
 */
public record TransportOptions(Optional<Path> caBundle, Optional<Path> clientCertificate, Optional<Path> clientKey,
    Optional<URI> proxy, List<String> noProxy, Duration timeout, String userAgent) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public TransportOptions {
    Objects.requireNonNull(caBundle, "caBundle");
    Objects.requireNonNull(clientCertificate, "clientCertificate");
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(proxy, "proxy");
    noProxy = noProxy.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(userAgent, "userAgent");
    if (clientCertificate.isPresent() != clientKey.isPresent()) {
      throw new IllegalArgumentException("clientCertificate and clientKey go together");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    proxy.ifPresent(p -> {
      if (!"http".equalsIgnoreCase(p.getScheme()) || p.getHost() == null || p.getPort() < 1
          || p.getRawUserInfo() != null) {
        throw new IllegalArgumentException("proxy must be http://host:port (no credentials)");
      }
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds options; every setter's Javadoc states its default. */
  public static final class Builder {
    private Path caBundle;
    private Path clientCertificate;
    private Path clientKey;
    private URI proxy;
    private List<String> noProxy = List.of();
    private Duration timeout = DEFAULT_TIMEOUT;
    private String userAgent = "companyos-agent";

    private Builder() {}

    /** PEM CA certificates to trust instead of the JDK's roots (default: the JDK's roots). */
    public Builder caBundle(Path file) {
      this.caBundle = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Client certificate chain and key for mTLS (default: none). */
    public Builder clientCertificate(Path certificate, Path key) {
      this.clientCertificate = Objects.requireNonNull(certificate, "certificate");
      this.clientKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** An HTTP proxy, {@code http://host:port}, used with CONNECT for HTTPS (default: direct connections). */
    public Builder proxy(URI proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /** Hosts that bypass the proxy (default none). */
    public Builder noProxy(List<String> hosts) {
      this.noProxy = List.copyOf(hosts);
      return this;
    }

    /** Connect and request timeout (default 10 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The User-Agent header (default {@code companyos-agent}). */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    public TransportOptions build() {
      return new TransportOptions(Optional.ofNullable(caBundle), Optional.ofNullable(clientCertificate),
          Optional.ofNullable(clientKey), Optional.ofNullable(proxy), noProxy, timeout, userAgent);
    }
  }
}
