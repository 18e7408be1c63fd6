package io.companyos.agent.daemon;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.config.Durations;
import io.companyos.agent.exporters.heartbeat.Health;
import io.companyos.agent.exporters.heartbeat.HeartbeatMetrics;
import io.companyos.agent.exporters.heartbeat.HeartbeatScheduler;
import io.companyos.agent.exporters.heartbeat.HeartbeatStateStore;
import io.companyos.agent.exporters.heartbeat.HeartbeatStatus;
import io.companyos.agent.exporters.transport.HttpsTransport;
import io.companyos.agent.exporters.transport.TransportOptions;
import io.companyos.agent.exporters.transport.TransportSetupException;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.allowlist.TelemetryAllowlist;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.egress.EgressSender;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.policy.signed.PolicyRefusedException;
import io.companyos.agent.policy.signed.SignedPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that goes to the vendor, wired: the egress ledger, the egress guard (tier, allowlist narrowed by a signed
 * policy, configured endpoints, the HTTPS transport created only when something may leave) and, in tiers heartbeat
 * and full, the heartbeat scheduler. Adds the {@code egress} and {@code heartbeat} sections to {@code /v1/status} and
 * the heartbeat meters. Deployed as a verticle so that closing Vert.x stops it. In tier airgapped no transport and no
 * HTTP client is ever created.
 */
