package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
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
    try (Socket closed = TestServers.closedPort()) {
      Probe probe = atPort("gone", closed.getLocalPort(), Duration.ofSeconds(5));

      ProbeResult result = probe.check().get();

      assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(result.detail()).startsWith("connection refused");
    }
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

  /**
   * Fifteen checks of a peer that accepts and never answers leave no socket open once each check's own cleanup ran
   * (a socket per check would exhaust the daemon's descriptors in days at a 30 s interval).
   */
  static void assertTimeoutsAgainstASilentPeerLeaveNoConnectionOpen(ProbeAtPort probes) throws Exception {
    try (ServerSocket silent = TestServers.silentServer()) {
      Probe probe = probes.atPort("silent", silent.getLocalPort(), Duration.ofMillis(150));
      probe.check().get(); // first use: pools, event loops and the like are created once
      long before = openFileDescriptors();
      for (int i = 0; i < 15; i++) {
        assertThat(probe.check().get().detail()).isEqualTo("timed out after 150 ms");
      }
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(openFileDescriptors() - before).as("descriptors left open by 15 timed-out checks: %s",
              descriptorKinds()).isLessThanOrEqualTo(2));
    }
  }

  /** {@link #atPort} as a function. */
  @FunctionalInterface
  interface ProbeAtPort {
    Probe atPort(String name, int port, Duration timeout) throws Exception;
  }

  /** What the open descriptors other than files are (sockets, pipes, epoll instances), counted by kind. */
  private static java.util.Map<String, Long> descriptorKinds() throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(
        java.nio.file.Path.of("/proc/self/fd"))) {
      return fds.map(fd -> {
        try {
          return java.nio.file.Files.readSymbolicLink(fd).toString().replaceAll("[:\\[].*", "");
        } catch (java.io.IOException e) {
          return "gone";
        }
      }).filter(kind -> !kind.startsWith("/")).collect(java.util.stream.Collectors.groupingBy(k -> k,
          java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
  }

  private static long openFileDescriptors() throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(
        java.nio.file.Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void defaultTimeoutIsFiveSeconds() throws Exception {
    assertThat(healthy("any").timeout()).isEqualTo(Duration.ofSeconds(5));
  }
}
