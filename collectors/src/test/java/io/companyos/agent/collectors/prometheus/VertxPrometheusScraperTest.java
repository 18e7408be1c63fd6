package io.companyos.agent.collectors.prometheus;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.WarmVertxFetcher;

/** The scraper on a Vert.x event loop (the daemon's). */
class VertxPrometheusScraperTest extends PrometheusScraperTest {

  @Override
  HttpFetcher fetcher() {
    return WarmVertxFetcher.shared();
  }
}
