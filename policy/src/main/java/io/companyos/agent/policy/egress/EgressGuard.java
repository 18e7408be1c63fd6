package io.companyos.agent.policy.egress;

import io.companyos.agent.policy.DenialReason;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.allowlist.TelemetryAllowlist;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single choke point of everything that leaves the customer's environment; deny by default.
 *
 * <p>An exporter asks for an {@link EgressSender} for a payload kind and a destination. The guard hands one out only
 * when the tier lets that kind leave and the destination is the one configured for it; otherwise it counts the denial
 * ({@code agent.egress.denied{kind,reason}}) and returns empty. Every payload a sender sends is checked again against
 * the {@link TelemetryAllowlist} (the exact heartbeat schema; metric names, attribute keys and values), recorded in
 * the {@link EgressLedger} before it is sent, and only then handed to the transport. Items that fail are dropped and
 * counted, never sent.
 *
 * <p>The transport is created through the {@link TransportFactory} the first time a sender is handed out: in tier
 * airgapped no sender is ever handed out, so no transport, and no HTTP client, is ever created.
 *
 * <p>Senders block briefly to write the ledger; call them off event-loop threads.
 */
public final class EgressGuard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EgressGuard.class);

  private final Tier tier;
  private final TelemetryAllowlist allowlist;
  private final Map<PayloadKind, URI> endpoints;
  private final Map<PayloadKind, Map<String, String>> staticHeaders;
  private final TransportFactory transportFactory;
  private final EgressLedger ledger;
  private final EgressMetrics metrics;
  private EgressTransport transport;
  private boolean closed;

  private EgressGuard(Builder b) {
    this.tier = b.tier;
    this.allowlist = b.allowlist;
    this.endpoints = Map.copyOf(b.endpoints);
    this.staticHeaders = Map.copyOf(b.headers);
    this.transportFactory = b.transportFactory;
    this.ledger = b.ledger;
    this.metrics = new EgressMetrics(b.registry);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Tier tier() {
    return tier;
  }

  public TelemetryAllowlist allowlist() {
    return allowlist;
  }

  /** True when the tier lets {@code kind} leave and an endpoint is configured for it. */
  public boolean permits(PayloadKind kind) {
    return kind.permittedIn(tier) && endpoints.containsKey(kind);
  }

  /** The configured destination of {@code kind}, if any. */
  public Optional<URI> endpoint(PayloadKind kind) {
    return Optional.ofNullable(endpoints.get(kind));
  }

  /**
   * A sender for {@code kind} to {@code destination}, or empty (counted as denied) when the tier does not let that
   * kind leave or the destination is not the configured one.
   */
  public Optional<EgressSender> sender(PayloadKind kind, URI destination) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(destination, "destination");
    if (!kind.permittedIn(tier)) {
      deny(kind, DenialReason.TIER);
      return Optional.empty();
    }
    if (!destination.equals(endpoints.get(kind))) {
      deny(kind, DenialReason.DESTINATION);
      return Optional.empty();
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the egress guard is closed");
      }
      if (transport == null) {
        transport = Objects.requireNonNull(transportFactory.create(), "transport");
      }
    }
    return Optional.of(new EgressSender(this, kind, destination));
  }

  /** True once a transport exists; stays false forever in tier airgapped. */
  public synchronized boolean transportCreated() {
    return transport != null;
  }

  void deny(PayloadKind kind, DenialReason reason) {
    metrics.denied(kind, reason);
    LOG.debug("egress denied: kind={} reason={}", kind.label(), reason.label());
  }

  void deny(PayloadKind kind, DenialReason reason, long count) {
    metrics.denied(kind, reason, count);
  }

  /** Records, sends, records the result. The payload has passed every content check. */
  CompletableFuture<EgressResult> dispatch(PayloadKind kind, URI destination, String contentType,
      Map<String, String> headers, byte[] body) {
    return record(kind, destination, contentType, headers, body).send();
  }

  /**
   * Records the send entry of a payload that passed every content check, without sending it yet: see
   * {@link RecordedSend}. A closed guard or an unwritable ledger denies it (nothing recorded, nothing can leave).
   */
  RecordedSend record(PayloadKind kind, URI destination, String contentType, Map<String, String> headers,
      byte[] body) {
    synchronized (this) {
      if (closed) {
        return RecordedSend.denied(EgressResult.denied(DenialReason.TIER));
      }
    }
    io.companyos.agent.policy.ledger.LedgerEntry sent;
    try {
      sent = ledger.recordSend(kind.label(), destination, body);
    } catch (IOException | RuntimeException e) {
      LOG.warn("egress ledger not writable ({}); nothing is sent until it is", e.getClass().getSimpleName());
      deny(kind, DenialReason.LEDGER);
      return RecordedSend.denied(EgressResult.denied(DenialReason.LEDGER));
    }
    return RecordedSend.recorded(this, kind, destination, contentType, headers, body, sent);
  }

  /** Hands a recorded payload to the transport and records how it ended; see {@link RecordedSend#send()}. */
  CompletableFuture<EgressResult> transmit(PayloadKind kind, URI destination, String contentType,
      Map<String, String> headers, byte[] body, io.companyos.agent.policy.ledger.LedgerEntry sent,
      CompletableFuture<EgressResult> answered) {
    EgressTransport t;
    synchronized (this) {
      t = closed ? null : transport;
    }
    if (t == null) {
      abandon(sent, "guard closed");
      EgressResult denied = EgressResult.denied(DenialReason.TIER);
      answered.complete(denied);
      return CompletableFuture.completedFuture(denied);
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(staticHeaders.getOrDefault(kind, Map.of()));
    all.putAll(headers);
    CompletableFuture<TransportResponse> response;
    try {
      response = t.post(new OutboundRequest(destination, contentType, all, body));
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    return response.handle((r, error) -> {
      EgressResult result = error == null ? fromResponse(r) : fromFailure(error);
      metrics.sent(kind, result, body.length);
      answered.complete(result); // known now; the returned future completes once it is also recorded
      try {
        ledger.recordResult(sent, result.ledgerText());
      } catch (IOException | RuntimeException e) {
        LOG.warn("egress ledger: cannot record a result ({})", e.getClass().getSimpleName());
      }
      return result;
    });
  }

  /** Records that a recorded payload never left; see {@link RecordedSend#abandon(String)}. */
  void abandon(io.companyos.agent.policy.ledger.LedgerEntry sent, String reason) {
    try {
      ledger.recordResult(sent, "failed not sent: " + reason);
    } catch (IOException | RuntimeException e) {
      LOG.warn("egress ledger: cannot record a result ({})", e.getClass().getSimpleName());
    }
  }

  private static EgressResult fromResponse(TransportResponse r) {
    return new EgressResult(r.isSuccess() ? EgressResult.Outcome.DELIVERED : EgressResult.Outcome.REJECTED,
        r.status(), r.retryAfter(), Integer.toString(r.status()));
  }

  private static EgressResult fromFailure(Throwable error) {
    return new EgressResult(EgressResult.Outcome.FAILED, 0, Optional.empty(), FailureNames.describe(error));
  }

  /** Closes the transport, if one was created; idempotent. Senders deny everything afterwards. */
  @Override
  public void close() {
    EgressTransport t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = transport;
    }
    if (t != null) {
      t.close();
    }
  }

  /** Builds a guard; every setter's Javadoc states its default. */
  public static final class Builder {
    private Tier tier = Tier.AIRGAPPED;
    private TelemetryAllowlist allowlist;
    private final Map<PayloadKind, URI> endpoints = new EnumMap<>(PayloadKind.class);
    private final Map<PayloadKind, Map<String, String>> headers = new EnumMap<>(PayloadKind.class);
    private TransportFactory transportFactory;
    private EgressLedger ledger;
    private MeterRegistry registry;

    private Builder() {}

    /** The effective tier (default {@code airgapped}: nothing leaves). */
    public Builder tier(Tier tier) {
      this.tier = Objects.requireNonNull(tier, "tier");
      return this;
    }

    /** The allowlist (default {@link TelemetryAllowlist#builtIn()}). */
    public Builder allowlist(TelemetryAllowlist allowlist) {
      this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
      return this;
    }

    /** The one destination permitted for {@code kind} (default: none, so nothing of that kind leaves). */
    public Builder endpoint(PayloadKind kind, URI destination) {
      endpoints.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(destination, "destination"));
      return this;
    }

    /** Headers the guard adds to every request of {@code kind}, e.g. a license token (default none). */
    public Builder headers(PayloadKind kind, Map<String, String> values) {
      headers.put(Objects.requireNonNull(kind, "kind"), Map.copyOf(values));
      return this;
    }

    /** Creates the transport on first permitted use (required; never called in tier airgapped). */
    public Builder transportFactory(TransportFactory factory) {
      this.transportFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The egress ledger every payload is recorded in before it is sent (required). */
    public Builder ledger(EgressLedger ledger) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /** Where {@code agent.egress.*} meters are registered (default: a private registry nobody reads). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    public EgressGuard build() {
      Objects.requireNonNull(transportFactory, "transportFactory is required");
      Objects.requireNonNull(ledger, "ledger is required");
      if (allowlist == null) {
        allowlist = TelemetryAllowlist.builtIn();
      }
      if (registry == null) {
        registry = new SimpleMeterRegistry();
      }
      return new EgressGuard(this);
    }
  }
}
