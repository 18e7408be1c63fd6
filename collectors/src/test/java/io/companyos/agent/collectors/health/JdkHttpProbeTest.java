package io.companyos.agent.collectors.health;

import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;

/** The HTTP probe on the JDK's client ({@code agent health}). */
class JdkHttpProbeTest extends HttpProbeTest {

  @Override
  HttpFetcher fetcher() {
    return JdkHttpFetcher.shared();
  }
}
