package io.companyos.agent.exporters.otlp;

import io.companyos.agent.exporters.queue.DiskQueue;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The OpenTelemetry SDK set up for the agent's Tier-1 stream: a periodic metric reader and a batch log processor whose
 * OTLP/HTTP exporters (protobuf, gzip) write into the persistent queue. Record through {@link #meter()} and
 * {@link #logger()}; only values that already passed redaction belong here.
 */
public final class OtlpPipeline implements AutoCloseable {
  private static final String SCOPE = "io.companyos.agent";
  /**
   * Log records per export request at most (the SDK's default is 512). The daemon emits at most 1,000 error events
   * per {@code telemetry.interval}, so one interval's records go out in one request instead of two; the request stays
   * bounded: at most 16 MiB of protobuf before gzip even if every trace were at the allowlist's 16 KiB limit (about
   * 3 MiB for typical ~3 KB traces, 0.1-0.3 MiB on the wire). Under a log storm each request's fixed costs (a queue
   * append and its fsync, two ledger entries with theirs, the HTTP exchange, and the first copy of each trace, which
   * deflate cannot shorten) are spread over twice the records (docs/benchmarks.md, error events, sixth pass).
   */
  public static final int MAX_BATCH_RECORDS = 1024;

  private final SdkMeterProvider meterProvider;
  private final SdkLoggerProvider loggerProvider;
  private final BatchLogRecordProcessor logProcessor;
  private final QueueingSenderProvider sender;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** What the log processor's last flush request returned ({@link #flushLogs}); guarded by this. */
  private CompletableResultCode lastLogsFlush;

  private OtlpPipeline(SdkMeterProvider meterProvider, SdkLoggerProvider loggerProvider,
      BatchLogRecordProcessor logProcessor, QueueingSenderProvider sender) {
    this.meterProvider = meterProvider;
    this.loggerProvider = loggerProvider;
    this.logProcessor = logProcessor;
    this.sender = sender;
  }

  /**
   * Builds the pipeline.
   *
   * @param endpoint the telemetry endpoint; requests are recorded for {@code <endpoint>/v1/metrics} and {@code /v1/logs}
   * @param interval how often metrics are collected and exported (the configured {@code telemetry.interval})
   * @param resource resource attributes: installation id, versions, tier — never host names or addresses
   * @param queue where every export request is committed before it is sent
   */
  public static OtlpPipeline create(URI endpoint, Duration interval, Map<String, String> resource, DiskQueue queue) {
    return create(endpoint, interval, resource, queue, MAX_BATCH_RECORDS);
  }

  /** {@link #create(URI, Duration, Map, DiskQueue)} with another cap on log records per request (benchmarks). */
  public static OtlpPipeline create(URI endpoint, Duration interval, Map<String, String> resource, DiskQueue queue,
      int maxBatchRecords) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (maxBatchRecords < 1) {
      throw new IllegalArgumentException("maxBatchRecords must be positive");
    }
    QueueingSenderProvider sender = new QueueingSenderProvider(queue);
    String base = endpoint.toString().replaceAll("/+$", "");
    OtlpHttpMetricExporter metricExporter = OtlpHttpMetricExporter.builder()
        .setEndpoint(base + OtlpSignal.METRICS.path())
        .setCompression("gzip")
        .setComponentLoader(sender.componentLoader())
        .setMeterProvider(MeterProvider::noop)
        .build();
    OtlpHttpLogRecordExporter logExporter = OtlpHttpLogRecordExporter.builder()
        .setEndpoint(base + OtlpSignal.LOGS.path())
        .setCompression("gzip")
        .setComponentLoader(sender.componentLoader())
        .setMeterProvider(MeterProvider::noop)
        .build();
    AttributesBuilder attrs = Attributes.builder().put("service.name", "companyos-agent");
    resource.forEach(attrs::put);
    Resource res = Resource.empty().merge(Resource.create(attrs.build()));
    SdkMeterProvider meters = SdkMeterProvider.builder()
        .setResource(res)
        // the SDK's self-telemetry (otel.sdk.*) would be recorded into this very provider and then refused by the
        // egress guard at every export: it is not on the allowlist, so it is not produced at all
        .registerMetricReader(PeriodicMetricReader.builder(metricExporter).setInterval(interval)
            .setInternalTelemetryVersion(InternalTelemetryVersion.LEGACY).build())
        .build();
    // the records of one fingerprint side by side in each request: deflate then finds their shared trace
    BatchLogRecordProcessor logProcessor = BatchLogRecordProcessor.builder(
            new FingerprintGroupingExporter(logExporter))
        .setScheduleDelay(interval)
        .setMaxQueueSize(10_000)
        .setMaxExportBatchSize(maxBatchRecords)
        .setMeterProvider(MeterProvider::noop)
        .build();
    SdkLoggerProvider logs = SdkLoggerProvider.builder()
        .setResource(res)
        .addLogRecordProcessor(logProcessor)
        .build();
    return new OtlpPipeline(meters, logs, logProcessor, sender);
  }

  /** The meter the agent's Tier-1 instruments are created on. */
  public Meter meter() {
    return meterProvider.get(SCOPE);
  }

  /** The logger Tier-1 error events are emitted on. */
  public Logger logger() {
    return loggerProvider.get(SCOPE);
  }

  /** Collects and commits everything recorded so far to the queue. */
  public synchronized boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableResultCode m = meterProvider.forceFlush();
    CompletableResultCode l = flushLogs(deadline);
    boolean exported = CompletableResultCode.ofAll(java.util.List.of(m, l))
        .join(timeout.toMillis(), TimeUnit.MILLISECONDS).isSuccess();
    return exported && committed(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** Flushes and shuts the SDK down, and waits for its last batches to be committed; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      CompletableResultCode m = meterProvider.shutdown();
      CompletableResultCode l = loggerProvider.shutdown();
      CompletableResultCode.ofAll(java.util.List.of(m, l)).join(10, TimeUnit.SECONDS);
      committed(Duration.ofSeconds(10));
    }
  }

  /**
   * Asks the log processor to export what it holds. Its worker completes a flush before it clears the request, and a
   * request made in between gets that finished flush's result back without anything emitted since being exported
   * ({@code BatchLogRecordProcessor.Worker#flush}: {@code succeed()}, then {@code set(null)}; opentelemetry-java
   * 1.68). Such a result is the object the previous request returned, so the request is repeated until it is a new
   * one: at once when that one is complete (the worker clears it right after), after it when it is still running (a
   * previous flush that outlived its caller's timeout may have counted its records before these were emitted).
   */
  private CompletableResultCode flushLogs(long deadline) {
    CompletableResultCode l = logProcessor.forceFlush();
    while (l == lastLogsFlush && l != CompletableResultCode.ofSuccess() && System.nanoTime() < deadline) {
      if (l.isDone()) {
        Thread.yield();
      } else {
        l.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      }
      l = logProcessor.forceFlush();
    }
    lastLogsFlush = l;
    return l;
  }

  private boolean committed(Duration timeout) {
    try {
      return sender.awaitCommitted(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
