package io.companyos.agent.exporters.otlp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.companyos.agent.exporters.queue.Backoff;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueueDrainer;
import io.companyos.agent.exporters.queue.QueuedBatch;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.egress.EgressTransport;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.egress.TransportResponse;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerEntry;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.policy.ledger.LedgerReader;
import io.companyos.agent.policy.ledger.LedgerVerifier;
import io.companyos.agent.redaction.Redactor;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several queued logs batches in one request when the sender is behind: the body is the batches' queued gzip members
 * one after the other, the endpoint decodes it as one request holding every batch in order, the ledger records
 * exactly the bytes that left, a 400 on such a request sends its batches again one by one (only the refused one is
 * dropped), an outage delivers everything in order, and {@code kill -9} with joined requests in flight and recorded
 * ahead loses nothing.
 */
class JoinedRequestsTest {
  private static final String INSTALLATION = "5b0c2f4e-0000-4000-8000-000000000001";
  private static final Map<String, String> RESOURCE = Map.of("service.version", "0.1.0",
      "companyos.installation.id", INSTALLATION);
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir
  Path dir;

  private WireMockServer vendor;
  /** Every body handed to the transport, as it left. */
  private final List<byte[]> wire = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startVendor() {
    vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.start();
  }

  @AfterEach
  void stopVendor() {
    vendor.stop();
  }

  private EgressGuard guard() throws Exception {
    URI base = URI.create(vendor.baseUrl());
    OtlpToEndpointTest.JdkTransport jdk = new OtlpToEndpointTest.JdkTransport();
    EgressTransport capturing = new EgressTransport() {
      @Override
      public CompletableFuture<TransportResponse> post(OutboundRequest r) {
        wire.add(r.body().clone());
        return jdk.post(r);
      }

      @Override
      public void close() {}
    };
    return EgressGuard.builder()
        .tier(Tier.FULL)
        .endpoint(PayloadKind.OTLP_METRICS, base.resolve("/v1/metrics"))
        .endpoint(PayloadKind.OTLP_LOGS, base.resolve("/v1/logs"))
        .transportFactory(() -> capturing)
        .ledger(EgressLedger.open(Files.createDirectories(dir.resolve("ledger")), LedgerLimits.DEFAULT,
            Clock.systemUTC()))
        .build();
  }

