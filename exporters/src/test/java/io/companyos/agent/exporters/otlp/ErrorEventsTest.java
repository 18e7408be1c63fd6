package io.companyos.agent.exporters.otlp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.companyos.agent.exporters.heartbeat.SimulatedClock;
import io.companyos.agent.exporters.queue.Backoff;
import io.companyos.agent.exporters.queue.BatchSender;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueueDrainer;
import io.companyos.agent.exporters.queue.QueuedBatch;
import io.companyos.agent.exporters.queue.SendOutcome;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error events: anonymizer -> redactor -> log record -> disk queue -> guard -> WireMock, decoded as OTLP logs. */
class ErrorEventsTest {
  private static final String INSTALLATION = "5b0c2f4e-0000-4000-8000-000000000001";
  private static final Map<String, String> RESOURCE = Map.of("service.version", "0.1.0",
      "companyos.installation.id", INSTALLATION, "companyos.product.version", "5.2.1", "companyos.tier", "full");
  /** A trace with PII in every message and a customer's name (a configured keyword) in its frames. */
  static final String TRACE = "2026-11-25T10:00:01Z ERROR payment failed for alice.smith@example.org\n"
      + "java.lang.IllegalStateException: card 4111 1111 1111 1111 declined for alice.smith@example.org\n"
      + "\tat com.acmecorp.billing.Invoice.charge(Invoice.java:42) ~[acmecorp-billing.jar:1.0]\n"
      + "\tat io.companyos.core.Jobs.run(Jobs.java:118)\n"
      + "\tSuppressed: java.io.IOException: cannot close /home/alice/report.pdf\n"
      + "\t\tat io.companyos.core.Files.close(Files.java:7)\n"
      + "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"alice\"\n"
      + "  Detail: host db-07.acmecorp.internal 10.20.30.40\n"
      + "\t... 12 more\n";
  static final List<String> PLANTED = List.of("alice", "4111 1111 1111 1111", "acmecorp", "10.20.30.40",
      "payment failed", "declined", "password", "report.pdf", "Detail");

  @TempDir
  Path dir;

  private WireMockServer vendor;
  private final SimpleMeterRegistry guardMeters = new SimpleMeterRegistry();

