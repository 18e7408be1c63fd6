package io.companyos.agent.collectors.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.collectors.http.HttpFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scraper's tests, run against both HTTP clients ({@link JdkPrometheusScraperTest},
 * {@link VertxPrometheusScraperTest}).
 */
abstract class PrometheusScraperTest {

  /** The HTTP client under test. */
  abstract HttpFetcher fetcher();


  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(get("/metrics").willReturn(aResponse()
        .withHeader("Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8")
        .withBody("""
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{le="+Inf"} 3
            http_server_requests_seconds_count 3
            http_server_requests_seconds_sum 0.5
            # TYPE users_by_email gauge
            users_by_email{email="jane@example.com"} 1
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap"} 1.0E7
            # EOF
            """)));
    server.stubFor(get("/broken").willReturn(aResponse()
        .withHeader("Content-Type", "text/plain; version=0.0.4")
        .withBody("ok_metric 1\nbroken_metric{a=\"1\" 2\n")));
    server.stubFor(get("/down").willReturn(aResponse().withStatus(503)));
    server.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(1500).withBody("a 1\n")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void keepsOnlyAllowlistedFamilies() throws Exception {
    ScrapeResult result = scraper("/metrics", "http_server_*", "jvm_memory_used_bytes").scrape().get();

    assertThat(result.ok()).as(result.error()).isTrue();
    assertThat(result.families()).extracting(MetricFamily::name)
        .containsExactly("http_server_requests_seconds", "jvm_memory_used_bytes");
    assertThat(result.droppedFamilies()).isEqualTo(1);
    server.verify(getRequestedFor(urlEqualTo("/metrics"))
        .withHeader("Accept", containing("application/openmetrics-text")));
  }

  @Test
  void malformedExpositionIsAScrapeErrorWithTheLineNumber() throws Exception {
    ScrapeResult result = scraper("/broken", "*").scrape().get();

    assertThat(result.ok()).isFalse();
    assertThat(result.error()).isEqualTo("line 2: expected ',' or '}' in label set");
    assertThat(result.families()).isEmpty();
  }

  @Test
  void httpErrorsAndTimeoutsAreScrapeErrors() throws Exception {
    assertThat(scraper("/down", "*").scrape().get().error()).isEqualTo("HTTP 503");
    ScrapeResult slow = PrometheusScraper.builder("core", url("/slow"), new MetricAllowlist(List.of("*")))
        .http(fetcher()).timeout(Duration.ofMillis(300)).build().scrape().get();
    assertThat(slow.error()).isEqualTo("timed out after 300 ms");
  }

  @Test
  void globsMatchWholeNames() {
    MetricAllowlist allowlist = new MetricAllowlist(List.of("jvm_*", "process_cpu_?sage"));

    assertThat(allowlist.allows("jvm_threads_live")).isTrue();
    assertThat(allowlist.allows("process_cpu_usage")).isTrue();
    assertThat(allowlist.allows("my_jvm_threads")).isFalse();
    assertThat(new MetricAllowlist(List.of()).allows("anything")).isFalse();
    assertThat(new MetricAllowlist(List.of("a.b")).allows("axb")).isFalse();
  }

  private PrometheusScraper scraper(String path, String... allow) {
    return PrometheusScraper.builder("core", url(path), new MetricAllowlist(List.of(allow))).http(fetcher()).build();
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
