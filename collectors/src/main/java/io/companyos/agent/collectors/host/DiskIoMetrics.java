package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.util.linux.SysPath;

/**
 * Per disk present when bound ({@code disk} tag), cumulative counters:
 * {@code agent.host.disk.read|written} bytes, {@code agent.host.disk.reads|writes} operations,
 * {@code agent.host.disk.busy} milliseconds spent on I/O.
 *
 * <p>OSHI lists the disks once, at binding. A scrape reads each disk's counters from its {@code <sys>/block/NAME/stat}
 * (the kernel's numbers OSHI reports too), not through OSHI's refresh, which enumerates every disk through libudev
 * (JNA) for each disk at every scrape; a disk without that file (a name OSHI gives that is not the kernel's) is
 * refreshed through OSHI as before.
 */
final class DiskIoMetrics implements MeterBinder {

  /** Bytes per sector in the kernel's block statistics, whatever the device's sector size. */
  private static final long SECTOR_BYTES = 512;

  private final HardwareAbstractionLayer hardware;
  private final Path sysBlock;

  DiskIoMetrics(HardwareAbstractionLayer hardware) {
    this(hardware, Path.of(SysPath.SYS, "block"));
  }

  DiskIoMetrics(HardwareAbstractionLayer hardware, Path sysBlock) {
    this.hardware = hardware;
    this.sysBlock = sysBlock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (HWDiskStore disk : hardware.getDiskStores()) {
      Counts counts = new Counts(disk, sysBlock.resolve(kernelName(disk.getName())).resolve("stat"));
      Refresher refresher = new Refresher(Duration.ofSeconds(1), counts::update);
      counter(registry, "agent.host.disk.read", "Bytes read from the disk", "bytes",
          counts, refresher, c -> c.readBytes);
      counter(registry, "agent.host.disk.written", "Bytes written to the disk", "bytes",
          counts, refresher, c -> c.writeBytes);
      counter(registry, "agent.host.disk.reads", "Read operations completed", "operations",
          counts, refresher, c -> c.reads);
      counter(registry, "agent.host.disk.writes", "Write operations completed", "operations",
          counts, refresher, c -> c.writes);
      counter(registry, "agent.host.disk.busy", "Time the disk spent doing I/O", "milliseconds",
          counts, refresher, c -> c.busyMillis);
    }
  }

  /** {@code /dev/sda} → {@code sda}. */
  static String kernelName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static void counter(MeterRegistry registry, String name, String description,
      String unit, Counts counts, Refresher refresher, ToDoubleFunction<Counts> value) {
    FunctionCounter.builder(name, counts, c -> {
      refresher.refresh();
      return value.applyAsDouble(c);
    }).description(description).baseUnit(unit).tag("disk", counts.disk.getName()).register(registry);
  }

  /** One disk's counters as last read. */
  static final class Counts {
    private final HWDiskStore disk;
    private final Path stat;
    private volatile boolean fromSys = true;
    volatile double reads;
    volatile double readBytes;
    volatile double writes;
    volatile double writeBytes;
    volatile double busyMillis;

    Counts(HWDiskStore disk, Path stat) {
      this.disk = disk;
      this.stat = stat;
    }

    void update() {
      if (fromSys) {
        try {
          // reads, reads merged, sectors read, ms reading, writes, writes merged, sectors written, ms writing,
          // in flight, ms doing I/O, ... (Documentation/block/stat.rst)
          String[] f = Files.readString(stat).trim().split("\\s+");
          reads = Long.parseLong(f[0]);
          readBytes = Long.parseLong(f[2]) * SECTOR_BYTES;
          writes = Long.parseLong(f[4]);
          writeBytes = Long.parseLong(f[6]) * SECTOR_BYTES;
          busyMillis = Long.parseLong(f[9]);
          return;
        } catch (IOException | RuntimeException e) {
          fromSys = false; // not the kernel's name, or an unexpected file: OSHI's refresh from now on
        }
      }
      disk.updateAttributes();
      reads = disk.getReads();
      readBytes = disk.getReadBytes();
      writes = disk.getWrites();
      writeBytes = disk.getWriteBytes();
      busyMillis = disk.getTransferTime();
    }
  }
}
