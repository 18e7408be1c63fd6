package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;

/**
 * The agent's own JVM, from Micrometer's binders (memory pools, GC, threads, classes, process CPU,
 * uptime). Micrometer names them {@code jvm.*}, {@code process.*} and {@code system.*}; add
 * {@link #agentNames()} to the registry first to publish them as {@code agent.jvm.*},
 * {@code agent.process.*} and {@code agent.system.*} like every other agent meter.
 */
public final class JvmMetrics {

  private JvmMetrics() {}

  /** The binders; {@link JvmGcMetrics} should be closed at shutdown (it listens to GC events). */
  public static List<MeterBinder> binders() {
    return List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
        new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics());
  }

  /** Prefixes Micrometer's JVM and process meter names with {@code agent.}. */
  public static MeterFilter agentNames() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String name = id.getName();
        if (name.startsWith("jvm.") || name.startsWith("process.") || name.startsWith("system.")) {
          return id.withName("agent." + name);
        }
        return id;
      }
    };
  }
}
