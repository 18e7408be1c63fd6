package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Per local filesystem mounted when bound ({@code mount}, {@code type} tags):
 * {@code agent.host.filesystem.size|free|used} bytes and
 * {@code agent.host.filesystem.inodes.total|free} inodes. Filesystems mounted later are not
 * added; pseudo filesystems (proc, sysfs, overlay, …) are left out by OSHI.
 */
final class FileSystemMetrics implements MeterBinder {

  private final FileSystem fileSystem;

  FileSystemMetrics(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OSFileStore store : fileSystem.getFileStores(true)) {
      Refresher refresher = new Refresher(Duration.ofSeconds(1), store::updateAttributes);
      Tags tags = Tags.of("mount", store.getMount(), "type", store.getType());
      gauge(registry, "agent.host.filesystem.size", "Size of the filesystem", "bytes",
          tags, store, refresher, OSFileStore::getTotalSpace);
      gauge(registry, "agent.host.filesystem.free", "Space available to unprivileged users",
          "bytes", tags, store, refresher, OSFileStore::getUsableSpace);
      gauge(registry, "agent.host.filesystem.used", "Space in use (size minus free to root)",
          "bytes", tags, store, refresher, s -> s.getTotalSpace() - s.getFreeSpace());
      gauge(registry, "agent.host.filesystem.inodes.total", "Inodes of the filesystem",
          "inodes", tags, store, refresher, OSFileStore::getTotalInodes);
      gauge(registry, "agent.host.filesystem.inodes.free", "Free inodes", "inodes",
          tags, store, refresher, OSFileStore::getFreeInodes);
    }
  }

  private static void gauge(MeterRegistry registry, String name, String description, String unit,
      Tags tags, OSFileStore store, Refresher refresher, ToDoubleFunction<OSFileStore> value) {
    Gauge.builder(name, store, s -> {
      refresher.refresh();
      return value.applyAsDouble(s);
    }).description(description).baseUnit(unit).tags(tags).strongReference(true).register(registry);
  }
}
