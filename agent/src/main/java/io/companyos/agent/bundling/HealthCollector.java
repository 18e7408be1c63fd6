package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.collectors.health.HealthCheck;
import io.companyos.agent.collectors.health.HealthReport;
import io.companyos.agent.collectors.health.HealthReportJson;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.health.ProbeResult;
import io.companyos.agent.config.ProbeConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@code health/health.json}: every configured probe run once, as {@code agent health} prints it. */
final class HealthCollector implements BundleCollector {
  private final List<ProbeConfig> probes;

  HealthCollector(List<ProbeConfig> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public String name() {
    return "health";
  }

  @Override
  public String category() {
    return "health";
  }

  @Override
  public Collected collect() throws Exception {
    LazyVertx vertx = new LazyVertx();
    try {
      List<Probe> built = new ArrayList<>();
      for (ProbeConfig probe : probes) {
        built.add(probe.toProbe(vertx));
      }
      HealthReport report = new HealthCheck(built).run().get();
      byte[] json = new HealthReportJson().write(report).getBytes(StandardCharsets.UTF_8);
      Map<String, Integer> byStatus = new TreeMap<>();
      for (ProbeResult result : report.probes()) {
        byStatus.merge(result.status().name(), 1, Integer::sum);
      }
      return new Collected(List.of(InMemorySource.of("health/health.json", SourcePriority.HEALTH, json)),
          report.probes().size() + " probes" + (byStatus.isEmpty() ? "" : " " + byStatus));
    } finally {
      vertx.close();
    }
  }

  /** One small Vert.x instance, started only when a probe needs an event loop. */
  private static final class LazyVertx implements Supplier<Vertx> {
    private Vertx vertx;

    @Override
    public synchronized Vertx get() {
      if (vertx == null) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
      }
      return vertx;
    }

    synchronized void close() throws Exception {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
    }
  }
}
