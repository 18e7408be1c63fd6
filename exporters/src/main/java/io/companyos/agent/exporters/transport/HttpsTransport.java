package io.companyos.agent.exporters.transport;

import io.companyos.agent.policy.egress.EgressTransport;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.egress.TransportResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's one HTTP client for vendor endpoints (heartbeat, OTLP): the JDK {@link HttpClient} over HTTP/1.1 with
 * TLS from {@link TransportOptions} (custom CA bundle, mTLS client certificate), an optional HTTP proxy used with
 * CONNECT for HTTPS (with {@code noProxy} exceptions), and a timeout on connecting and on each request. Response
 * bodies are discarded; only the status and {@code Retry-After} matter. Only the egress guard holds a transport.
 */
public final class HttpsTransport implements EgressTransport {
  private final TransportOptions options;
  private final Clock clock;
  private final ExecutorService executor;
  /**
   * Where each request waits for its answer ({@link HttpClient#send}). {@link HttpClient#sendAsync} completes its
   * future through {@code CompletableFuture}'s default executor, which, on a JVM with one processor (a container with
   * a CPU limit of 1 or less, a pinned process) is a new thread per task: one thread created and ended per request.
   * At most two requests at a time; the threads end after 30 s without one.
   */
  private final ThreadPoolExecutor senders;
  private final HttpClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpsTransport(TransportOptions options, Clock clock) throws TransportSetupException {
    this.options = options;
    this.clock = clock;
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(TlsMaterial.context(options));
    options.proxy().ifPresent(p -> b.proxy(new NoProxySelector(p, options.noProxy())));
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "egress-https");
      t.setDaemon(true);
      return t;
    });
    this.client = b.executor(executor).build();
    this.senders = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "egress-https-send");
      t.setDaemon(true);
      return t;
    });
    senders.allowCoreThreadTimeOut(true);
  }

  /**
   * Builds the transport (reads the PEM files now, so a bad file fails at start-up, not at the first send).
   *
   * @throws TransportSetupException naming the unreadable file
   */
  public static HttpsTransport create(TransportOptions options, Clock clock) throws TransportSetupException {
    return new HttpsTransport(options, clock);
  }

  @Override
  public CompletableFuture<TransportResponse> post(OutboundRequest request) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("transport closed"));
    }
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(request.destination())
          .timeout(options.timeout())
          .header("Content-Type", request.contentType())
          .header("User-Agent", options.userAgent())
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
      for (Map.Entry<String, String> h : request.headers().entrySet()) {
        r.header(h.getKey(), h.getValue());
      }
      HttpRequest built = r.build();
      return CompletableFuture.supplyAsync(() -> {
        HttpResponse<Void> resp;
        try {
          resp = client.send(built, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
          throw new CompletionException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CompletionException(e);
        }
        return new TransportResponse(resp.statusCode(),
            RetryAfter.parse(resp.headers().firstValue("Retry-After"), clock));
      }, senders);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Stops the client's threads; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      senders.shutdownNow();
      executor.shutdownNow();
    }
  }
}
