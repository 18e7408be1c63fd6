package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every network probe promises: UP when healthy, DOWN (never an exception) otherwise. */
abstract class ProbeContractTest {

  static final Duration SHORT = Duration.ofMillis(400);

  /** A probe named {@code name} of a healthy target. */
  abstract Probe healthy(String name) throws Exception;

  /** A probe of 127.0.0.1:{@code port} where nothing listens. */
  abstract Probe atPort(String name, int port, Duration timeout) throws Exception;

  abstract String type();

  @Test
  void healthyTargetIsUp() throws Exception {
    ProbeResult result = healthy("target-a").check().get();

    assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
    assertThat(result.name()).isEqualTo("target-a");
    assertThat(result.type()).isEqualTo(type());
    assertThat(result.latency()).isPositive();
  }

  @Test
  void closedPortIsDownWithConnectionRefused() throws Exception {
    Probe probe = atPort("gone", TestServers.closedPort(), Duration.ofSeconds(5));

    ProbeResult result = probe.check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).startsWith("connection refused");
  }

  @Test
  void silentPeerIsDownAfterTheProbesOwnTimeout() throws Exception {
    try (ServerSocket silent = TestServers.silentServer()) {
      Probe probe = atPort("silent", silent.getLocalPort(), SHORT);

      ProbeResult result = probe.check().get();

      assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(result.detail()).isEqualTo("timed out after 400 ms");
      assertThat(result.latency()).isBetween(SHORT, SHORT.plusSeconds(2));
    }
  }

  @Test
  void defaultTimeoutIsFiveSeconds() throws Exception {
    assertThat(healthy("any").timeout()).isEqualTo(Duration.ofSeconds(5));
  }
}
