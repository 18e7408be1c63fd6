package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.bundle.manifest.TimeWindow;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.LogSourceConfig;
import io.companyos.agent.config.ScrapeConfig;
import io.companyos.agent.redaction.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything {@code export-bundle} collects for one configuration, by category. */
public final class BundleCollection {
  /** The {@code --include} categories, in the order of the bundle's layout. */
  public static final List<String> CATEGORIES = List.of("health", "metrics", "logs", "config", "system", "agent");

  private BundleCollection() {}

  /**
   * What was collected.
   *
   * @param sources every source of every collector that finished, for the bundle writer
   * @param runs one record per collector (skipped ones included), for the manifest
   */
  public record Result(List<BundleSource> sources, List<CollectorRun> runs) {
    public Result {
      sources = List.copyOf(sources);
      runs = List.copyOf(runs);
    }
  }

  /**
   * Runs every collector of the included categories concurrently.
   *
   * @param include categories from {@link #CATEGORIES}
   * @param redactor redacts collector names, details and log file names on their way into the manifest
   * @param timeout each collector's time limit
   */
  public static Result collect(AgentConfig config, Path stateDir, TimeWindow window, Set<String> include,
      Redactor redactor, Duration timeout, Map<String, String> env, Clock clock) throws InterruptedException {
    List<BundleCollector> all = new ArrayList<>();
    all.add(new HealthCollector(config.probes()));
    all.add(AgentMetricsCollector.jvm());
    all.add(AgentMetricsCollector.host(config.hostRoot()));
    for (ScrapeConfig scrape : config.scrapes()) {
      all.add(new ScrapeCollector(scrape));
    }
    for (LogSourceConfig logs : config.logs()) {
      all.add(new LogCollector(logs, window, redactor::redact));
    }
    all.add(new ConfigCollector(config));
    if (!config.bundle().configFiles().isEmpty()) {
      all.add(new ConfigFilesCollector(config.bundle().configFiles(), redactor::redact));
    }
    all.add(new SystemCollector(env, config.hostRoot(), clock));
    all.add(new AgentFilesCollector(stateDir));

    List<BundleCollector> chosen = new ArrayList<>();
    List<CollectorRun> skipped = new ArrayList<>();
    for (BundleCollector collector : all) {
      if (include.contains(collector.category())) {
        chosen.add(collector);
      } else {
        skipped.add(CollectorRunner.skipped(redactor.redact(collector.name())));
      }
    }
    Result ran = new CollectorRunner(timeout, redactor::redact).run(chosen);
    List<CollectorRun> runs = new ArrayList<>(ran.runs());
    runs.addAll(skipped);
    return new Result(ran.sources(), runs);
  }
}
