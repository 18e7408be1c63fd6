package io.companyos.agent.collectors.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On this Linux machine's real /proc and /sys. */
class HostMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  HostMetricsTest() {
    new HostMetrics().binders().forEach(binder -> binder.bindTo(registry));
  }

  @Test
  void everyMeterIsAgentHostWithDescriptionAndUnit() {
    assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> {
      Meter.Id id = meter.getId();
      assertThat(id.getName()).startsWith("agent.host.");
      assertThat(id.getDescription()).as(id.getName()).isNotBlank();
      assertThat(id.getBaseUnit()).as(id.getName()).isNotBlank();
    });
  }

  /**
   * Micrometer holds the state object of a gauge and of a function counter weakly: once only the meter references it,
   * a gauge reads NaN after the next collection and a function counter freezes at its last value, which in a
   * long-running daemon means forever. Function counters (disks, network interfaces) have no {@code strongReference}
   * option: their functions must hold the state. So: every meter reads a number after a GC, and the loopback
   * interface's received bytes still count traffic sent after it.
   */
  @Test
  void everyMeterStillReadsAfterGarbageCollection() throws Exception {
    double receivedBefore = loopbackReceived();
    WeakReferences.clear();

    assertThat(registry.getMeters()).filteredOn(m -> m instanceof io.micrometer.core.instrument.Gauge)
        .isNotEmpty();
    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.measure())
        .as(m.getId().toString()).allSatisfy(measurement -> assertThat(measurement.getValue()).isNotNaN()));
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      client.getOutputStream().write(new byte[32 * 1024]);
      assertThat(accepted.getInputStream().readNBytes(32 * 1024)).hasSize(32 * 1024);
    }
    // OSHI's counters are refreshed at most once a second
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(loopbackReceived()).isGreaterThan(receivedBefore));
  }

  private double loopbackReceived() {
    return registry.get("agent.host.network.received").tag("interface", "lo").functionCounter().count();
  }

  @Test
  void memoryTotalIsTheKernelsMemTotal() throws Exception {
    long memTotalKib = Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
        .findFirst().orElseThrow();

    assertThat(registry.get("agent.host.memory.total").gauge().value()).isEqualTo(memTotalKib * 1024.0);
    assertThat(registry.get("agent.host.memory.available").gauge().value()).isPositive();
  }

  @Test
  void cpuLoadFilesystemsAndLoopbackArePresent() {
    assertThat(registry.get("agent.host.cpu.count").gauge().value()).isPositive();
    assertThat(registry.get("agent.host.cpu.usage").gauge().value()).isBetween(0.0, 1.0);
    assertThat(registry.get("agent.host.load").tag("window", "1m").gauge().value()).isNotNegative();
    assertThat(registry.get("agent.host.filesystem.size").gauges()).isNotEmpty()
        .allSatisfy(g -> assertThat(g.value()).isPositive());
    assertThat(registry.get("agent.host.network.received").tag("interface", "lo")
        .functionCounter().count()).isNotNegative();
  }
}
