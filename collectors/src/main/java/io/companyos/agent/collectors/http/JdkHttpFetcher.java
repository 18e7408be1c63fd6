package io.companyos.agent.collectors.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpFetcher} on the JDK's {@link HttpClient}: needs no event loop, so commands without one ({@code agent
 * health}, {@code export-bundle}) use it. Requests with the JDK's trust go through the process's
 * {@link SharedHttpClient}; a probe's own trust ({@link HttpTls}) gets one client, kept in that {@code HttpTls}.
 *
 * <p>The request's timeout is the JDK's request timeout (connect, TLS, response head) and, for the body, a deadline
 * after which the body's subscription is cancelled, which closes the connection.
 */
public final class JdkHttpFetcher implements HttpFetcher {

  private static final JdkHttpFetcher INSTANCE = new JdkHttpFetcher();

  private JdkHttpFetcher() {}

  /** The process's one instance (its clients are shared). */
  public static JdkHttpFetcher shared() {
    return INSTANCE;
  }

  @Override
  public CompletableFuture<Response> get(Request request) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(request.timeout()).GET();
      request.headers().forEach(builder::header);
      BoundedBody body = new BoundedBody(request.maxBodyBytes(), request.isDiscardBody());
      CompletableFuture<HttpResponse<List<ByteBuffer>>> sent =
          client(request.tls()).sendAsync(builder.build(), body::head);
      result.orTimeout(request.timeout().toNanos(), TimeUnit.NANOSECONDS).whenComplete((response, error) -> {
        if (error instanceof TimeoutException) {
          body.cancel();
          sent.cancel(true);
        }
      });
      sent.whenComplete((response, error) -> {
        if (error != null && body.overLimit()) {
          // the JDK may report the cancelled exchange rather than the body's own outcome
          if (request.isDiscardBody()) {
            result.complete(new Response(body.info.statusCode(),
                body.info.headers().firstValue("Content-Type").orElse(null), List.of()));
          } else {
            result.completeExceptionally(new ResponseTooLargeException(request.maxBodyBytes()));
          }
        } else if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(new Response(response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(null), response.body()));
        }
      });
    } catch (RuntimeException | GeneralSecurityException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  private static HttpClient client(HttpTls tls) throws GeneralSecurityException {
    if (tls.trustManager() == null) {
      return SharedHttpClient.get();
    }
    Object existing = tls.jdk.get();
    if (existing != null) {
      return (HttpClient) existing;
    }
    HttpClient created = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(tls.sslContext())
        .build();
    return tls.jdk.compareAndSet(null, created) ? created : (HttpClient) tls.jdk.get();
  }

  /** Keeps the body's buffers up to a limit; over it, cancels (closing the connection). */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<List<ByteBuffer>> {
    private final long max;
    private final boolean discard;
    private final CompletableFuture<List<ByteBuffer>> body = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private volatile boolean overLimit;
    private volatile HttpResponse.ResponseInfo info;
    private long count;

    BoundedBody(long max, boolean discard) {
      this.max = max;
      this.discard = discard;
    }

    HttpResponse.BodySubscriber<List<ByteBuffer>> head(HttpResponse.ResponseInfo info) {
      this.info = info;
      return this;
    }

    boolean overLimit() {
      return overLimit;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        count += item.remaining();
        if (count > max) {
          overLimit = true;
          if (discard) {
            body.complete(List.of());
          } else {
            body.completeExceptionally(new ResponseTooLargeException(max));
          }
          cancel();
          return;
        }
        if (!discard && item.hasRemaining()) {
          buffers.add(item);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(discard ? List.of() : buffers);
    }

    @Override
    public CompletionStage<List<ByteBuffer>> getBody() {
      return body;
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
