package io.companyos.agent.collectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogErrorMetricsTest {

  @Test
  void countsErrorsPerConfiguredService() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LogErrorMetrics metrics = new LogErrorMetrics(List.of("core-api", "web"));
    metrics.bindTo(registry);

    metrics.record(new LogEvent(null, "core-api", "ERROR", "x", null));
    metrics.record(new LogEvent(null, "core-api", "fatal", "x", null));
    metrics.record(new LogEvent(null, "core-api", "WARN", "x", null));
    metrics.record(new LogEvent(null, "unknown", "ERROR", "x", null));

    Counter core = registry.get("agent.log.errors").tag("service", "core-api").counter();
    assertThat(core.count()).isEqualTo(2.0);
    assertThat(core.getId().getBaseUnit()).isEqualTo("events");
    assertThat(core.getId().getDescription()).isNotBlank();
    assertThat(registry.get("agent.log.errors").tag("service", "web").counter().count()).isZero();
  }
}
