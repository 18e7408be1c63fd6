package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  @Test
  void runsAllProbesConcurrentlyAndReportsTheWorstStatus() throws Exception {
    try (ServerSocket up = TestServers.silentServer(); ServerSocket silent = TestServers.silentServer()) {
      Probe tcp = TcpProbe.builder("ingest", TestServers.HOST, up.getLocalPort()).build();
      Probe slow1 = Neo4jProbe.builder("graph-1", TestServers.HOST, silent.getLocalPort())
          .timeout(Duration.ofMillis(700)).build();
      Probe slow2 = Neo4jProbe.builder("graph-2", TestServers.HOST, silent.getLocalPort())
          .timeout(Duration.ofMillis(700)).build();
      long start = System.nanoTime();

      HealthReport report = new HealthCheck(List.of(tcp, slow1, slow2)).run().get();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1300));
      assertThat(report.probes()).extracting(ProbeResult::name)
          .containsExactly("ingest", "graph-1", "graph-2");
      assertThat(report.probes()).extracting(ProbeResult::status)
          .containsExactly(ProbeStatus.UP, ProbeStatus.DOWN, ProbeStatus.DOWN);
      assertThat(report.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(report.allUp()).isFalse();
    }
  }

  @Test
  void aProbeThatBreaksItsContractIsStillReportedDown() throws Exception {
    Probe throwing = new Probe() {
      @Override public String name() { return "broken"; }
      @Override public String type() { return "custom"; }
      @Override public Duration timeout() { return Duration.ofSeconds(1); }
      @Override public CompletableFuture<ProbeResult> check() {
        throw new IllegalStateException("bug in probe");
      }
    };

    HealthReport report = new HealthCheck(List.of(throwing)).run().get();

    assertThat(report.probes()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(r.detail()).isEqualTo("bug in probe");
    });
  }

  @Test
  void emptyReportIsUp() throws Exception {
    HealthReport report = new HealthCheck(List.of()).run().get();

    assertThat(report.status()).isEqualTo(ProbeStatus.UP);
    assertThat(report.allUp()).isTrue();
  }

  @Test
  void degradedIsWorseThanUpAndBetterThanDown() {
    HealthReport report = new HealthReport(List.of(
        new ProbeResult("a", "tcp", ProbeStatus.UP, Duration.ZERO, ""),
        new ProbeResult("b", "redis", ProbeStatus.DEGRADED, Duration.ZERO, "")));

    assertThat(report.status()).isEqualTo(ProbeStatus.DEGRADED);
    assertThat(ProbeStatus.DEGRADED.worst(ProbeStatus.DOWN)).isEqualTo(ProbeStatus.DOWN);
    assertThat(ProbeStatus.DOWN.worst(ProbeStatus.UP)).isEqualTo(ProbeStatus.DOWN);
  }
}
