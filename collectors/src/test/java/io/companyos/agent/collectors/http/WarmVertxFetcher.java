package io.companyos.agent.collectors.http;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** A {@link VertxHttpFetcher} for tests, its client's classes loaded before a test's short timeouts count. */
public final class WarmVertxFetcher {

  private static HttpFetcher shared;

  private WarmVertxFetcher() {}

  /**
   * One warm fetcher on one Vert.x (an event loop and a worker, as the daemon's) for every test class of this JVM that
   * runs a test suite on the daemon's event loop; its threads end with the test JVM.
   */
  public static synchronized HttpFetcher shared() {
    if (shared == null) {
      try {
        shared = on(io.vertx.core.Vertx.vertx(
            new io.vertx.core.VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)));
      } catch (Exception e) {
        throw new IllegalStateException("warming the Vert.x fetcher", e);
      }
    }
    return shared;
  }

  /**
   * A fetcher on {@code vertx} that has made one request (to a closed port): on a loaded machine, loading the Vert.x
   * HTTP client's classes at the first request can take longer than a probe's 5 s timeout.
   */
  public static HttpFetcher on(io.vertx.core.Vertx vertx) throws Exception {
    HttpFetcher fetcher = new VertxHttpFetcher(vertx);
    try (Socket held = new Socket()) { // bound, never listening: the request is refused
      held.bind(new InetSocketAddress("127.0.0.1", 0));
      fetcher.get(HttpFetcher.Request.get(URI.create("http://127.0.0.1:" + held.getLocalPort() + "/"),
          Duration.ofSeconds(60))).handle((response, error) -> null).get();
    }
    return fetcher;
  }
}
