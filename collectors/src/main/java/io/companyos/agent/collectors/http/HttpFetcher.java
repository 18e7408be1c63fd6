package io.companyos.agent.collectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP GET, as the HTTP probes and the Prometheus scrapes need it. Two implementations with the same behaviour:
 * {@link JdkHttpFetcher} (the JDK's client; needs no event loop: {@code agent health}, {@code export-bundle}) and
 * {@link VertxHttpFetcher} (the daemon's Vert.x event loop, which its HTTP server and database clients already run,
 * so the daemon loads neither the JDK client's ~270 classes nor its selector and worker threads).
 *
 * <p>What both promise:
 * <ul>
 *   <li>redirects are never followed (a 302 is the response);
 *   <li>{@link Request#timeout()} bounds the whole exchange — connect, TLS, request, response head and body; when it
 *       passes, the future fails with a {@link java.util.concurrent.TimeoutException} or
 *       {@link java.net.http.HttpTimeoutException} and the connection is closed;
 *   <li>at most {@link Request#maxBodyBytes()} of the body are read: beyond that the connection is closed and the
 *       future fails with {@link ResponseTooLargeException}, or, for a request that {@linkplain Request#discardBody()
 *       discards} its body, completes with the status and no body;
 *   <li>TLS is {@link Request#tls()}: the JDK's trust store with host-name verification, or a probe's own trust;
 *   <li>failures keep the exception a cause describes: {@link java.net.ConnectException} (refused),
 *       {@link javax.net.ssl.SSLException} (handshake), {@link java.net.UnknownHostException}.
 * </ul>
 * The future never completes on the caller's thread and may complete on an event loop; work on a large body should
 * not run there (the Vert.x implementation hands bodies over {@value #LARGE_BODY_BYTES} bytes to a worker thread).
 */
public interface HttpFetcher {

  /** Bodies above this size are not handed over on an event loop. */
  int LARGE_BODY_BYTES = 256 * 1024;

  /** GETs {@code request.url()}. Never throws: every failure fails the future. */
  CompletableFuture<Response> get(Request request);

  /** A GET of one URL. */
  final class Request {
    private final URI url;
    private final Duration timeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpTls tls = HttpTls.JDK_DEFAULT;
    private long maxBodyBytes = 1024 * 1024;
    private boolean discardBody;

    private Request(URI url, Duration timeout) {
      this.url = Objects.requireNonNull(url, "url");
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      String scheme = url.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("url must be http or https, got '" + url + "'");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
    }

    /** A GET of {@code url} (http or https) that must finish within {@code timeout}. */
    public static Request get(URI url, Duration timeout) {
      return new Request(url, timeout);
    }

    /** Adds a request header. */
    public Request header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The TLS settings for https. Default {@link HttpTls#JDK_DEFAULT}. */
    public Request tls(HttpTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** The most body bytes read. Default 1 MiB. */
    public Request maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Reads the body (up to {@link #maxBodyBytes()}) only to end the exchange cleanly, and keeps none of it. */
    public Request discardBody() {
      this.discardBody = true;
      return this;
    }

    public URI url() {
      return url;
    }

    public Duration timeout() {
      return timeout;
    }

    public Map<String, String> headers() {
      return Collections.unmodifiableMap(headers);
    }

    public HttpTls tls() {
      return tls;
    }

    public long maxBodyBytes() {
      return maxBodyBytes;
    }

    public boolean isDiscardBody() {
      return discardBody;
    }

    boolean https() {
      return "https".equalsIgnoreCase(url.getScheme());
    }
  }

  /**
   * A response: the status, the {@code Content-Type} (null when absent) and the body as the chunks received (empty for
   * a request that discards its body).
   */
  record Response(int status, String contentType, List<ByteBuffer> body) {
    public Response {
      body = List.copyOf(body);
    }

    /** The body as a stream over the received chunks (no copy into one array). */
    public InputStream bodyStream() {
      return new SequenceInputStream(Collections.enumeration(body.stream()
          .map(b -> (InputStream) new ByteBufferInputStream(b.asReadOnlyBuffer())).toList()));
    }
  }

  /** The body is larger than the request's {@link Request#maxBodyBytes()}. */
  final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public ResponseTooLargeException(long maxBodyBytes) {
      super("response body larger than " + describe(maxBodyBytes));
    }

    private static String describe(long bytes) {
      return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
  }
}
