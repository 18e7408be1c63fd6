package io.companyos.agent.collectors.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * Micrometer holds a gauge's state object weakly: a binder whose state only the gauge references
   * reads NaN after the first collection, which in a long-running daemon means forever.
   */
  @Test
  void everyGaugeStillReadsAfterGarbageCollection() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(registry.getMeters()).filteredOn(m -> m instanceof io.micrometer.core.instrument.Gauge)
        .isNotEmpty()
        .allSatisfy(m -> assertThat(((io.micrometer.core.instrument.Gauge) m).value())
            .as(m.getId().toString()).isNotNaN());
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
