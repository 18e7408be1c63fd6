package io.companyos.agent.daemon;

import io.companyos.agent.collectors.health.HealthReport;
import io.companyos.agent.collectors.logs.LogEvent;
import io.companyos.agent.collectors.prometheus.ScrapeResult;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.bundling.ConfiguredRedactor;
import io.companyos.agent.exporters.otlp.ErrorEvents;
import io.companyos.agent.exporters.otlp.OtlpBatchSender;
import io.companyos.agent.exporters.otlp.OtlpPipeline;
import io.companyos.agent.exporters.queue.Backoff;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueueDrainer;
import io.companyos.agent.exporters.queue.QueueStats;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.redaction.Redactor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tier-1 stream in the daemon: the allowlisted measurements are recorded into the OpenTelemetry SDK, every export
 * is committed to the disk queue in {@code stateDir/otlp-queue}, and an {@code otlp-sender} thread drains the queue
 * through the egress guard. Built only when the guard permits OTLP (tier {@code full}); otherwise nothing of it exists.
 * Only values that carry no customer text are recorded: counts, durations, enumerated kinds.
 */
final class TelemetryStream implements StatusContributor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryStream.class);
  static final String QUEUE_DIR = "otlp-queue";
  private static final String EXPORT_BATCHES_HELP = "Export attempts by outcome: delivered (accepted by the endpoint),"
      + " rejected (refused for good by the endpoint or withheld whole by the egress guard, dropped), retried (failed,"
      + " kept for a later attempt)";
  private static final String ERROR_EVENTS_HELP = "ERROR log events with an exception, by outcome: emitted (queued"
      + " as an OTLP log record), suppressed (held back by the rate limit), untraced (no exception class, not sent)";

  private final DiskQueue queue;
  private final OtlpPipeline pipeline;
  private final QueueDrainer drainer;
  private final Clock clock;
  private final ScheduledExecutorService sender;
  private final Tier1Instruments instruments;
  private final ErrorEvents errorEvents;
  private volatile Instant lastSuccess;
  private volatile boolean closed;

  private TelemetryStream(AgentConfig config, DiskQueue queue, EgressGuard guard, java.util.UUID installationId,
      Redactor redactor, RedactionMeter redactions, Clock clock) {
    this.queue = queue;
    this.clock = clock;
    this.pipeline = OtlpPipeline.create(config.telemetry().endpoint().uri(), config.telemetry().interval(),
        resource(config, installationId), queue);
    this.errorEvents = new ErrorEvents(pipeline.logger(), redactor, clock,
        ErrorEvents.Limits.defaults(config.telemetry().interval()), redactions);
    this.drainer = new QueueDrainer(queue,
        new OtlpBatchSender(kind -> guard.endpoint(kind).flatMap(uri -> guard.sender(kind, uri))),
        Backoff.DEFAULT, () -> ThreadLocalRandom.current().nextDouble(), Duration.ofSeconds(1), 50);
    this.instruments = new Tier1Instruments(pipeline.meter());
    this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "otlp-sender");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The resource attributes of every OTLP batch: agent and product version, installation id, tier. Never a host name
   * or address.
   */
  static Map<String, String> resource(AgentConfig config, java.util.UUID installationId) {
    return Map.of("service.version", AgentVersion.get(), "companyos.installation.id", installationId.toString(),
        "companyos.product.version", config.installation().productVersion(),
        "companyos.tier", config.tier().configName());
  }

  /**
   * Opens the queue and the SDK when the guard permits OTLP; empty otherwise (tier heartbeat or airgapped).
   *
   * @param redactions counts what the error events' redaction replaced
   * @throws DaemonStartException when the queue directory or the pseudonym key cannot be opened
   */
  static java.util.Optional<TelemetryStream> create(AgentConfig config, StateDirectory state, EgressGuard guard,
      MeterRegistry registry, RedactionMeter redactions, Clock clock) throws DaemonStartException {
    if (!guard.permits(PayloadKind.OTLP_METRICS)) {
      return java.util.Optional.empty();
    }
    DiskQueue queue;
    try {
      long cap = config.telemetry().queueMaxBytes().bytes();
      queue = DiskQueue.builder(state.path().resolve(QUEUE_DIR)).clock(clock).maxBytes(cap)
          .segmentBytes(segmentBytes(cap)).open();
    } catch (IOException e) {
      throw new DaemonStartException("export queue in " + state.path().resolve(QUEUE_DIR) + " cannot be opened ("
          + e.getClass().getSimpleName() + ")");
    }
    Redactor redactor;
    try {
      redactor = ConfiguredRedactor.build(config.redaction(), state.path());
    } catch (IOException | RuntimeException e) {
      try {
        queue.close();
      } catch (IOException ignored) {
        // the start fails anyway
      }
      throw new DaemonStartException("the redaction for error events cannot be set up ("
          + e.getClass().getSimpleName() + ")");
    }
    TelemetryStream stream = new TelemetryStream(config, queue, guard, state.installationId(), redactor, redactions,
        clock);
    stream.bindMeters(registry);
    return java.util.Optional.of(stream);
  }

  /**
   * Segments of a sixteenth of the cap, at most 8 MiB: a segment is deleted only once all its batches are gone, so the
   * disk holds up to one segment more than the cap, which should stay small next to a small cap.
   */
  static long segmentBytes(long cap) {
    return Math.max(64 * 1024, Math.min(8L * 1024 * 1024, cap / 16));
  }

  private void bindMeters(MeterRegistry registry) {
    Gauge.builder("agent.queue.batches", queue, q -> q.stats().batches())
        .description("Export batches waiting in the disk queue").baseUnit("batches").strongReference(true).register(registry);
    Gauge.builder("agent.queue.bytes", queue, q -> q.stats().bytes())
        .description("Payload bytes waiting in the disk queue").baseUnit("bytes").strongReference(true).register(registry);
    FunctionCounter.builder("agent.queue.dropped", queue, q -> q.stats().dropped())
        .description("Batches dropped because the queue was full (oldest first)").baseUnit("batches")
        .register(registry);
    FunctionCounter.builder("agent.queue.corrupt", queue, q -> q.stats().corrupt())
        .description("Damaged queue records skipped (torn writes, bit rot)").baseUnit("records").register(registry);
    FunctionCounter.builder("agent.queue.write.errors", queue, q -> q.stats().writeErrors())
        .description("Batches that could not be written to the disk queue (e.g. the disk was full); not queued")
        .baseUnit("batches").register(registry);
    FunctionCounter.builder("agent.export.batches", drainer, QueueDrainer::sentCount)
        .description(EXPORT_BATCHES_HELP).baseUnit("batches").tag("outcome", "delivered")
        .register(registry);
    FunctionCounter.builder("agent.export.batches", drainer, QueueDrainer::rejectedCount)
        .description(EXPORT_BATCHES_HELP).baseUnit("batches").tag("outcome", "rejected")
        .register(registry);
    FunctionCounter.builder("agent.export.batches", drainer, QueueDrainer::retryCount)
        .description(EXPORT_BATCHES_HELP).baseUnit("batches").tag("outcome", "retried")
        .register(registry);
    Gauge.builder("agent.export.last_success", this, s -> s.lastSuccess == null ? Double.NaN
            : s.lastSuccess.toEpochMilli() / 1000.0)
        .description("When the endpoint last accepted a batch (Unix time)").baseUnit("seconds").strongReference(true).register(registry);
    FunctionCounter.builder("agent.error_events", errorEvents, ErrorEvents::emittedCount)
        .description(ERROR_EVENTS_HELP).tag("outcome", "emitted").register(registry);
    FunctionCounter.builder("agent.error_events", errorEvents, ErrorEvents::suppressedCount)
        .description(ERROR_EVENTS_HELP).tag("outcome", "suppressed").register(registry);
    FunctionCounter.builder("agent.error_events", errorEvents, ErrorEvents::untracedCount)
        .description(ERROR_EVENTS_HELP).tag("outcome", "untraced").register(registry);
  }

  /** Starts draining the queue (what a previous run left behind first). */
  void start() {
    sender.schedule(this::drain, 0, TimeUnit.MILLISECONDS);
  }

  private void drain() {
    if (closed) {
      return;
    }
    Duration next;
    try {
      QueueDrainer.Pass pass = drainer.drainOnce();
      if (pass.accepted() > 0) {
        lastSuccess = clock.instant();
      }
      next = pass.nextDelay();
    } catch (RuntimeException e) {
      LOG.warn("export drain failed ({}); retrying", e.getClass().getSimpleName());
      next = Duration.ofSeconds(5);
    }
    if (!closed) {
      sender.schedule(this::drain, next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Takes a probe run (see {@link Tier1Instruments#record(HealthReport)}). */
  void record(HealthReport report) {
    instruments.record(report);
  }

  /** Takes a scrape (see {@link Tier1Instruments#record(ScrapeResult)}). */
  void record(ScrapeResult result) {
    instruments.record(result);
  }

  /**
   * Takes a log event: counted per service (see {@link Tier1Instruments#record(LogEvent)}), and an ERROR event with an
   * exception becomes an error event ({@link ErrorEvents}): anonymized, redacted, rate-limited.
   */
  void record(LogEvent event) {
    instruments.record(event);
    if (event.isError()) {
      errorEvents.record(event.service(), event.text(), event.exceptionType(), event.time(),
          "FATAL".equals(event.level()) || "PANIC".equals(event.level()) || "EMERG".equals(event.level()));
    }
  }

  /** Exports what was recorded so far into the queue now (tests, shutdown). */
  boolean flush(Duration timeout) {
    return pipeline.flush(timeout);
  }

  @Override
  public String name() {
    return "telemetry";
  }

  @Override
  public Map<String, Object> status() {
    QueueStats q = queue.stats();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", drainer.lastError() != null && q.batches() > 0 ? "degraded" : "ok");
    if (drainer.lastError() != null && q.batches() > 0) {
      s.put("reason", "telemetry endpoint not accepting (" + drainer.lastError() + "); " + q.batches()
          + " batch(es) queued");
    }
    s.put("queuedBatches", q.batches());
    s.put("queuedBytes", q.bytes());
    s.put("queueMaxBytes", queue.maxBytes());
    s.put("oldestQueuedAgeSeconds", q.oldestEnqueuedAt().map(t -> Duration.between(t, clock.instant()).toSeconds())
        .orElse(null));
    s.put("dropped", q.dropped());
    s.put("corrupt", q.corrupt());
    s.put("writeErrors", q.writeErrors());
    s.put("lastSuccess", lastSuccess == null ? null : lastSuccess.toString());
    s.put("lastError", drainer.lastError());
    return s;
  }

  /** Commits what is recorded to the queue, stops sending; what is queued stays for the next start. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    pipeline.close();
    closed = true;
    sender.shutdownNow();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
      queue.close();
    } catch (IOException | InterruptedException e) {
      LOG.warn("export queue did not close cleanly ({})", e.getClass().getSimpleName());
    }
  }
}
