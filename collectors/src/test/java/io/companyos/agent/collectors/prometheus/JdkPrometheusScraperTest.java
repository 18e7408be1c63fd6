package io.companyos.agent.collectors.prometheus;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;

/** The scraper on the JDK's client ({@code export-bundle}). */
class JdkPrometheusScraperTest extends PrometheusScraperTest {

  @Override
  HttpFetcher fetcher() {
    return JdkHttpFetcher.shared();
  }
}
