package io.companyos.agent.daemon;

import io.companyos.agent.config.AgentVersion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.companyos.agent.collectors.host.HostMetrics;
import io.companyos.agent.collectors.host.HostRoot;
import io.companyos.agent.collectors.host.JvmMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.companyos.agent.policy.Tier;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The daemon's meter registry, exposed on {@code /metrics}: JVM and process meters from Micrometer's binders, and the
 * agent's own meters under {@code agent.*}.
 */
public final class AgentMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<MeterBinder> jvm = JvmMetrics.binders();
  private Path pendingHostRoot;

  AgentMetrics(Tier tier, BooleanSupplier ready) {
    // the JVM's and process's meters keep Micrometer's standard names (jvm_*, process_*), so that the JVM dashboards
    // a customer already has work for the agent too
    jvm.forEach(b -> b.bindTo(registry));
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("agent.info", () -> 1)
        .description("Agent build and configuration; the value is always 1")
        .tags(Tags.of("version", AgentVersion.get(), "tier", tier.configName()))
        .register(registry);
    Gauge.builder("agent.ready", () -> ready.getAsBoolean() ? 1 : 0)
        .description("1 when the last readiness check passed, 0 otherwise")
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition (format 0.0.4). */
  public String scrape() {
    bindPendingHostMeters();
    return registry.scrape();
  }

  /**
   * Binds the host's meters (CPU, memory, filesystems, disks, network) read under {@code hostRoot}, at the first
   * {@link #scrape}: OSHI's discovery of the host (JNA, the filesystems, disks and interfaces) was a sixth of the
   * daemon's start-up, and no one reads these meters before a scrape.
   */
  void bindHost(Path hostRoot) {
    synchronized (this) {
      pendingHostRoot = hostRoot;
    }
  }

  private synchronized void bindPendingHostMeters() {
    if (pendingHostRoot != null) {
      HostRoot.configure(pendingHostRoot);
      pendingHostRoot = null;
      new HostMetrics().binders().forEach(b -> b.bindTo(registry));
    }
  }

  @Override
  public void close() {
    for (MeterBinder b : jvm) {
      if (b instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing a GC listener cannot fail in a way that matters at shutdown
        }
      }
    }
    registry.close();
  }
}
