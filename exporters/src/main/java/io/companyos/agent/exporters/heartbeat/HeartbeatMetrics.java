package io.companyos.agent.exporters.heartbeat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;

/**
 * The heartbeat on {@code /metrics}: {@code agent.heartbeat.last.success} and {@code agent.heartbeat.next.due}
 * (Unix time in seconds; NaN before the first success), {@code agent.heartbeat.consecutive.failures} and
 * {@code agent.heartbeat.degraded} (1 during a vendor outage). Attempts by outcome are
 * {@code agent.egress.sent{kind="heartbeat"}}.
 */
public final class HeartbeatMetrics implements MeterBinder {
  private final HeartbeatScheduler scheduler;

  public HeartbeatMetrics(HeartbeatScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("agent.heartbeat.last.success", scheduler,
            s -> s.status().lastSuccessAt().map(HeartbeatMetrics::seconds).orElse(Double.NaN))
        .description("When the vendor last accepted a heartbeat (Unix time)").baseUnit("seconds").strongReference(true).register(registry);
    Gauge.builder("agent.heartbeat.next.due", scheduler, s -> seconds(s.status().nextDueAt()))
        .description("When the next heartbeat attempt is due (Unix time)").baseUnit("seconds").strongReference(true).register(registry);
    Gauge.builder("agent.heartbeat.consecutive.failures", scheduler, s -> s.status().consecutiveFailures())
        .description("Failed heartbeat attempts since the last accepted one").baseUnit("attempts")
        .strongReference(true).register(registry);
    Gauge.builder("agent.heartbeat.degraded", scheduler, s -> s.status().degradedReason().isPresent() ? 1 : 0)
        .description("1 while heartbeats fail (a vendor outage); the agent itself stays ready").strongReference(true).register(registry);
  }

  private static double seconds(Instant t) {
    return t.toEpochMilli() / 1000.0;
  }
}
