package io.companyos.agent.collectors.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

  @Test
  void micrometerJvmMetersArePublishedUnderAgent() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(JvmMetrics.agentNames());
    var binders = JvmMetrics.binders();
    binders.forEach(b -> b.bindTo(registry));
    try {
      assertThat(registry.get("agent.jvm.memory.used").tag("area", "heap").gauges()).isNotEmpty();
      assertThat(registry.get("agent.jvm.threads.live").gauge().value()).isPositive();
      assertThat(registry.get("agent.process.uptime").timeGauge()).isNotNull();
      assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getName()).startsWith("agent."));
    } finally {
      for (var binder : binders) {
        if (binder instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }

  /** Micrometer holds a gauge's or function counter's state weakly: every JVM meter must still read after a GC. */
  @Test
  void everyJvmMeterStillReadsAfterGarbageCollection() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    var binders = JvmMetrics.binders();
    binders.forEach(b -> b.bindTo(registry));
    try {
      WeakReferences.clear();
      assertThat(registry.getMeters()).isNotEmpty().allSatisfy(m -> assertThat(m.measure())
          .as(m.getId().toString()).allSatisfy(measurement -> assertThat(measurement.getValue()).isNotNaN()));
    } finally {
      for (var binder : binders) {
        if (binder instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }
}
