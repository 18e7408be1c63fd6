package io.companyos.agent.daemon;

import io.companyos.agent.collectors.logs.LogFormat;
import io.companyos.agent.collectors.logs.LogSource;
import io.companyos.agent.collectors.prometheus.MetricAllowlist;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.VertxHttpFetcher;
import io.companyos.agent.collectors.prometheus.PrometheusScraper;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.exporters.heartbeat.Health;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the daemon runs besides its HTTP server, wired together: probes, vendor egress (guard, ledger, heartbeat), the
 * Tier-1 stream when the tier permits it, scrapes and log tailing. Observations flow from the collectors to the
 * stream; nothing flows anywhere the guard does not permit.
 */
final class Pipelines implements AutoCloseable {
  private final LogTailer logs;
  private final Optional<TelemetryStream> telemetry;

  private Pipelines(LogTailer logs, Optional<TelemetryStream> telemetry) {
    this.logs = logs;
    this.telemetry = telemetry;
  }

  static Pipelines start(AgentConfig config, StateDirectory state, Vertx vertx, AgentMetrics metrics,
      DaemonStatus status, Clock clock, Instant started) throws DaemonStartException {
    metrics.bindHost(config.hostRoot());
    // probes and scrapes GET on the daemon's event loop, not through the JDK's client (its classes and threads)
    HttpFetcher http = new VertxHttpFetcher(vertx);
    ProbeScheduler probes = new ProbeScheduler(
        config.probes().stream().map(p -> p.toDaemonProbe(() -> vertx, http)).toList(), metrics.registry(), clock);
    status.addContributor(probes);
    VendorEgress egress = VendorEgress.create(config, state, clock, started, metrics.registry(), status,
        () -> "DOWN".equals(probes.status().get("status")) ? Health.RED : Health.GREEN);
    RedactionMeter redactions = new RedactionMeter(metrics.registry(),
        config.redaction().rules().stream().map(r -> r.name()).toList());
    Optional<TelemetryStream> telemetry;
    try {
      telemetry = TelemetryStream.create(config, state, egress.guard(), metrics.registry(), redactions, clock);
    } catch (DaemonStartException e) {
      egress.guard().close();
      throw e;
    }
    vertx.deployVerticle(egress);
    ScrapeScheduler scrapes = new ScrapeScheduler(config.scrapes().stream()
        .map(s -> new ScrapeScheduler.Scrape(PrometheusScraper.builder(s.name(), URI.create(s.url()),
            new MetricAllowlist(s.allow())).clock(clock).http(http).build(), s.interval())).toList(), metrics.registry());
    status.addContributor(scrapes);
    LogTailer logs = new LogTailer(config.logs().stream()
        .map(l -> new LogSource(l.path(), l.service(), LogFormat.parse(l.format()))).toList(), metrics.registry());
    status.addContributor(logs);
    telemetry.ifPresent(t -> {
      status.addContributor(t);
      probes.addListener(t::record);
      logs.addListener(t::record);
      scrapes.addListener(t::record);
      t.start();
    });
    probes.start(vertx, config.probeInterval());
    scrapes.start(vertx);
    logs.start();
    return new Pipelines(logs, telemetry);
  }

  /** The Tier-1 stream, when the tier permits it. */
  Optional<TelemetryStream> telemetry() {
    return telemetry;
  }

  /** Stops the threads the daemon's event loop does not own; commits what the stream recorded to its queue. */
  @Override
  public void close() {
    logs.close();
    telemetry.ifPresent(TelemetryStream::close);
  }
}
