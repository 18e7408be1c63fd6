package io.companyos.agent.collectors.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.TrustOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link HttpFetcher} on a Vert.x instance's event loop: the daemon's probes and scrapes, beside its HTTP server and
 * database clients, with no thread of its own. One Vert.x HTTP client (HTTP/1.1, keep-alive) serves every request;
 * TLS settings are per request ({@link HttpTls} keeps the options built from it), set up at the first https request.
 *
 * <p>The request's timeout is one timer on the event loop over the whole exchange: when it fires, the request is
 * reset (its connection closed) and the future fails with a {@link TimeoutException}. Bodies larger than
 * {@link HttpFetcher#LARGE_BODY_BYTES} are handed over on a worker thread, smaller ones on the event loop.
 */
public final class VertxHttpFetcher implements HttpFetcher {

  private static final ClientSSLOptions JDK_DEFAULT_TLS =
      new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS");

  private final Vertx vertx;
  private final Context context;
  private final HttpClientAgent client;

  /** A fetcher on {@code vertx}; its client is closed with the Vert.x instance. */
  public VertxHttpFetcher(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setVerifyHost(true)
        .setName("companyos-agent-fetch"));
  }

  /**
   * Starts the exchange in one task on the fetcher's event loop, whatever thread calls: Vert.x hands a response's
   * body and end only to the handlers set by then, and a response whose {@code send()} future completed before a
   * caller thread had chained its handlers (a preempted caller, a fast keep-alive answer) would never end — a
   * healthy target reported as timed out. On the event loop nothing can arrive between the request and its handlers.
   */
  @Override
  public CompletableFuture<Response> get(Request request) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        start(request, result);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private void start(Request request, CompletableFuture<Response> result) {
    URI url = request.url();
    boolean https = request.https();
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("url has no host: " + url);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    long millis = Math.max(1, request.timeout().toMillis());
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setHost(host)
        .setPort(url.getPort() >= 0 ? url.getPort() : https ? 443 : 80)
        .setURI(path)
        .setSsl(https)
        .setFollowRedirects(false)
        .setConnectTimeout(millis);
    if (https) {
      options.setSslOptions(sslOptions(request.tls(), millis));
    }
    request.headers().forEach(options::putHeader);
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer = vertx.setTimer(millis, id -> {
      if (result.completeExceptionally(new TimeoutException("timed out after " + millis + " ms"))) {
        HttpClientRequest r = sent.get();
        if (r != null) {
          r.reset();
        }
      }
    });
    result.whenComplete((r, e) -> vertx.cancelTimer(timer));
    client.request(options)
        .compose(r -> {
          sent.set(r);
          if (result.isDone()) { // timed out while connecting
            r.reset();
          }
          return r.send();
        })
        .onSuccess(response -> read(request, response, result))
        .onFailure(result::completeExceptionally);
  }

  private void read(Request request, HttpClientResponse response, CompletableFuture<Response> result) {
    long max = request.maxBodyBytes();
    boolean discard = request.isDiscardBody();
    List<ByteBuffer> chunks = new ArrayList<>();
    long[] count = {0};
    response.exceptionHandler(result::completeExceptionally);
    response.handler(chunk -> {
      if (result.isDone()) {
        return;
      }
      count[0] += chunk.length();
      if (count[0] > max) {
        if (discard) {
          result.complete(new Response(response.statusCode(), contentType(response), List.of()));
        } else {
          result.completeExceptionally(new ResponseTooLargeException(max));
        }
        response.request().reset();
        return;
      }
      if (!discard && chunk.length() > 0) {
        chunks.add(ByteBuffer.wrap(chunk.getBytes()));
      }
    });
    response.endHandler(end -> {
      Response done = new Response(response.statusCode(), contentType(response), discard ? List.of() : chunks);
      if (count[0] <= LARGE_BODY_BYTES || discard) {
        result.complete(done);
      } else {
        vertx.executeBlocking(() -> result.complete(done), false);
      }
    });
  }

  private static String contentType(HttpClientResponse response) {
    return response.getHeader("Content-Type");
  }

  private static ClientSSLOptions sslOptions(HttpTls tls, long handshakeMillis) {
    ClientSSLOptions base;
    if (tls.trustManager() == null) {
      base = JDK_DEFAULT_TLS;
    } else {
      Object existing = tls.vertx.get();
      if (existing == null) {
        tls.vertx.compareAndSet(null, new ClientSSLOptions()
            .setTrustOptions(TrustOptions.wrap(tls.trustManager()))
            .setHostnameVerificationAlgorithm("HTTPS"));
      }
      base = (ClientSSLOptions) tls.vertx.get();
    }
    // a copy with this request's handshake timeout; Vert.x keys its TLS contexts by the trust, not the timeout
    return new ClientSSLOptions(base).setSslHandshakeTimeout(handshakeMillis)
        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
  }
}
