package io.companyos.agent.collectors.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link HttpFetcherTest} on a Vert.x event loop. */
class VertxHttpFetcherTest extends HttpFetcherTest {

  private static Vertx vertx;
  private static HttpFetcher fetcher;

  @BeforeAll
  static void startVertx() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    fetcher = WarmVertxFetcher.on(vertx);
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @Override
  HttpFetcher fetcher() {
    return fetcher;
  }
}
