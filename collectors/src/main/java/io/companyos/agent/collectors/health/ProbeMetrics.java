package io.companyos.agent.collectors.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code agent.probe.status} (1 UP, 0.5 DEGRADED, 0 DOWN; NaN before the first run) and
 * {@code agent.probe.latency} (seconds) per probe, tagged {@code probe} and {@code type}, from the
 * latest {@link HealthReport} given to {@link #record}.
 */
public final class ProbeMetrics implements MeterBinder {

  private final List<Probe> probes;
  private final Map<String, ProbeResult> latest = new ConcurrentHashMap<>();

  public ProbeMetrics(List<? extends Probe> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Probe probe : probes) {
      Tags tags = Tags.of("probe", probe.name(), "type", probe.type());
      String name = probe.name();
      Gauge.builder("agent.probe.status", latest, m -> status(m.get(name)))
          .description("Result of the latest health check: 1 UP, 0.5 DEGRADED, 0 DOWN")
          .baseUnit("status")
          .tags(tags)
          .strongReference(true).register(registry);
      Gauge.builder("agent.probe.latency", latest, m -> latency(m.get(name)))
          .description("Duration of the latest health check (the timeout when it timed out)")
          .baseUnit("seconds")
          .tags(tags)
          .strongReference(true).register(registry);
    }
  }

  /** Keeps the results of a run for the gauges. */
  public void record(HealthReport report) {
    for (ProbeResult result : report.probes()) {
      latest.put(result.name(), result);
    }
  }

  private static double status(ProbeResult result) {
    return result == null ? Double.NaN : result.status().gaugeValue();
  }

  private static double latency(ProbeResult result) {
    return result == null ? Double.NaN : result.latency().toNanos() / 1e9;
  }
}
