package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.WarmVertxFetcher;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Neo4j probe with a Vert.x event loop for its discovery request (the daemon's). */
class VertxNeo4jProbeTest extends Neo4jProbeTest {

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
