package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportJsonTest {

  @Test
  void writesTheDocumentedShape() throws Exception {
    HealthReport report = new HealthReport(List.of(
        new ProbeResult("db", "postgres", ProbeStatus.UP, Duration.ofMillis(12), "PostgreSQL 15.18"),
        new ProbeResult("web", "http", ProbeStatus.DOWN, Duration.ofMillis(3), "HTTP 503, expected 200-299")));

    String json = new HealthReportJson().write(report);

    assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
        {"status": "DOWN", "probes": [
          {"name": "db", "type": "postgres", "status": "UP", "latencyMs": 12, "detail": "PostgreSQL 15.18"},
          {"name": "web", "type": "http", "status": "DOWN", "latencyMs": 3, "detail": "HTTP 503, expected 200-299"}
        ]}"""));
  }
}
