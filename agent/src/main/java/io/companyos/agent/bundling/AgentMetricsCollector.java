package io.companyos.agent.bundling;

import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.collectors.host.HostMetrics;
import io.companyos.agent.collectors.host.JvmMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The agent's own Prometheus text: {@code metrics/agent.prom} (its JVM, as {@code agent_jvm_*}) or
 * {@code metrics/host.prom} (the node, from OSHI), read once into a fresh registry.
 */
final class AgentMetricsCollector implements BundleCollector {
  private final boolean host;

  private AgentMetricsCollector(boolean host) {
    this.host = host;
  }

  static AgentMetricsCollector jvm() {
    return new AgentMetricsCollector(false);
  }

  static AgentMetricsCollector host() {
    return new AgentMetricsCollector(true);
  }

  @Override
  public String name() {
    return host ? "host-metrics" : "agent-metrics";
  }

  @Override
  public String category() {
    return "metrics";
  }

  @Override
  public Collected collect() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      registry.config().meterFilter(JvmMetrics.agentNames());
      List<MeterBinder> binders = host ? new HostMetrics().binders() : JvmMetrics.binders();
      for (MeterBinder binder : binders) {
        binder.bindTo(registry);
      }
      byte[] text = registry.scrape().getBytes(StandardCharsets.UTF_8);
      String path = host ? "metrics/host.prom" : "metrics/agent.prom";
      for (MeterBinder binder : binders) {
        if (binder instanceof AutoCloseable closeable) {
          try {
            closeable.close();
          } catch (Exception ignored) {
            // a listener left registered in a short-lived command
          }
        }
      }
      return new Collected(List.of(InMemorySource.of(path, SourcePriority.METRICS, text)),
          registry.getMeters().size() + " meters");
    } finally {
      registry.close();
    }
  }
}
