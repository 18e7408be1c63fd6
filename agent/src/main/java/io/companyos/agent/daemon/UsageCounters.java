package io.companyos.agent.daemon;

import io.companyos.agent.collectors.prometheus.MetricFamily;
import io.companyos.agent.collectors.prometheus.Sample;
import io.companyos.agent.collectors.prometheus.ScrapeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Usage counters of the Tier-1 stream from the scraped metrics of CompanyOS services: the request counters a service
 * exposes ({@code http_server_requests_seconds_count} of Micrometer timers, {@code http_server_requests_total},
 * {@code http_requests_total}), summed into {@code companyos.http.server.requests} per service (the scrape's name),
 * HTTP method and status class. Every other label (the URI with its ids, the exception, the instance) is summed away
 * here, so it never reaches the stream. Only what the scrape's {@code allow:} globs let in is seen.
 */
final class UsageCounters {
  /** Sample names read as request counts. */
  static final Set<String> REQUEST_COUNTS = Set.of("http_server_requests_seconds_count", "http_server_requests_total",
      "http_requests_total");
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final List<String> STATUS_LABELS = List.of("status", "code", "status_code", "http_status_code");

  /** One series of {@code companyos.http.server.requests}. */
  record Key(String service, String method, String statusClass) {}

  private UsageCounters() {}

  /**
   * The request counts of one successful scrape, per method and status class; empty when it has none. Samples with a
   * method outside the standard ones or without a numeric status are left out.
   */
  static Map<Key, Double> requests(ScrapeResult result) {
    Map<Key, Double> out = new LinkedHashMap<>();
    if (!result.ok()) {
      return out;
    }
    for (MetricFamily f : result.families()) {
      for (Sample s : f.samples()) {
        if (!REQUEST_COUNTS.contains(s.name()) || !Double.isFinite(s.value()) || s.value() < 0) {
          continue;
        }
        String method = s.labels().getOrDefault("method", "").toUpperCase(Locale.ROOT);
        String statusClass = statusClass(s.labels());
        if (METHODS.contains(method) && statusClass != null) {
          out.merge(new Key(result.name(), method, statusClass), s.value(), Double::sum);
        }
      }
    }
    return out;
  }

  private static String statusClass(Map<String, String> labels) {
    for (String label : STATUS_LABELS) {
      String v = labels.get(label);
      if (v != null && v.length() == 3 && v.charAt(0) >= '1' && v.charAt(0) <= '5'
          && Character.isDigit(v.charAt(1)) && Character.isDigit(v.charAt(2))) {
        return v.charAt(0) + "xx";
      }
    }
    return null;
  }
}
