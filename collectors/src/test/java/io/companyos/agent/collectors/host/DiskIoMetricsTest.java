package io.companyos.agent.collectors.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk counters read from {@code /sys/block/NAME/stat} equal what OSHI's refresh reports, on this machine. */
class DiskIoMetricsTest {
  private final HardwareAbstractionLayer hardware = new SystemInfo().getHardware();

  @Test
  void countersAreTheKernelsBlockStatistics() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new DiskIoMetrics(hardware).bindTo(registry);
    assertThat(registry.find("agent.host.disk.reads").functionCounters())
        .as("one counter per disk OSHI lists (none without libudev)").hasSize(hardware.getDiskStores().size());
    for (HWDiskStore disk : hardware.getDiskStores()) {
      Path stat = Path.of("/sys/block", DiskIoMetrics.kernelName(disk.getName()), "stat");
      if (!Files.isReadable(stat)) {
        continue; // refreshed through OSHI: the next test
      }
      long[] before = read(stat);
      double reads = registry.get("agent.host.disk.reads").tag("disk", disk.getName()).functionCounter().count();
      double written = registry.get("agent.host.disk.written").tag("disk", disk.getName()).functionCounter().count();
      double busy = registry.get("agent.host.disk.busy").tag("disk", disk.getName()).functionCounter().count();
      long[] after = read(stat);
      disk.updateAttributes(); // OSHI's own reading, for the same numbers
      assertThat(reads).isBetween((double) before[0], (double) after[0]).isLessThanOrEqualTo(disk.getReads());
      assertThat(written).isBetween(before[6] * 512.0, after[6] * 512.0).isLessThanOrEqualTo(disk.getWriteBytes());
      assertThat(busy).isBetween((double) before[9], (double) after[9]).isLessThanOrEqualTo(disk.getTransferTime());
    }
  }

  @Test
  void aDiskWithoutAStatFileIsRefreshedThroughOshi(@TempDir Path emptySysBlock) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new DiskIoMetrics(hardware, emptySysBlock).bindTo(registry);
    for (HWDiskStore disk : hardware.getDiskStores()) {
      assertOshisReads(registry, disk);
    }
  }

  private static void assertOshisReads(SimpleMeterRegistry registry, HWDiskStore disk) {
    disk.updateAttributes();
    long before = disk.getReads();

    double reads = registry.get("agent.host.disk.reads").tag("disk", disk.getName()).functionCounter().count();

    disk.updateAttributes();
    assertThat(reads).isBetween((double) before, (double) disk.getReads());
  }

  private static long[] read(Path stat) throws Exception {
    String[] f = Files.readString(stat).trim().split("\\s+");
    long[] v = new long[f.length];
    for (int i = 0; i < f.length; i++) {
      v[i] = Long.parseLong(f[i]);
    }
    return v;
  }
}
