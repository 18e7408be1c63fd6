package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeMetricsTest {

  @Test
  void gaugesFollowTheLatestReport() {
    Probe db = TcpProbe.builder("db", "127.0.0.1", 5432).build();
    Probe web = TcpProbe.builder("web", "127.0.0.1", 80).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ProbeMetrics metrics = new ProbeMetrics(List.of(db, web));
    metrics.bindTo(registry);

    assertThat(status(registry, "db").value()).isNaN();

    metrics.record(new HealthReport(List.of(
        new ProbeResult("db", "tcp", ProbeStatus.DEGRADED, Duration.ofMillis(250), "x"),
        new ProbeResult("web", "tcp", ProbeStatus.DOWN, Duration.ofSeconds(5), "timed out"))));

    assertThat(status(registry, "db").value()).isEqualTo(0.5);
    assertThat(status(registry, "web").value()).isZero();
    Gauge latency = registry.get("agent.probe.latency").tags("probe", "db", "type", "tcp").gauge();
    assertThat(latency.value()).isEqualTo(0.25);
    assertThat(latency.getId().getBaseUnit()).isEqualTo("seconds");
  }

  private static Gauge status(SimpleMeterRegistry registry, String probe) {
    return registry.get("agent.probe.status").tags("probe", probe, "type", "tcp").gauge();
  }
}