  /**
   * Queues {@code batches} logs batches through the real pipeline, two error events each; batch b's events carry the
   * times T0 + 10b s and T0 + 10b + 1 s, so the order of arrival is readable from the records.
   */
  private void queueBatches(DiskQueue queue, int from, int batches) {
    try (OtlpPipeline pipeline = OtlpPipeline.create(URI.create("http://127.0.0.1:9"), Duration.ofHours(1), RESOURCE,
        queue)) {
      ErrorEvents events = new ErrorEvents(pipeline.logger(), Redactor.builder().keywords(List.of("acmecorp")).build(),
          Clock.systemUTC(),
          new ErrorEvents.Limits(Duration.ofMinutes(1), Integer.MAX_VALUE, Integer.MAX_VALUE, 1_000), c -> {});
      for (int b = from; b < from + batches; b++) {
        for (int k = 0; k < 2; k++) {
          assertThat(events.record("core-api", ErrorEventsTest.TRACE, null, T0.plusSeconds(10L * b + k), false))
              .isEqualTo(ErrorEvents.Outcome.EMITTED);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      }
    }
  }

  private static QueueDrainer drainer(DiskQueue queue, EgressGuard guard) {
    return new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k, guard.endpoint(k).orElseThrow())),
        Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
  }

  private static List<byte[]> queuedBodies(DiskQueue queue) throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    java.util.Optional<QueuedBatch> b = queue.peek();
    while (b.isPresent()) {
      bodies.add(QueuedExport.decode(b.get().payload()).body());
      b = queue.peekAfter(b.get().seq());
    }
    return bodies;
  }

  /** A request as any gzip reader decodes it (multi-member: every member, one after the other). */
  private static ExportLogsServiceRequest decode(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return ExportLogsServiceRequest.parseFrom(in.readAllBytes());
    }
  }

  /** The batch numbers a request carries, one per resource_logs, read from its records' times. */
  private static List<Long> batchesIn(ExportLogsServiceRequest request) {
    List<Long> out = new ArrayList<>();
    request.getResourceLogsList().forEach(rl -> {
      List<LogRecord> records = new ArrayList<>();
      rl.getScopeLogsList().forEach(sl -> records.addAll(sl.getLogRecordsList()));
      assertThat(records).hasSize(2);
      long first = (records.get(0).getTimeUnixNano() / 1_000_000_000L - T0.getEpochSecond()) / 10;
      long second = (records.get(1).getTimeUnixNano() / 1_000_000_000L - T0.getEpochSecond()) / 10;
      assertThat(second).isEqualTo(first);
      out.add(first);
    });
    return out;
  }

  private List<List<Long>> deliveredByRequest() throws IOException {
    List<List<Long>> out = new ArrayList<>();
    for (var r : vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs")))) {
      byte[] b = r.getBody(); // WireMock may hand it out already decoded
      out.add(batchesIn(b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b ? decode(b)
          : ExportLogsServiceRequest.parseFrom(b)));
    }
    return out;
  }

  private Map<String, List<String>> ledgerBySha() throws IOException {
    Map<String, List<String>> bySha = new LinkedHashMap<>();
    LedgerReader.forEach(dir.resolve("ledger"), Instant.EPOCH,
        e -> bySha.computeIfAbsent(e.sha256(), k -> new ArrayList<>()).add(e.event() + " " + e.outcome()));
    return bySha;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  @Test
  void batchesQueuedBehindTheFirstLeaveInOneRequestThatDecodesToAllOfThemInOrder() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open(); EgressGuard guard = guard()) {
      queueBatches(queue, 0, 6);
      List<byte[]> queued = queuedBodies(queue);
      assertThat(queued).hasSize(6);

      QueueDrainer.Pass pass = drainer(queue, guard).drainOnce();
      assertThat(pass.accepted()).isEqualTo(6);
      assertThat(queue.stats().batches()).isZero();

      // at most four batches per request, in queue order; nothing re-encoded: the queued gzip members back to back
      assertThat(wire).hasSize(2);
      assertThat(wire.get(0)).isEqualTo(concat(queued.subList(0, 4)));
      assertThat(wire.get(1)).isEqualTo(concat(queued.subList(4, 6)));
      assertThat(batchesIn(decode(wire.get(0)))).containsExactly(0L, 1L, 2L, 3L);
      assertThat(deliveredByRequest()).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L));
      assertThat(vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs"))).get(0).getHeader("Content-Encoding"))
          .isEqualTo("gzip");
      String text = new String(decode(wire.get(0)).toByteArray(), StandardCharsets.ISO_8859_1);
      for (String planted : ErrorEventsTest.PLANTED) {
        assertThat(text).as(planted).doesNotContainIgnoringCase(planted);
      }

      // one send entry per request, of exactly the bytes that left
      Map<String, List<String>> bySha = ledgerBySha();
      assertThat(bySha.keySet()).containsExactly(sha256(wire.get(0)), sha256(wire.get(1)));
      assertThat(bySha.values()).containsOnly(List.of("send pending", "result delivered 200"));
      assertThat(LedgerVerifier.verify(dir.resolve("ledger")).intact()).isTrue();
    }
  }

  @Test
  void aRefusedJoinedRequestIsSentAgainBatchByBatchAndOnlyTheRefusedBatchIsDropped() throws Exception {
    // the joined request is refused; then batch 0 alone is accepted, batch 1 alone refused, batch 2 alone accepted
    String[] states = {Scenario.STARTED, "b0", "b1", "b2", "done"};
    int[] statuses = {400, 200, 400, 200};
    for (int i = 0; i < statuses.length; i++) {
      vendor.stubFor(post(urlEqualTo("/v1/logs")).inScenario("refusal").whenScenarioStateIs(states[i])
          .willReturn(aResponse().withStatus(statuses[i])).willSetStateTo(states[i + 1]));
    }
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open(); EgressGuard guard = guard()) {
      queueBatches(queue, 0, 3);
      List<byte[]> queued = queuedBodies(queue);
      QueueDrainer drainer = drainer(queue, guard);
      QueueDrainer.Pass pass = drainer.drainOnce();
      assertThat(pass.accepted()).isEqualTo(2);
      assertThat(pass.rejected()).isEqualTo(1);
      assertThat(drainer.rejectedCount()).isEqualTo(1);
      assertThat(queue.stats().batches()).isZero();

      assertThat(wire).hasSize(4);
      assertThat(wire.get(0)).isEqualTo(concat(queued));
      assertThat(wire.subList(1, 4)).containsExactly(queued.get(0), queued.get(1), queued.get(2));
      assertThat(deliveredByRequest()).containsExactly(List.of(0L, 1L, 2L), List.of(0L), List.of(1L), List.of(2L));

      assertThat(ledgerBySha().values()).containsExactly(
          List.of("send pending", "result rejected 400"),
          List.of("send pending", "result delivered 200"),
          List.of("send pending", "result rejected 400"),
          List.of("send pending", "result delivered 200"));
      assertThat(LedgerVerifier.verify(dir.resolve("ledger")).intact()).isTrue();

      // batches queued afterwards are joined again
      vendor.resetAll();
      vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
      queueBatches(queue, 3, 2);
      assertThat(drainer.drainOnce().accepted()).isEqualTo(2);
      assertThat(deliveredByRequest()).containsExactly(List.of(3L, 4L));
    }
  }

  @Test
  void aBatchTheGuardWithholdsWholeInsideAJoinedRequestIsCountedRefusedNotDelivered() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open(); EgressGuard guard = guard()) {
      queueBatches(queue, 0, 3);
      // batch 1 again, every record now with an attribute the telemetry schema does not allow
      List<byte[]> queued = queuedBodies(queue);
      ExportLogsServiceRequest clean = decode(queued.get(1));
      ExportLogsServiceRequest.Builder tainted = clean.toBuilder();
      tainted.getResourceLogsBuilderList().forEach(rl -> rl.getScopeLogsBuilderList().forEach(sl ->
          sl.getLogRecordsBuilderList().forEach(r -> r.addAttributes(KeyValue.newBuilder().setKey("user.email")
              .setValue(AnyValue.newBuilder().setStringValue("jane.doe@example.org"))))));
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        tainted.build().writeTo(out);
      }
      queue.append(new QueuedExport(OtlpSignal.LOGS, true, gz.toByteArray()).encode());
      queueBatches(queue, 3, 1);
      assertThat(queue.stats().batches()).isEqualTo(5);

      QueueDrainer drainer = drainer(queue, guard);
      QueueDrainer.Pass pass = drainer.drainOnce();

      // one request of four batches (the most one carries), then the last alone; the tainted one left nothing
      assertThat(deliveredByRequest()).containsExactly(List.of(0L, 1L, 2L), List.of(3L));
      assertThat(new String(concat(wire), StandardCharsets.ISO_8859_1)).doesNotContain("user.email");
      assertThat(pass.accepted()).isEqualTo(4);
      assertThat(pass.rejected()).isEqualTo(1);
      assertThat(drainer.sentCount()).isEqualTo(4);
      assertThat(drainer.rejectedCount()).isEqualTo(1);
      assertThat(queue.stats().batches()).isZero();
      assertThat(ledgerBySha().values()).containsExactly(
          List.of("send pending", "result delivered 200"), List.of("send pending", "result delivered 200"));
    }
  }

  @Test
  void anOutageThenRecoveryDeliversEveryBatchInOrderInJoinedRequests() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After", "7")));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open(); EgressGuard guard = guard()) {
      QueueDrainer drainer = drainer(queue, guard);
      for (int b = 0; b < 7; b++) {
        queueBatches(queue, b, 1);
        QueueDrainer.Pass pass = drainer.drainOnce();
        assertThat(pass.accepted()).isZero();
        assertThat(pass.nextDelay()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
      }
      assertThat(queue.stats().batches()).isEqualTo(7);
      // every attempt during the outage carried the oldest batches, up to four
      List<List<Long>> attempts = deliveredByRequest();
      assertThat(attempts).containsExactly(List.of(0L), List.of(0L, 1L), List.of(0L, 1L, 2L),
          List.of(0L, 1L, 2L, 3L), List.of(0L, 1L, 2L, 3L), List.of(0L, 1L, 2L, 3L), List.of(0L, 1L, 2L, 3L));

      vendor.resetAll();
      vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
      assertThat(drainer.drainOnce().accepted()).isEqualTo(7);
      assertThat(queue.stats().batches()).isZero();
      assertThat(deliveredByRequest()).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L));
      assertThat(LedgerVerifier.verify(dir.resolve("ledger")).intact()).isTrue();
    }
  }

  @Test
  void aKillWithJoinedRequestsInFlightAndRecordedAheadLosesNothing() throws Exception {
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open()) {
      queueBatches(queue, 0, 6);
    }
    // an endpoint that takes the request and never answers: batches 0-3 stay in flight, 4-5 are recorded ahead
    KilledDrainer.killAfterTwoSends(dir);
    assertThat(ledger()).extracting(LedgerEntry::event).containsExactly("send", "send");

    vendor.stubFor(post(urlEqualTo("/v1/logs")).willReturn(aResponse().withStatus(200)));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open(); EgressGuard guard = guard()) {
      assertThat(queue.stats().batches()).isEqualTo(6);
      assertThat(drainer(queue, guard).drainOnce().accepted()).isEqualTo(6);
      assertThat(queue.stats().batches()).isZero();
    }
    assertThat(deliveredByRequest()).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L));
    // the same requests again, byte for byte: each reads send (killed), send, delivered
    assertThat(ledgerBySha().values()).containsExactly(
        List.of("send pending", "send pending", "result delivered 200"),
        List.of("send pending", "send pending", "result delivered 200"));
    assertThat(LedgerVerifier.verify(dir.resolve("ledger")).intact()).isTrue();
  }

  private List<LedgerEntry> ledger() throws IOException {
    return KilledDrainer.ledger(dir);
  }
}
