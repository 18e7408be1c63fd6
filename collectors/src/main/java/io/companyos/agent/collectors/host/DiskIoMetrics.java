package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Per disk present when bound ({@code disk} tag), cumulative counters:
 * {@code agent.host.disk.read|written} bytes, {@code agent.host.disk.reads|writes} operations,
 * {@code agent.host.disk.busy} milliseconds spent on I/O.
 */
final class DiskIoMetrics implements MeterBinder {

  private final HardwareAbstractionLayer hardware;

  DiskIoMetrics(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (HWDiskStore disk : hardware.getDiskStores()) {
      Refresher refresher = new Refresher(Duration.ofSeconds(1), disk::updateAttributes);
      counter(registry, "agent.host.disk.read", "Bytes read from the disk", "bytes",
          disk, refresher, HWDiskStore::getReadBytes);
      counter(registry, "agent.host.disk.written", "Bytes written to the disk", "bytes",
          disk, refresher, HWDiskStore::getWriteBytes);
      counter(registry, "agent.host.disk.reads", "Read operations completed", "operations",
          disk, refresher, HWDiskStore::getReads);
      counter(registry, "agent.host.disk.writes", "Write operations completed", "operations",
          disk, refresher, HWDiskStore::getWrites);
      counter(registry, "agent.host.disk.busy", "Time the disk spent doing I/O", "milliseconds",
          disk, refresher, HWDiskStore::getTransferTime);
    }
  }

  private static void counter(MeterRegistry registry, String name, String description,
      String unit, HWDiskStore disk, Refresher refresher, ToDoubleFunction<HWDiskStore> value) {
    FunctionCounter.builder(name, disk, d -> {
      refresher.refresh();
      return value.applyAsDouble(d);
    }).description(description).baseUnit(unit).tag("disk", disk.getName()).register(registry);
  }
}
