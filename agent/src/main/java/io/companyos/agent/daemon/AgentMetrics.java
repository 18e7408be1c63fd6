package io.companyos.agent.daemon;

import io.companyos.agent.config.AgentVersion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.companyos.agent.policy.Tier;
import java.util.function.BooleanSupplier;

/**
 * The daemon's meter registry, exposed on {@code /metrics}: JVM and process meters from Micrometer's binders, and the
 * agent's own meters under {@code agent.*}.
 */
public final class AgentMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  AgentMetrics(Tier tier, BooleanSupplier ready) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
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
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
