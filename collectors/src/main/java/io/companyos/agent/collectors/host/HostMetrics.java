package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import oshi.SystemInfo;

/**
 * The host's meters, one binder per concern, over one OSHI {@link SystemInfo}. Call
 * {@link HostRoot#configure} first when the host's {@code /proc} is mounted elsewhere.
 */
public final class HostMetrics {

  private final SystemInfo system;

  public HostMetrics() {
    this.system = new SystemInfo();
  }

  /** CPU, memory, filesystems, disks and network, in that order. */
  public List<MeterBinder> binders() {
    return List.of(
        new CpuMetrics(system.getHardware().getProcessor()),
        new MemoryMetrics(system.getHardware().getMemory()),
        new FileSystemMetrics(system.getOperatingSystem().getFileSystem()),
        new DiskIoMetrics(system.getHardware()),
        new NetworkMetrics(system.getHardware()));
  }
}
