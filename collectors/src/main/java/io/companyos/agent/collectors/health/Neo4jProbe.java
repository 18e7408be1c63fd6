package io.companyos.agent.collectors.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Neo4j: a Bolt handshake (version negotiation only; no credentials are sent) and, when an HTTP
 * port is given, the server version from the discovery document at {@code http://host:port/}.
 */
public final class Neo4jProbe implements Probe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String host;
  private final int boltPort;
  private final Integer httpPort;
  private final Duration timeout;
  private final HttpFetcher http;

  private Neo4jProbe(Builder b) {
    this.name = b.name;
    this.host = b.host;
    this.boltPort = b.boltPort;
    this.httpPort = b.httpPort;
    this.timeout = b.timeout;
    this.http = b.httpPort == null ? null : b.http;
  }

  /** A probe of the Bolt port {@code boltPort} (Neo4j's default is 7687). */
  public static Builder builder(String name, String host, int boltPort) {
    return new Builder(name, host, boltPort);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "neo4j";
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public CompletableFuture<ProbeResult> check() {
    return TimedCheck.run(this, this::probe, () -> null);
  }

  private CompletableFuture<Verdict> probe() {
    return handshake()
        .thenCompose(
            bolt -> {
              if (bolt.isEmpty()) {
                return CompletableFuture.completedFuture(
                    Verdict.down("Bolt server supports none of the offered versions"));
              }
              String found = "Bolt " + bolt.get();
              if (http == null) {
                return CompletableFuture.completedFuture(Verdict.up(found));
              }
              return discoveryVersion()
                  .handle(
                      (version, error) -> error == null
                          ? Verdict.up(found + ", Neo4j " + version)
                          : Verdict.degraded(
                              found + ", HTTP discovery failed: " + Causes.describe(error)));
            });
  }

  private CompletableFuture<Optional<String>> handshake() {
    return AsyncSockets.connect(host, boltPort)
        .thenCompose(
            channel -> exchange(channel, timeout.plusSeconds(1)) // closes the socket after the probe gave up
                .whenComplete((answer, error) -> AsyncSockets.closeQuietly(channel)))
        .thenApply(BoltHandshake::agreed);
  }

  private static CompletableFuture<Integer> exchange(AsynchronousSocketChannel channel, Duration timeout) {
    return AsyncSockets.writeFully(channel, BoltHandshake.request())
        .thenCompose(written -> AsyncSockets.readFully(channel, ByteBuffer.allocate(4), timeout))
        .thenApply(ByteBuffer::getInt)
        .exceptionally(
            error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (cause instanceof EOFException) {
                throw new IllegalStateException(
                    "connection closed during the Bolt handshake (not a Bolt server?)");
              }
              throw error instanceof CompletionException c ? c : new CompletionException(error);
            });
  }

  private CompletableFuture<String> discoveryVersion() {
    HttpFetcher.Request request =
        HttpFetcher.Request.get(URI.create("http://" + hostForUri() + ":" + httpPort + "/"), timeout)
            .header("Accept", "application/json");
    return http.get(request)
        .thenApply(
            response -> {
              if (response.status() != 200) {
                throw new IllegalStateException("HTTP " + response.status());
              }
              try (InputStream body = response.bodyStream()) {
                JsonNode version = JSON.readTree(body).path("neo4j_version");
                if (!version.isTextual()) {
                  throw new IllegalStateException("no neo4j_version in the discovery document");
                }
                return version.asText();
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("discovery document is not JSON", e);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  private String hostForUri() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Options of a {@link Neo4jProbe}. */
  public static final class Builder {
    private final String name;
    private final String host;
    private final int boltPort;
    private Integer httpPort;
    private Duration timeout = Duration.ofSeconds(5);
    private HttpFetcher http = JdkHttpFetcher.shared();

    private Builder(String name, String host, int boltPort) {
      this.name = ProbeArguments.check(name);
      this.host = ProbeArguments.checkHost(host);
      this.boltPort = ProbeArguments.checkPort(boltPort);
    }

    /** HTTP port whose discovery document gives the Neo4j version (usually 7474). Default none. */
    public Builder httpPort(int httpPort) {
      this.httpPort = ProbeArguments.checkPort(httpPort);
      return this;
    }

    /** Time allowed for the handshake and the discovery request together. Default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = ProbeArguments.checkTimeout(timeout);
      return this;
    }

    /** The HTTP client of the discovery request: the JDK's (default) or the daemon's {@code VertxHttpFetcher}. */
    public Builder http(HttpFetcher http) {
      this.http = java.util.Objects.requireNonNull(http, "http");
      return this;
    }

    public Neo4jProbe build() {
      return new Neo4jProbe(this);
    }
  }
}
