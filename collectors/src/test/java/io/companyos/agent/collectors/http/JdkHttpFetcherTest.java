package io.companyos.agent.collectors.http;

/** {@link HttpFetcherTest} on the JDK's client. */
class JdkHttpFetcherTest extends HttpFetcherTest {

  @Override
  HttpFetcher fetcher() {
    return JdkHttpFetcher.shared();
  }
}
