package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.WarmVertxFetcher;

/** The HTTP probe on a Vert.x event loop (the daemon's). */
class VertxHttpProbeTest extends HttpProbeTest {

  @Override
  HttpFetcher fetcher() {
    return WarmVertxFetcher.shared();
  }
}
