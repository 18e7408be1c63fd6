package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.WarmVertxFetcher;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The HTTP probe on a Vert.x event loop (the daemon's). */
class VertxHttpProbeTest extends HttpProbeTest {

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