final class VendorEgress extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(VendorEgress.class);

  private final AgentConfig config;
  private final EgressGuard guard;
  private final Optional<SignedPolicy> policy;
  private final HeartbeatScheduler heartbeat;
  private final java.nio.file.Path ledger;

  private VendorEgress(AgentConfig config, EgressGuard guard, Optional<SignedPolicy> policy,
      HeartbeatScheduler heartbeat, java.nio.file.Path ledger) {
    this.config = config;
    this.ledger = ledger;
    this.guard = guard;
    this.policy = policy;
    this.heartbeat = heartbeat;
  }

  /**
   * Builds the egress side; registers its status sections and meters.
   *
   * @throws DaemonStartException when the ledger, the TLS files or the signed policy cannot be used
   */
  static VendorEgress create(AgentConfig config, StateDirectory state, Clock clock, Instant started,
      MeterRegistry registry, DaemonStatus status, Supplier<Health> health) throws DaemonStartException {
    Optional<SignedPolicy> policy;
    try {
      policy = config.policy().verified();
    } catch (PolicyRefusedException e) {
      throw new DaemonStartException("signed policy refused: " + e.getMessage());
    }
    EgressGuard guard;
    try {
      guard = guard(config, state, clock, registry, policy);
    } catch (IOException e) {
      throw new DaemonStartException("egress ledger in " + state.path() + " is not writable ("
          + e.getClass().getSimpleName() + ")");
    }
    HeartbeatScheduler heartbeat = null;
    if (guard.permits(PayloadKind.HEARTBEAT)) {
      URI endpoint = config.heartbeat().endpoint().uri();
      EgressSender sender;
      try {
        sender = guard.sender(PayloadKind.HEARTBEAT, endpoint).orElseThrow();
      } catch (IllegalStateException e) {
        guard.close();
        throw new DaemonStartException(e.getMessage());
      }
      try {
        heartbeat = HeartbeatScheduler.builder().sender(sender)
            .facts(new AgentHeartbeatFacts(state.installationId(), config, clock, started, health))
            .stateStore(HeartbeatStateStore.inDirectory(state.path()))
            .interval(config.heartbeat().interval()).clock(clock).build();
      } catch (IOException e) {
        guard.close();
        throw new DaemonStartException("license.vendorKey is unreadable (" + e.getMessage() + ")");
      }
      new HeartbeatMetrics(heartbeat).bindTo(registry);
    }
    VendorEgress egress = new VendorEgress(config, guard, policy, heartbeat,
        state.path().resolve(io.companyos.agent.policy.ledger.LedgerFiles.CURRENT));
    status.addContributor(egress.egressSection());
    status.addContributor(egress.heartbeatSection());
    return egress;
  }

  private static EgressGuard guard(AgentConfig config, StateDirectory state, Clock clock, MeterRegistry registry,
      Optional<SignedPolicy> policy) throws IOException {
    TelemetryAllowlist allowlist = TelemetryAllowlist.builtIn();
    if (policy.isPresent()) {
      allowlist = allowlist.narrowedBy(policy.get().allowlist());
    }
    Map<String, String> otlpHeaders = new LinkedHashMap<>();
    config.telemetry().headers().forEach((k, v) -> otlpHeaders.put(k, v.reveal()));
    TransportOptions.Builder options = TransportOptions.builder().userAgent("companyos-agent/" + AgentVersion.get());
    if (config.tls().caBundle() != null) {
      options.caBundle(config.tls().caBundle());
    }
    if (config.tls().clientCertificate() != null) {
      options.clientCertificate(config.tls().clientCertificate(), config.tls().clientKey());
    }
    config.proxy().uri().ifPresent(options::proxy);
    options.noProxy(config.proxy().noProxy());
    TransportOptions transportOptions = options.build();
    return EgressGuard.builder()
        .tier(config.tier())
        .allowlist(allowlist)
        .endpoint(PayloadKind.HEARTBEAT, config.heartbeat().endpoint().uri())
        .endpoint(PayloadKind.OTLP_METRICS, config.telemetry().endpoint().resolve("/v1/metrics"))
        .endpoint(PayloadKind.OTLP_LOGS, config.telemetry().endpoint().resolve("/v1/logs"))
        .headers(PayloadKind.OTLP_METRICS, otlpHeaders)
        .headers(PayloadKind.OTLP_LOGS, otlpHeaders)
        .transportFactory(() -> {
          try {
            return HttpsTransport.create(transportOptions, clock);
          } catch (TransportSetupException e) {
            throw new IllegalStateException(e.getMessage());
          }
        })
        .ledger(EgressLedger.open(state.path(), LedgerLimits.DEFAULT, clock))
        .meterRegistry(registry)
        .build();
  }

  /** The guard every exporter gets its sender from (the OTLP pipeline asks it for {@code otlp-*} senders). */
  EgressGuard guard() {
    return guard;
  }

  @Override
  public Future<?> start() {
    if (heartbeat != null) {
      heartbeat.start();
      LOG.info("heartbeat to {} every {}", config.heartbeat().endpoint(),
          Durations.format(config.heartbeat().interval()));
    } else {
      LOG.info("tier {}: no heartbeat, no HTTP client for any vendor endpoint", config.tier().configName());
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (heartbeat != null) {
      heartbeat.close();
    }
    guard.close();
    return Future.succeededFuture();
  }

  private StatusContributor egressSection() {
    return new StatusContributor() {
      @Override
      public String name() {
        return "egress";
      }

      @Override
      public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tier", guard.tier().configName());
        s.put("allowlistVersion", guard.allowlist().version());
        s.put("signedPolicy", policy.map(p -> (Object) Map.of("signerKeyId", p.signerKeyId(),
            "maxTier", p.maxTier().configName())).orElse(null));
        s.put("httpClient", guard.transportCreated() ? "created"
            : guard.tier() == Tier.AIRGAPPED ? "none (tier airgapped)" : "not yet created");
        s.put("ledger", ledger.toString());
        return s;
      }
    };
  }

  private StatusContributor heartbeatSection() {
    return new StatusContributor() {
      @Override
      public String name() {
        return "heartbeat";
      }

      @Override
      public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        if (heartbeat == null) {
          s.put("status", "disabled");
          s.put("reason", "tier airgapped: nothing is sent");
          return s;
        }
        HeartbeatStatus h = heartbeat.status();
        s.put("status", h.degradedReason().isPresent() ? "degraded" : "ok");
        s.put("reason", h.degradedReason().orElse(null));
        s.put("endpoint", config.heartbeat().endpoint().toString());
        s.put("interval", Durations.format(config.heartbeat().interval()));
        s.put("lastSuccessAt", h.lastSuccessAt().map(Instant::toString).orElse(null));
        s.put("lastAttemptAt", h.lastAttemptAt().map(Instant::toString).orElse(null));
        s.put("lastOutcome", h.lastOutcome());
        s.put("nextDueAt", h.nextDueAt().toString());
        s.put("consecutiveFailures", h.consecutiveFailures());
        return s;
      }
    };
  }
}
