package io.companyos.agent.bundling;

import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.collectors.host.HostMetrics;
import io.companyos.agent.collectors.host.HostRoot;
import io.companyos.agent.collectors.host.JvmMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's own Prometheus text: {@code metrics/agent.prom} (its JVM, as {@code agent_jvm_*}) or
 * {@code metrics/host.prom} (the node, from OSHI), read once into a fresh registry.
 */
final class AgentMetricsCollector implements BundleCollector {
  private final Path hostRoot;

  private AgentMetricsCollector(Path hostRoot) {
    this.hostRoot = hostRoot;
  }

  static AgentMetricsCollector jvm() {
    return new AgentMetricsCollector(null);
  }

  /** @param hostRoot where the host's {@code /proc}, {@code /sys} and {@code /dev} are (the config's hostRoot) */
  static AgentMetricsCollector host(Path hostRoot) {
    return new AgentMetricsCollector(hostRoot);
  }

  @Override
  public String name() {
    return hostRoot != null ? "host-metrics" : "agent-metrics";
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
      List<MeterBinder> binders;
      if (hostRoot != null) {
        HostRoot.configure(hostRoot);
        binders = new HostMetrics().binders();
      } else {
        binders = JvmMetrics.binders();
      }
      for (MeterBinder binder : binders) {
        binder.bindTo(registry);
      }
      byte[] text = registry.scrape().getBytes(StandardCharsets.UTF_8);
      String path = hostRoot != null ? "metrics/host.prom" : "metrics/agent.prom";
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
