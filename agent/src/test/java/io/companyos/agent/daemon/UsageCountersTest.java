package io.companyos.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.collectors.prometheus.MetricFamily;
import io.companyos.agent.collectors.prometheus.MetricType;
import io.companyos.agent.collectors.prometheus.Sample;
import io.companyos.agent.collectors.prometheus.ScrapeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageCountersTest {
  private static Sample sample(String name, String method, String statusLabel, String status, double value) {
    return new Sample(name, Map.of("method", method, statusLabel, status, "uri", "/api/customers/42"), value, null);
  }

  private static ScrapeResult scrape(List<Sample> samples, String error) {
    return new ScrapeResult("web", Instant.EPOCH, Duration.ZERO,
        error == null ? List.of(new MetricFamily("x", MetricType.UNKNOWN, "", "", samples)) : List.of(), 0, error);
  }

  @Test
  void requestCountersAreSummedPerMethodAndStatusClassAndTheRestIsDropped() {
    var counts = UsageCounters.requests(scrape(List.of(
        sample("http_server_requests_seconds_count", "GET", "status", "200", 3),
        sample("http_server_requests_seconds_count", "get", "status", "201", 4),
        sample("http_server_requests_seconds_sum", "GET", "status", "200", 99),
        sample("http_requests_total", "POST", "code", "503", 2),
        sample("http_server_requests_total", "DELETE", "status_code", "404", 1),
        sample("http_server_requests_seconds_count", "BREW", "status", "200", 5),
        sample("http_server_requests_seconds_count", "GET", "status", "CLIENT_ERROR", 5),
        sample("http_server_requests_seconds_count", "GET", "status", "200", Double.NaN),
        sample("jvm_threads_live_threads", "GET", "status", "200", 5)), null));
    assertThat(counts).isEqualTo(Map.of(
        new UsageCounters.Key("web", "GET", "2xx"), 7.0,
        new UsageCounters.Key("web", "POST", "5xx"), 2.0,
        new UsageCounters.Key("web", "DELETE", "4xx"), 1.0));
  }

  @Test
  void aFailedScrapeHasNoCounts() {
    assertThat(UsageCounters.requests(scrape(List.of(), "HTTP 503"))).isEmpty();
  }
}
