package io.companyos.agent.daemon;

import io.companyos.agent.collectors.prometheus.PrometheusScraper;
import io.companyos.agent.collectors.prometheus.ScrapeResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Scrapes each configured CompanyOS service's {@code /metrics} on its own interval, keeping the allowlisted families of
 * the last scrape for the Tier-1 stream (listeners) and reporting {@code agent.scrape.up{scrape}} (1 when the last
 * scrape succeeded), {@code agent.scrape.duration{scrape}} and a {@code scrapes} section in {@code /v1/status}.
 */
final class ScrapeScheduler implements StatusContributor {
  /** One scrape and its interval. */
  record Scrape(PrometheusScraper scraper, Duration interval) {}

  private final List<Scrape> scrapes;
  private final Map<String, ScrapeResult> latest = new ConcurrentHashMap<>();
  private final List<Consumer<ScrapeResult>> listeners = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();

  ScrapeScheduler(List<Scrape> scrapes, MeterRegistry registry) {
    this.scrapes = List.copyOf(scrapes);
    for (Scrape s : scrapes) {
      String name = s.scraper().name();
      Gauge.builder("agent.scrape.up", latest, m -> m.containsKey(name) ? (m.get(name).ok() ? 1 : 0) : Double.NaN)
          .description("1 when the last scrape of this CompanyOS service succeeded, 0 when it failed")
          .tag("scrape", name).strongReference(true).register(registry);
      Gauge.builder("agent.scrape.duration", latest,
              m -> m.containsKey(name) ? m.get(name).duration().toNanos() / 1e9 : Double.NaN)
          .description("Duration of the last scrape").baseUnit("seconds").tag("scrape", name)
          .strongReference(true).register(registry);
    }
  }

  /** Adds a consumer of every scrape result (the Tier-1 usage counters); call before {@link #start}. */
  void addListener(Consumer<ScrapeResult> listener) {
    listeners.add(listener);
  }

  void start(Vertx vertx) {
    for (Scrape s : scrapes) {
      scrapeOnce(s);
      timers.add(vertx.setPeriodic(s.interval().toMillis(), id -> scrapeOnce(s)));
    }
  }

  private void scrapeOnce(Scrape s) {
    s.scraper().scrape().thenAccept(result -> {
      latest.put(result.name(), result);
      listeners.forEach(l -> l.accept(result));
    });
  }

  @Override
  public String name() {
    return "scrapes";
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    for (Scrape scrape : scrapes) {
      ScrapeResult r = latest.get(scrape.scraper().name());
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("ok", r == null ? null : r.ok());
      one.put("lastScrape", r == null ? null : r.time().toString());
      one.put("families", r == null ? null : r.families().size());
      one.put("droppedFamilies", r == null ? null : r.droppedFamilies());
      one.put("error", r == null ? null : r.error());
      s.put(scrape.scraper().name(), one);
    }
    return s;
  }
}