  @BeforeEach
  void startVendor() {
    vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.start();
    vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stopVendor() {
    vendor.stop();
  }

  private EgressGuard guard() throws Exception {
    URI base = URI.create(vendor.baseUrl());
    return EgressGuard.builder()
        .tier(Tier.FULL)
        .endpoint(PayloadKind.OTLP_METRICS, base.resolve("/v1/metrics"))
        .endpoint(PayloadKind.OTLP_LOGS, base.resolve("/v1/logs"))
        .transportFactory(OtlpToEndpointTest.JdkTransport::new)
        .meterRegistry(guardMeters)
        .ledger(EgressLedger.open(Files.createDirectories(dir.resolve("ledger")), LedgerLimits.DEFAULT,
            Clock.systemUTC()))
        .build();
  }

  private static Redactor redactor() {
    return Redactor.builder().keywords(List.of("acmecorp")).build();
  }

  private static List<ExportLogsServiceRequest> delivered(WireMockServer vendor) throws Exception {
    List<ExportLogsServiceRequest> out = new ArrayList<>();
    for (LoggedRequest r : vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs")))) {
      byte[] b = r.getBody();
      out.add(ExportLogsServiceRequest.parseFrom(
          b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b ? OtlpBatchSender.gunzip(b) : b));
    }
    return out;
  }

  private static List<LogRecord> records(List<ExportLogsServiceRequest> requests) {
    List<LogRecord> out = new ArrayList<>();
    requests.forEach(q -> q.getResourceLogsList().forEach(rl -> rl.getScopeLogsList()
        .forEach(sl -> out.addAll(sl.getLogRecordsList()))));
    return out;
  }

  private void drain(DiskQueue queue, EgressGuard guard) {
    QueueDrainer drainer = new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k,
        guard.endpoint(k).orElseThrow())), Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
    drainer.drainOnce();
    assertThat(queue.stats().batches()).as("every queued batch was sent or refused").isZero();
  }

  @Test
  void anErrorArrivesAsALogRecordWithClassesFramesAndFingerprintOnly() throws Exception {
    List<RedactionCounter> redactions = new ArrayList<>();
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1), RESOURCE,
            queue)) {
      ErrorEvents events = new ErrorEvents(pipeline.logger(), redactor(), Clock.systemUTC(),
          ErrorEvents.Limits.defaults(Duration.ofMinutes(1)), redactions::add);
      Instant at = Instant.parse("2026-11-25T10:00:01Z");
      assertThat(events.record("core-api", TRACE, null, at, false)).isEqualTo(ErrorEvents.Outcome.EMITTED);
      assertThat(events.record("core-api", "2026-11-25T10:00:02Z ERROR login failed for alice", null, at, false))
          .as("an ERROR line without an exception class has nothing to send").isEqualTo(ErrorEvents.Outcome.NO_TRACE);
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      drain(queue, guard);

      List<ExportLogsServiceRequest> requests = delivered(vendor);
      assertThat(requests).hasSize(1);
      assertThat(vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs"))).get(0).getHeader("Content-Encoding"))
          .isEqualTo("gzip");
      assertThat(OtlpAttributes.toText(requests.get(0).getResourceLogs(0).getResource().getAttributesList()))
          .containsEntry("service.name", "companyos-agent").containsEntry("service.version", "0.1.0")
          .containsEntry("companyos.installation.id", INSTALLATION).containsEntry("companyos.product.version", "5.2.1")
          .containsEntry("companyos.tier", "full").doesNotContainKeys("host.name", "host.ip");
      List<LogRecord> records = records(requests);
      assertThat(records).hasSize(1);
      LogRecord r = records.get(0);
      assertThat(r.hasBody()).isFalse();
      assertThat(r.getEventName()).isEqualTo("companyos.error");
      assertThat(r.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
      assertThat(r.getTimeUnixNano()).isEqualTo(at.getEpochSecond() * 1_000_000_000L);
      Map<String, String> attrs = OtlpAttributes.toText(r.getAttributesList());
      assertThat(attrs.keySet()).containsExactlyInAnyOrder("service", "exception.type", "exception.stacktrace",
          "companyos.error.fingerprint", "companyos.error.suppressed");
      assertThat(attrs).containsEntry("service", "core-api")
          .containsEntry("exception.type", "java.lang.IllegalStateException")
          .containsEntry("companyos.error.suppressed", "0");
      assertThat(attrs.get("companyos.error.fingerprint")).matches("[0-9a-f]{16}");
      assertThat(attrs.get("exception.stacktrace")).matches("java.lang.IllegalStateException\n"
          + "\tat com\\.<keyword:[0-9a-f]{8}>\\.billing\\.Invoice\\.charge\\(Invoice\\.java:42\\)\n"
          + "\tat io\\.companyos\\.core\\.Jobs\\.run\\(Jobs\\.java:118\\)\n"
          + "\tSuppressed: java\\.io\\.IOException\n"
          + "\t\tat io\\.companyos\\.core\\.Files\\.close\\(Files\\.java:7\\)\n"
          + "Caused by: org\\.postgresql\\.util\\.PSQLException\n"
          + "\t\\.\\.\\. 12 more");
      String wire = new String(requests.get(0).toByteArray(), StandardCharsets.ISO_8859_1);
      for (String planted : PLANTED) {
        assertThat(wire).as(planted).doesNotContainIgnoringCase(planted);
      }
      assertThat(redactions).hasSize(1);
      assertThat(redactions.get(0).counts()).containsEntry("keyword", 1L);
    }
  }

  @Test
  void aLogStormIsRateLimitedPerFingerprintAndTheHeldBackAreCounted() throws Exception {
    SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-25T10:00:00Z"));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1), RESOURCE,
            queue)) {
      ErrorEvents events = new ErrorEvents(pipeline.logger(), redactor(), clock,
          new ErrorEvents.Limits(Duration.ofMinutes(1), 2, 1_000, 100), c -> { });
      for (int i = 0; i < 1_000; i++) {
        // the same code path with a different message and line number each time: one fingerprint
        events.record("worker", TRACE.replace("alice", "user" + i).replace(":42)", ":" + (40 + i % 5) + ")"));
      }
      events.record("worker", "java.io.UncheckedIOException: x\n\tat io.companyos.core.Other.run(Other.java:1)\n");
      assertThat(events.emittedCount()).isEqualTo(3);
      assertThat(events.suppressedCount()).isEqualTo(998);
      clock.advance(Duration.ofMinutes(1));
      events.record("worker", TRACE);
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      drain(queue, guard);

      // a request carries the records of one fingerprint side by side (FingerprintGroupingExporter): in the order
      // of their times, the last one reports what was held back
      List<LogRecord> records = new ArrayList<>(records(delivered(vendor)));
      records.sort(java.util.Comparator.comparingLong(LogRecord::getTimeUnixNano));
      assertThat(records).hasSize(4);
      assertThat(records).extracting(r -> OtlpAttributes.toText(r.getAttributesList())
          .get("companyos.error.suppressed")).containsExactly("0", "0", "0", "998");
      assertThat(records.stream().map(r -> OtlpAttributes.toText(r.getAttributesList())
          .get("companyos.error.fingerprint")).distinct()).hasSize(2);
    }
  }

  @Test
  void whenTheGuardAdmitsEveryRecordTheQueuedEncodingIsWhatLeaves() throws Exception {
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1), RESOURCE,
            queue)) {
      ErrorEvents events = new ErrorEvents(pipeline.logger(), redactor(), Clock.systemUTC(),
          ErrorEvents.Limits.defaults(Duration.ofMinutes(1)), c -> {});
      for (int i = 0; i < 3; i++) {
        assertThat(events.record("core-api", TRACE.replace("alice", "alice" + i))).isEqualTo(
            ErrorEvents.Outcome.EMITTED);
      }
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      QueuedExport queued = QueuedExport.decode(queue.peek().orElseThrow().payload());
      assertThat(queued.gzip()).isTrue();
      String queuedSha = java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(queued.body()));
      drain(queue, guard);

      assertThat(records(delivered(vendor))).hasSize(3);
      String ledger;
      try (var files = Files.list(dir.resolve("ledger"))) {
        ledger = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).map(p -> {
          try {
            return Files.readString(p);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).reduce("", String::concat);
      }
      assertThat(ledger).as("the bytes sent (their SHA-256 in the ledger) are the queued gzip, not a re-encoding")
          .contains(queuedSha).contains("delivered 200");
    }
  }

  @Test
  void theGuardRefusesARecordWithABodyAnUnknownAttributeOrAFreeSeverity() throws Exception {
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1), RESOURCE,
            queue)) {
      String trace = "java.lang.IllegalStateException\n\tat io.companyos.core.Jobs.run(Jobs.java:118)";
      pipeline.logger().logRecordBuilder().setEventName("companyos.error").setSeverity(Severity.ERROR)
          .setBody("login failed for alice@example.org").setAttribute("exception.type", "java.lang.Exception")
          .emit();
      error(pipeline, "java.lang.Exception").setAttribute("exception.message", "bob@example.org").emit();
      pipeline.logger().logRecordBuilder().setEventName("companyos.error").setSeverityText("carol@example.org")
          .setAttribute("exception.type", "java.lang.Exception").emit();
      error(pipeline, "java.lang.Exception")
          .setAttribute("exception.stacktrace", trace + "\njava.lang.Exception: dave@example.org").emit();
      error(pipeline, "java.lang.IllegalStateException").setAttribute("exception.stacktrace", trace).emit();
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      drain(queue, guard);

      List<ExportLogsServiceRequest> requests = delivered(vendor);
      List<LogRecord> records = records(requests);
      assertThat(records).hasSize(1);
      assertThat(OtlpAttributes.toText(records.get(0).getAttributesList()))
          .containsEntry("exception.type", "java.lang.IllegalStateException");
      String wire = new String(requests.get(0).toByteArray(), StandardCharsets.ISO_8859_1);
      assertThat(wire).doesNotContain("alice").doesNotContain("bob").doesNotContain("carol").doesNotContain("dave");
      assertThat(requests.get(0).getResourceLogs(0).getScopeLogs(0).getScope().getName())
          .isEqualTo("io.companyos.agent");
      assertThat(guardMeters.get("agent.egress.denied").tags("kind", "otlp-logs", "reason", "field").counter()
          .count()).isEqualTo(2);
      assertThat(guardMeters.get("agent.egress.denied").tags("kind", "otlp-logs", "reason", "attribute-key")
          .counter().count()).isEqualTo(1);
      assertThat(guardMeters.get("agent.egress.denied").tags("kind", "otlp-logs", "reason", "attribute-value")
          .counter().count()).isEqualTo(1);
    }
  }

  @Test
  void aBatchPreparedBeforeAnotherIsSentAsItsOwnWhenTheNextOneWasDecodedMeanwhile() throws Exception {
    // the sender decodes each batch into one reused buffer; a batch whose records are partly refused is re-encoded
    // when it is started, after the next batch may already have been decoded into that buffer
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1), RESOURCE,
            queue)) {
      String trace = "java.lang.IllegalStateException\n\tat io.companyos.core.Jobs.run(Jobs.java:118)";
      error(pipeline, "java.lang.Exception").setAttribute("exception.message", "bob@example.org").emit();
      error(pipeline, "java.lang.IllegalStateException").setAttribute("exception.stacktrace", trace).emit();
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      // smaller than the first batch, so it is decoded into the very buffer the first one was
      error(pipeline, "java.io.UncheckedIOException").setAttribute("exception.stacktrace",
          "java.io.UncheckedIOException\n\tat io.companyos.core.Files.read(Files.java:10)").emit();
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      QueuedBatch first = queue.peek().orElseThrow();
      QueuedBatch second = queue.peekAfter(first.seq()).orElseThrow();

      OtlpBatchSender sender = new OtlpBatchSender(k -> guard.sender(k, guard.endpoint(k).orElseThrow()));
      BatchSender.Prepared a = sender.prepare(first);
      BatchSender.Prepared b = sender.prepare(second);
      assertThat(a.start().await()).isInstanceOf(SendOutcome.Accepted.class);
      assertThat(b.start().await()).isInstanceOf(SendOutcome.Accepted.class);

      List<ExportLogsServiceRequest> requests = delivered(vendor);
      assertThat(requests).hasSize(2);
      assertThat(records(List.of(requests.get(0)))).extracting(r -> OtlpAttributes.toText(r.getAttributesList())
          .get("exception.type")).containsExactly("java.lang.IllegalStateException");
      assertThat(records(List.of(requests.get(1)))).extracting(r -> OtlpAttributes.toText(r.getAttributesList())
          .get("exception.stacktrace")).containsExactly(
              "java.io.UncheckedIOException\n\tat io.companyos.core.Files.read(Files.java:10)");
      assertThat(requests.get(0).toString()).doesNotContain("bob");
    }
  }

  @Test
  void anExceptionNamedOnlyInTheLogLineIsSentAsItsClassWithItsOwnFingerprint() throws Exception {
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1), RESOURCE,
            queue)) {
      ErrorEvents events = new ErrorEvents(pipeline.logger(), redactor(), Clock.systemUTC(),
          ErrorEvents.Limits.defaults(Duration.ofMinutes(1)), c -> { });
      assertThat(events.record("web", "ERROR upload failed for alice: java.io.IOException: disk full",
          "java.io.IOException", null, false)).isEqualTo(ErrorEvents.Outcome.EMITTED);
      assertThat(events.record("web", "ERROR export for alice failed: java.util.concurrent.TimeoutException",
          "java.util.concurrent.TimeoutException", null, true)).isEqualTo(ErrorEvents.Outcome.EMITTED);
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      drain(queue, guard);

      List<LogRecord> records = records(delivered(vendor));
      assertThat(records).extracting(r -> OtlpAttributes.toText(r.getAttributesList()).get("exception.stacktrace"))
          .containsExactly("java.io.IOException", "java.util.concurrent.TimeoutException");
      assertThat(records).extracting(r -> OtlpAttributes.toText(r.getAttributesList())
          .get("companyos.error.fingerprint")).doesNotHaveDuplicates();
      assertThat(records.get(1).getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_FATAL);
      assertThat(records.toString()).doesNotContain("alice").doesNotContain("disk full");
    }
  }

  @Test
  void aLogsBatchWhoseSecondResourceCarriesAHostIsRefusedWhole() throws Exception {
    var record = io.opentelemetry.proto.logs.v1.LogRecord.newBuilder().setEventName("companyos.error")
        .addAttributes(io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey("exception.type")
            .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue("java.lang.Exception")))
        .build();
    java.util.function.Function<Map<String, String>, io.opentelemetry.proto.logs.v1.ResourceLogs> resourceLogs = attrs -> {
      var resource = io.opentelemetry.proto.resource.v1.Resource.newBuilder();
      attrs.forEach((k, v) -> resource.addAttributes(io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey(k)
          .setValue(io.opentelemetry.proto.common.v1.AnyValue.newBuilder().setStringValue(v))));
      return io.opentelemetry.proto.logs.v1.ResourceLogs.newBuilder().setResource(resource)
          .addScopeLogs(io.opentelemetry.proto.logs.v1.ScopeLogs.newBuilder().addLogRecords(record)).build();
    };
    byte[] body = ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(resourceLogs.apply(Map.of("service.name", "companyos-agent")))
        .addResourceLogs(resourceLogs.apply(Map.of("service.name", "companyos-agent", "host.name", "db-07.acme")))
        .build().toByteArray();
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard()) {
      queue.append(new QueuedExport(OtlpSignal.LOGS, false, body).encode());
      drain(queue, guard);
      assertThat(vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs")))).isEmpty();
    }
  }

  @Test
  void aLongTraceIsCutToTheAllowlistsLimitsWithAClosingMoreLine() {
    List<String> lines = new ArrayList<>();
    lines.add("java.lang.StackOverflowError");
    for (int i = 0; i < 1_000; i++) {
      lines.add("\tat io.companyos.core.Recursive.call(Recursive.java:" + i + ")");
    }
    String cut = ErrorEvents.truncated(lines);
    String[] kept = cut.split("\n");
    assertThat(kept.length).isLessThanOrEqualTo(io.companyos.agent.policy.allowlist.ValueRule.MAX_TRACE_LINES);
    assertThat(cut.length()).isLessThanOrEqualTo(io.companyos.agent.policy.allowlist.ValueRule.MAX_TRACE_CHARS);
    assertThat(kept[kept.length - 1]).isEqualTo("\t... " + (1_001 - (kept.length - 1)) + " more");
    assertThat(io.companyos.agent.policy.allowlist.TelemetryAllowlist.builtIn().attributes()
        .get("exception.stacktrace").checkText("t", cut)).isNull();
    assertThat(ErrorEvents.truncated(List.of("a.B", "\tat a.B.c(B.java:1)"))).isEqualTo("a.B\n\tat a.B.c(B.java:1)");
  }

  /** An error event's record as the daemon builds it: its event name, severity ERROR and {@code exception.type}. */
  private static LogRecordBuilder error(OtlpPipeline pipeline, String exceptionType) {
    return pipeline.logger().logRecordBuilder().setEventName("companyos.error").setSeverity(Severity.ERROR)
        .setAttribute("exception.type", exceptionType);
  }
}
