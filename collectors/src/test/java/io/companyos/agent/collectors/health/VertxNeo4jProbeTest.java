package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.WarmVertxFetcher;

/** The Neo4j probe with a Vert.x event loop for its discovery request (the daemon's). */
class VertxNeo4jProbeTest extends Neo4jProbeTest {

  @Override
  HttpFetcher fetcher() {
    return WarmVertxFetcher.shared();
  }
}
