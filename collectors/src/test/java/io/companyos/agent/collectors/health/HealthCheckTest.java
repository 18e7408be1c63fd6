package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  @Test
  void reportsEveryProbeInConfigurationOrderAndTheWorstStatus() throws Exception {
    try (ServerSocket up = TestServers.silentServer(); ServerSocket silent = TestServers.silentServer()) {
      Probe tcp = TcpProbe.builder("ingest", TestServers.HOST, up.getLocalPort()).build();
      Probe slow1 = Neo4jProbe.builder("graph-1", TestServers.HOST, silent.getLocalPort())
          .timeout(Duration.ofMillis(700)).build();
      Probe slow2 = Neo4jProbe.builder("graph-2", TestServers.HOST, silent.getLocalPort())
          .timeout(Duration.ofMillis(700)).build();

      HealthReport report = new HealthCheck(List.of(tcp, slow1, slow2)).run().get();

      assertThat(report.probes()).extracting(ProbeResult::name)
          .containsExactly("ingest", "graph-1", "graph-2");
      assertThat(report.probes()).extracting(ProbeResult::status)
          .containsExactly(ProbeStatus.UP, ProbeStatus.DOWN, ProbeStatus.DOWN);
      assertThat(report.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(report.allUp()).isFalse();
    }
  }

  /**
   * Without a clock: each probe answers only once all three have been started, so a check that waited for one probe
   * before starting the next would never complete (the 60 s bound only keeps a broken build from hanging).
   */
  @Test
  void startsEveryProbeBeforeWaitingForAny() throws Exception {
    CompletableFuture<Void> allStarted = new CompletableFuture<>();
    AtomicInteger started = new AtomicInteger();
    List<Probe> probes = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      probes.add(new Probe() {
        @Override public String name() { return name; }
        @Override public String type() { return "custom"; }
        @Override public Duration timeout() { return Duration.ofSeconds(60); }
        @Override public CompletableFuture<ProbeResult> check() {
          if (started.incrementAndGet() == 3) {
            allStarted.complete(null);
          }
          return allStarted.thenApply(v -> new ProbeResult(name, "custom", ProbeStatus.UP, Duration.ZERO, "ok"));
        }
      });
    }

    HealthReport report = new HealthCheck(probes).run().get(60, TimeUnit.SECONDS);

    assertThat(report.probes()).extracting(ProbeResult::name).containsExactly("a", "b", "c");
    assertThat(report.allUp()).isTrue();
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
