package io.companyos.agent.daemon;

import io.companyos.agent.collectors.health.HealthCheck;
import io.companyos.agent.exporters.otlp.OtlpPipeline;
import io.companyos.agent.exporters.otlp.OtlpPreview;
import io.companyos.agent.exporters.otlp.QueuedExport;
import io.companyos.agent.exporters.queue.DiskQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.Durations;
import io.companyos.agent.exporters.heartbeat.Health;
import io.companyos.agent.exporters.heartbeat.HeartbeatPreview;
import io.companyos.agent.exporters.heartbeat.HeartbeatStateStore;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.allowlist.TelemetryAllowlist;
import io.companyos.agent.policy.signed.PolicyRefusedException;
import io.companyos.agent.policy.signed.SignedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What the agent would send next, as JSON, computed without sending anything and without creating any HTTP client
 * ({@code agent preview}). Reads the installation id and the heartbeat's persisted schedule from the state directory
 * without locking it, so it also works beside a running daemon.
 */
public final class EgressPreview {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EgressPreview() {}

  /**
   * @throws PolicyRefusedException when the signed policy no longer verifies
   * @throws StateDirectoryException when the state directory has no installation id and cannot be created
   */
  public static ObjectNode render(AgentConfig config, Clock clock) throws PolicyRefusedException,
      StateDirectoryException, IOException {
    Optional<SignedPolicy> policy = config.policy().verified();
    ObjectNode root = JSON.createObjectNode();
    Tier tier = config.tier();
    root.put("tier", tier.configName());
    if (policy.isPresent()) {
      root.putObject("signedPolicy").put("maxTier", policy.get().maxTier().configName())
          .put("signerKeyId", policy.get().signerKeyId());
    } else {
      root.putNull("signedPolicy");
    }
    if (tier == Tier.AIRGAPPED) {
      root.put("sends", "nothing");
      root.put("reason", "tier airgapped: the agent creates no HTTP client for any vendor endpoint, so nothing "
          + "leaves this environment, ever. Support bundles are exported and handed over by hand.");
      return root;
    }
    root.put("sends", tier == Tier.FULL ? "the heartbeat and the allowlisted OTLP stream" : "the heartbeat only");
    root.set("heartbeat", heartbeat(config, clock));
    if (tier == Tier.FULL) {
      root.set("otlp", otlp(config, policy, installationId(config.stateDir())));
    }
    return root;
  }

  private static ObjectNode heartbeat(AgentConfig config, Clock clock) throws StateDirectoryException,
      IOException {
    UUID id = installationId(config.stateDir());
    AgentHeartbeatFacts facts = new AgentHeartbeatFacts(id, config, clock, clock.instant(), () -> Health.GREEN);
    HeartbeatPreview next = HeartbeatPreview.next(facts, config.heartbeat().interval(),
        HeartbeatStateStore.inDirectory(config.stateDir()), clock);
    ObjectNode hb = JSON.createObjectNode();
    ObjectNode request = hb.putObject("request");
    request.put("method", "POST");
    request.put("url", config.heartbeat().endpoint().toString());
    request.putObject("headers").put("Content-Type", "application/json")
        .put("Idempotency-Key", next.idempotencyKey());
    hb.put("dueAt", next.dueAt().toString());
    hb.put("interval", Durations.format(config.heartbeat().interval()));
    JsonNode body = JSON.readTree(next.document().toJson());
    hb.set("body", body);
    hb.put("passesEgressGuard", TelemetryAllowlist.builtIn().heartbeatProblem(body).isEmpty());
    ObjectNode later = hb.putObject("filledInAtSendTime");
    later.put("sentAt", "the moment of sending (shown here: when it is due)");
    later.put("uptimeSeconds", "the daemon's uptime then (this command is not the daemon: shown here is the "
        + "time from now until the heartbeat is due)");
    later.put("health", "red if a health probe is DOWN then, else green");
    later.put("license", "computed again from the license file then");
    return hb;
  }

  private static ObjectNode otlp(AgentConfig config, Optional<SignedPolicy> policy, UUID id) throws IOException {
    TelemetryAllowlist allowlist = TelemetryAllowlist.builtIn();
    if (policy.isPresent()) {
      allowlist = allowlist.narrowedBy(policy.get().allowlist());
    }
    ObjectNode otlp = JSON.createObjectNode();
    otlp.putArray("destinations").add(config.telemetry().endpoint().resolve("/v1/metrics").toString())
        .add(config.telemetry().endpoint().resolve("/v1/logs").toString());
    otlp.set("nextExport", nextExport(config, allowlist, id));
    otlp.put("kinds", PayloadKind.OTLP_METRICS.label() + ", " + PayloadKind.OTLP_LOGS.label());
    otlp.put("allowlistVersion", allowlist.version());
    var metrics = otlp.putArray("allowlistedMetrics");
    allowlist.metricNames().forEach(metrics::add);
    otlp.put("schema", "docs/telemetry-schema.md lists every metric, attribute and permitted value");
    return otlp;
  }

  /**
   * The next metrics export, produced the way the daemon produces it (one run of the configured probes recorded into
   * the same instruments, exported by the same SDK exporter into a throw-away queue) and rendered as the guard would
   * pass it.
   */
  private static ObjectNode nextExport(AgentConfig config, TelemetryAllowlist allowlist, UUID id)
      throws IOException {
    Path tmp = Files.createTempDirectory("agent-preview");
    try {
      List<QueuedExport> exports = new ArrayList<>();
      try (DiskQueue queue = DiskQueue.builder(tmp).fsync(false).open()) {
        try (OtlpPipeline pipeline = OtlpPipeline.create(config.telemetry().endpoint().uri(), Duration.ofHours(1),
            TelemetryStream.resource(config, id), queue);
            OnDemandVertx vertx = new OnDemandVertx()) {
          Tier1Instruments instruments = new Tier1Instruments(pipeline.meter());
          instruments.record(new HealthCheck(config.probes().stream().map(p -> p.toProbe(vertx)).toList()).run()
              .get(60, TimeUnit.SECONDS));
          pipeline.flush(Duration.ofSeconds(10));
          // exactly the one export this flush produced; closing the SDK would queue another, which is not shown
          for (var next = queue.peek(); next.isPresent(); next = queue.peek()) {
            exports.add(QueuedExport.decode(next.get().payload()));
            queue.ack(next.get().seq());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while running the probes");
        } catch (ExecutionException | TimeoutException e) {
          throw new IOException("the probes did not finish (" + e.getClass().getSimpleName() + ")");
        }
      }
      ObjectNode rendered = OtlpPreview.render(exports, allowlist);
      rendered.put("measuredBy", "this command, now: the probe values are one run of the configured probes; process "
          + "and JVM values are this command's own (the daemon sends its own); agent.log.errors comes from the "
          + "daemon's log tailing and is absent here");
      return rendered;
    } finally {
      try (var walk = Files.walk(tmp)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The installation id from the state directory, creating the directory and the id when this is the first use. */
  static UUID installationId(Path stateDir) throws StateDirectoryException {
    return StateDirectory.readInstallationId(stateDir);
  }
}
