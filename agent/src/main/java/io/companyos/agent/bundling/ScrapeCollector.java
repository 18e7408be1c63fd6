package io.companyos.agent.bundling;

import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.collectors.prometheus.MetricAllowlist;
import io.companyos.agent.collectors.prometheus.PrometheusScraper;
import io.companyos.agent.collectors.prometheus.ScrapeResult;
import io.companyos.agent.config.ScrapeConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code metrics/scrape-<name>.prom}: one configured scrape, its allowlisted families as Prometheus text. */
final class ScrapeCollector implements BundleCollector {
  private final ScrapeConfig scrape;

  ScrapeCollector(ScrapeConfig scrape) {
    this.scrape = scrape;
  }

  @Override
  public String name() {
    return "scrape:" + scrape.name();
  }

  @Override
  public String category() {
    return "metrics";
  }

  @Override
  public Collected collect() throws Exception {
    ScrapeResult result = PrometheusScraper.builder(scrape.name(), URI.create(scrape.url()),
        new MetricAllowlist(scrape.allow())).build().scrape().get();
    if (!result.ok()) {
      throw new CollectorFailure(result.error());
    }
    byte[] text = PrometheusText.write(result.families()).getBytes(StandardCharsets.UTF_8);
    return new Collected(List.of(InMemorySource.of("metrics/scrape-" + SafeNames.segment(scrape.name()) + ".prom",
        SourcePriority.METRICS, text)),
        result.families().size() + " families kept, " + result.droppedFamilies() + " not allowlisted");
  }

}
