package io.companyos.agent.daemon;

import io.companyos.agent.collectors.health.HealthReport;
import io.companyos.agent.collectors.health.ProbeResult;
import io.companyos.agent.collectors.health.ProbeStatus;
import io.companyos.agent.collectors.logs.LogEvent;
import io.companyos.agent.collectors.prometheus.ScrapeResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The measurements of the Tier-1 stream, as OpenTelemetry instruments on one meter: only counts, durations and
 * enumerated kinds, never text. The daemon records into them from its probes and log tailing; {@code agent preview}
 * records one probe run into them to show the next export.
 */
final class Tier1Instruments {
  private static final AttributeKey<String> PROBE_TYPE = AttributeKey.stringKey("probe.type");
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service");
  private static final AttributeKey<String> AREA = AttributeKey.stringKey("area");
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> STATUS_CLASS = AttributeKey.stringKey("http.response.status_class");

  private final DoubleHistogram probeDuration;
  private final LongCounter logErrors;
  private final Map<String, Double> probeUpByType = new ConcurrentHashMap<>();
  /** The last scrape's request counts, per scrape (service). */
  private final Map<String, Map<UsageCounters.Key, Double>> requestsByService = new ConcurrentHashMap<>();

  Tier1Instruments(Meter meter) {
    probeDuration = meter.histogramBuilder("companyos.probe.duration").setUnit("seconds")
        .setExplicitBucketBoundariesAdvice(List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
        .build();
    logErrors = meter.counterBuilder("agent.log.errors").setUnit("events").build();
    meter.counterBuilder("companyos.http.server.requests").setUnit("requests").ofDoubles().buildWithCallback(m ->
        requestsByService.values().forEach(counts -> counts.forEach((k, n) -> m.record(n,
            Attributes.of(SERVICE, k.service(), METHOD, k.method(), STATUS_CLASS, k.statusClass())))));
    meter.gaugeBuilder("companyos.probe.up").setUnit("1").buildWithCallback(m ->
        probeUpByType.forEach((type, up) -> m.record(up, Attributes.of(PROBE_TYPE, type))));
    meter.gaugeBuilder("process.uptime").setUnit("seconds").buildWithCallback(m ->
        m.record(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    meter.gaugeBuilder("process.cpu.usage").setUnit("1").buildWithCallback(m -> {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        double load = os.getProcessCpuLoad();
        if (load >= 0) {
          m.record(load);
        }
      }
    });
    meter.gaugeBuilder("jvm.memory.used").setUnit("bytes").ofLongs().buildWithCallback(m -> {
      long heap = 0;
      long nonHeap = 0;
      for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage u = pool.getUsage();
        if (u == null) {
          continue;
        }
        if (pool.getType() == MemoryType.HEAP) {
          heap += u.getUsed();
        } else {
          nonHeap += u.getUsed();
        }
      }
      m.record(heap, Attributes.of(AREA, "heap"));
      m.record(nonHeap, Attributes.of(AREA, "nonheap"));
    });
  }

  /** Takes a probe run: up per probe type (1 when all probes of the type are UP) and each probe's duration. */
  void record(HealthReport report) {
    Map<String, Double> up = new LinkedHashMap<>();
    for (ProbeResult r : report.probes()) {
      up.merge(r.type(), r.status() == ProbeStatus.UP ? 1.0 : 0.0, Math::min);
      probeDuration.record(r.latency().toNanos() / 1e9, Attributes.of(PROBE_TYPE, r.type()));
    }
    probeUpByType.putAll(up);
  }

  /**
   * Takes a scrape: its request counters become {@code companyos.http.server.requests} (see {@link UsageCounters}).
   * A failed scrape keeps the last counts.
   */
  void record(ScrapeResult result) {
    if (result.ok()) {
      Map<UsageCounters.Key, Double> counts = UsageCounters.requests(result);
      if (counts.isEmpty()) {
        requestsByService.remove(result.name());
      } else {
        requestsByService.put(result.name(), Map.copyOf(counts));
      }
    }
  }

  /** Takes a log event: ERROR events are counted per service; the text never enters the stream. */
  void record(LogEvent event) {
    if (event.isError()) {
      logErrors.add(1, Attributes.of(SERVICE, event.service()));
    }
  }
}
