package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.HttpTls;
import io.companyos.agent.collectors.http.JdkHttpFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs a URL and is UP when the status is in the expected range (Core API, web client, ingestion,
 * Keycloak {@code /health/ready}, MinIO {@code /minio/health/live}, Neo4j's HTTP port).
 *
 * <p>GETs through an {@link HttpFetcher}: the JDK's client by default (no event loop: {@code agent health}), the
 * daemon's Vert.x event loop in the daemon. Per-probe TLS (own CA bundle or {@code insecure}) is an {@link HttpTls}
 * made at the first check. Redirects are not followed: a 302 to a login page is not "healthy". The body is read and
 * discarded (at most 1 MiB; past that the connection is closed and the status counts).
 */
public final class HttpProbe implements Probe {

  private final String name;
  private final URI url;
  private final Duration timeout;
  private final StatusRange expectedStatus;
  private final Path caFile;
  private final boolean insecure;
  private final Path bearerTokenFile;
  private final HttpFetcher http;
  private final AtomicReference<HttpTls> tls = new AtomicReference<>();

  private HttpProbe(Builder b) {
    this.name = b.name;
    this.url = b.url;
    this.timeout = b.timeout;
    this.expectedStatus = b.expectedStatus;
    this.caFile = b.caFile;
    this.insecure = b.insecure;
    this.bearerTokenFile = b.bearerTokenFile;
    this.http = b.http;
  }

  /** A builder for a probe named {@code name} that GETs {@code url} (http or https). */
  public static Builder builder(String name, URI url) {
    return new Builder(name, url);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "http";
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public CompletableFuture<ProbeResult> check() {
    AtomicReference<String> token = new AtomicReference<>();
    return TimedCheck.run(this, () -> send(token), token::get);
  }

  private CompletableFuture<Verdict> send(AtomicReference<String> token) {
    HttpFetcher.Request request = HttpFetcher.Request.get(url, timeout)
        .header("User-Agent", "companyos-agent")
        .tls(tls())
        .discardBody();
    if (bearerTokenFile != null) {
      token.set(SecretFile.read("bearerTokenFile", bearerTokenFile).strip());
      request.header("Authorization", "Bearer " + token.get());
    }
    return http.get(request).thenApply(this::verdict);
  }

  private Verdict verdict(HttpFetcher.Response response) {
    int status = response.status();
    if (expectedStatus.contains(status)) {
      return Verdict.up("HTTP " + status);
    }
    return Verdict.down("HTTP " + status + ", expected " + expectedStatus);
  }

  private HttpTls tls() {
    HttpTls existing = tls.get();
    if (existing != null) {
      return existing;
    }
    if (!"https".equalsIgnoreCase(url.getScheme()) || (!insecure && caFile == null)) {
      return HttpTls.JDK_DEFAULT;
    }
    HttpTls created;
    try {
      created = insecure ? HttpTls.trustingAnything() : HttpTls.trusting(caFile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read caFile " + caFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use caFile " + caFile + ": " + e.getMessage(), e);
    }
    return tls.compareAndSet(null, created) ? created : tls.get();
  }

  /** Options of an {@link HttpProbe}. */
  public static final class Builder {
    private final String name;
    private final URI url;
    private Duration timeout = Duration.ofSeconds(5);
    private StatusRange expectedStatus = StatusRange.SUCCESS;
    private Path caFile;
    private boolean insecure;
    private Path bearerTokenFile;
    private HttpFetcher http = JdkHttpFetcher.shared();

    private Builder(String name, URI url) {
      this.name = ProbeArguments.check(name);
      this.url = Objects.requireNonNull(url, "url");
      String scheme = url.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("url must be http or https, got '" + url + "'");
      }
    }

    /** Time allowed for connect, TLS, request and response head. Default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = ProbeArguments.checkTimeout(timeout);
      return this;
    }

    /** Statuses that count as UP. Default {@code 200-299}. */
    public Builder expectedStatus(StatusRange expectedStatus) {
      this.expectedStatus = Objects.requireNonNull(expectedStatus, "expectedStatus");
      return this;
    }

    /** PEM bundle of the CA certificates to trust for https instead of the JDK's. Default none. */
    public Builder caFile(Path caFile) {
      this.caFile = Objects.requireNonNull(caFile, "caFile");
      return this;
    }

    /** Trust any certificate and host name (self-signed on-prem certs). Default false. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** File whose content is sent as {@code Authorization: Bearer …}. Default none. */
    public Builder bearerTokenFile(Path bearerTokenFile) {
      this.bearerTokenFile = Objects.requireNonNull(bearerTokenFile, "bearerTokenFile");
      return this;
    }

    /** The HTTP client: the JDK's (default) or the daemon's {@code VertxHttpFetcher}. */
    public Builder http(HttpFetcher http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    public HttpProbe build() {
      if (insecure && caFile != null) {
        throw new IllegalArgumentException("caFile and insecure exclude each other");
      }
      return new HttpProbe(this);
    }
  }
}
