package io.companyos.agent.daemon;

import io.companyos.agent.collectors.health.HealthCheck;
import io.companyos.agent.collectors.health.HealthReport;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.health.ProbeMetrics;
import io.companyos.agent.collectors.health.ProbeResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured probe on a fixed interval in the daemon, feeding {@code agent.probe.status} (1 UP, 0.5
 * DEGRADED, 0 DOWN) and {@code agent.probe.latency} (seconds) per probe, and the {@code probes} section of
 * {@code /v1/status}. A run that is still going when the next is due is not overlapped; a failing run never stops the
 * schedule. Probe results do not affect {@code /readyz}: the agent is ready even when what it watches is down.
 */
final class ProbeScheduler implements StatusContributor {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeScheduler.class);

  private final HealthCheck check;
  private final Clock clock;
  private final ProbeMetrics metrics;
  private final List<java.util.function.Consumer<HealthReport>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, ProbeResult> latest = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Instant lastRun;
  private volatile HealthReport lastReport;
  private long timerId = -1;

  ProbeScheduler(List<Probe> probes, MeterRegistry registry, Clock clock) {
    this.check = new HealthCheck(probes);
    this.clock = clock;
    this.metrics = new ProbeMetrics(probes);
    metrics.bindTo(registry);
  }

  /** Adds a consumer of every completed run (the Tier-1 stream). */
  void addListener(java.util.function.Consumer<HealthReport> listener) {
    listeners.add(listener);
  }

  /** Runs the probes now and then every {@code interval}. */
  void start(Vertx vertx, Duration interval) {
    if (check.probes().isEmpty()) {
      return;
    }
    runOnce();
    timerId = vertx.setPeriodic(interval.toMillis(), id -> runOnce());
  }

  void stop(Vertx vertx) {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** One run of every probe; skipped when the previous run has not finished. Never throws. */
  void runOnce() {
    if (!running.compareAndSet(false, true)) {
      LOG.debug("probe run skipped: the previous run is still going");
      return;
    }
    try {
      check.run().whenComplete((report, error) -> {
        try {
          if (report != null) {
            report.probes().forEach(r -> latest.put(r.name(), r));
            metrics.record(report);
            listeners.forEach(l -> l.accept(report));
            lastReport = report;
            lastRun = clock.instant();
          } else {
            LOG.warn("probe run failed ({})", error == null ? "unknown" : error.getClass().getSimpleName());
          }
        } finally {
          running.set(false);
        }
      });
    } catch (RuntimeException e) {
      running.set(false);
      LOG.warn("probe run failed ({})", e.getClass().getSimpleName());
    }
  }

  @Override
  public String name() {
    return "probes";
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    HealthReport report = lastReport;
    s.put("status", report == null ? "UNKNOWN" : report.status().name());
    s.put("lastRun", lastRun == null ? null : lastRun.toString());
    List<Map<String, Object>> probes = new ArrayList<>();
    for (Probe p : check.probes()) {
      ProbeResult r = latest.get(p.name());
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", p.name());
      one.put("type", p.type());
      one.put("status", r == null ? "UNKNOWN" : r.status().name());
      one.put("latencyMs", r == null ? null : r.latencyMs());
      one.put("detail", r == null ? null : r.detail());
      probes.add(one);
    }
    s.put("probes", probes);
    return s;
  }
}
