package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;

/** The Neo4j probe with the JDK client for its discovery request ({@code agent health}). */
class JdkNeo4jProbeTest extends Neo4jProbeTest {

  @Override
  HttpFetcher fetcher() {
    return JdkHttpFetcher.shared();
  }
}
