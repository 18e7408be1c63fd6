package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.SharedHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * GETs a URL and is UP when the status is in the expected range (Core API, web client, ingestion,
 * Keycloak {@code /health/ready}, MinIO {@code /minio/health/live}, Neo4j's HTTP port).
 *
 * <p>Uses the JDK's {@link HttpClient}: it needs no event loop, so {@code agent health} and the
 * daemon share it, and per-probe TLS (own CA bundle or {@code insecure}) is a plain
 * {@link SSLContext}. Probes with the JDK's trust store use the process's
 * {@link SharedHttpClient}; one with its own TLS settings builds its own client. Redirects are not followed: a 302 to a login page is not "healthy".
 */
public final class HttpProbe implements Probe {

  private final String name;
  private final URI url;
  private final Duration timeout;
  private final StatusRange expectedStatus;
  private final Path caFile;
  private final boolean insecure;
  private final Path bearerTokenFile;
  private final AtomicReference<HttpClient> client = new AtomicReference<>();

  private HttpProbe(Builder b) {
    this.name = b.name;
    this.url = b.url;
    this.timeout = b.timeout;
    this.expectedStatus = b.expectedStatus;
    this.caFile = b.caFile;
    this.insecure = b.insecure;
    this.bearerTokenFile = b.bearerTokenFile;
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).timeout(timeout).GET().header("User-Agent", "companyos-agent");
    if (bearerTokenFile != null) {
      token.set(SecretFile.read("bearerTokenFile", bearerTokenFile).strip());
      request.header("Authorization", "Bearer " + token.get());
    }
    return client()
        .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
        .thenApply(this::verdict);
  }

  private Verdict verdict(HttpResponse<Void> response) {
    int status = response.statusCode();
    if (expectedStatus.contains(status)) {
      return Verdict.up("HTTP " + status);
    }
    return Verdict.down("HTTP " + status + ", expected " + expectedStatus);
  }

  private HttpClient client() {
    HttpClient existing = client.get();
    if (existing != null) {
      return existing;
    }
    if (!"https".equalsIgnoreCase(url.getScheme()) || (!insecure && caFile == null)) {
      // the JDK's trust store: the process's shared client (the request's timeout bounds connect)
      return SharedHttpClient.get();
    }
    HttpClient created =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(sslContext())
            .build();
    return client.compareAndSet(null, created) ? created : client.get();
  }

  private SSLContext sslContext() {
    try {
      return insecure ? TlsContexts.trustingAnything() : TlsContexts.trusting(caFile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read caFile " + caFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use caFile " + caFile + ": " + e.getMessage(), e);
    }
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

    public HttpProbe build() {
      if (insecure && caFile != null) {
        throw new IllegalArgumentException("caFile and insecure exclude each other");
      }
      return new HttpProbe(this);
    }
  }
}
