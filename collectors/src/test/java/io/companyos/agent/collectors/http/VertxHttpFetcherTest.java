package io.companyos.agent.collectors.http;

/** {@link HttpFetcherTest} on a Vert.x event loop. */
class VertxHttpFetcherTest extends HttpFetcherTest {

  @Override
  HttpFetcher fetcher() {
    return WarmVertxFetcher.shared();
  }
}
