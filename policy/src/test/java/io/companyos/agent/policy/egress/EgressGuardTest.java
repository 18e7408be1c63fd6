package io.companyos.agent.policy.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.allowlist.TelemetryItem;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerEntry;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.policy.ledger.LedgerReader;
import io.companyos.agent.policy.ledger.LedgerVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI HEARTBEAT = URI.create("https://telemetry.companyos.io/v1/heartbeat");
  private static final URI METRICS = URI.create("https://telemetry.companyos.io/v1/metrics");
  private static final Map<String, String> RESOURCE = Map.of("service.name", "companyos-agent");

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger transportsCreated = new AtomicInteger();
  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
  private EgressLedger ledger;
  private RecordingTransport transport;

  private EgressGuard guard(Tier tier) throws IOException {
    ledger = EgressLedger.open(dir, LedgerLimits.DEFAULT, clock);
    transport = new RecordingTransport(request -> {
      // the ledger already holds the send entry when the payload reaches the network boundary
      List<LedgerEntry> entries = new ArrayList<>();
      try {
        LedgerReader.forEach(dir, Instant.EPOCH, entries::add);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      boolean recorded = entries.stream().anyMatch(e -> e.event().equals("send") && e.sha256().equals(
          sha256(request.body())));
      return CompletableFuture.completedFuture(new TransportResponse(recorded ? 202 : 599, Optional.empty()));
    });
    return EgressGuard.builder()
        .tier(tier)
        .endpoint(PayloadKind.HEARTBEAT, HEARTBEAT)
        .endpoint(PayloadKind.OTLP_METRICS, METRICS)
        .transportFactory(() -> {
          transportsCreated.incrementAndGet();
          return transport;
        })
        .ledger(ledger)
        .meterRegistry(registry)
        .build();
  }

  private static byte[] heartbeat() {
    ObjectNode hb = JSON.createObjectNode();
    hb.put("schemaVersion", 1);
    hb.put("installationId", "0b6f3c1e-8a52-4d8e-9a51-3f1f0e0c2b7d");
    hb.put("agentVersion", "0.1.0");
    hb.put("productVersion", "unknown");
    hb.put("uptimeSeconds", 5);
    hb.putObject("license").put("status", "missing").putNull("expiresAt");
    hb.put("health", "green");
    hb.put("sentAt", "2025-06-01T12:00:00Z");
    return hb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private double denied(String kind, String reason) {
    var c = registry.find("agent.egress.denied").tags("kind", kind, "reason", reason).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void airgappedHandsOutNoSenderAndNeverCreatesATransport() throws IOException {
    EgressGuard guard = guard(Tier.AIRGAPPED);
    for (PayloadKind kind : PayloadKind.values()) {
      assertThat(guard.permits(kind)).isFalse();
      assertThat(guard.sender(kind, kind == PayloadKind.HEARTBEAT ? HEARTBEAT : METRICS)).isEmpty();
    }
    assertThat(transportsCreated).hasValue(0);
    assertThat(guard.transportCreated()).isFalse();
    assertThat(denied("heartbeat", "tier")).isEqualTo(1);
    assertThat(denied("otlp-metrics", "tier")).isEqualTo(1);
    guard.close();
  }

  @Test
  void heartbeatTierLetsOnlyTheHeartbeatOut() throws IOException {
    EgressGuard guard = guard(Tier.HEARTBEAT);
    assertThat(guard.sender(PayloadKind.OTLP_METRICS, METRICS)).isEmpty();
    assertThat(transportsCreated).hasValue(0);
    EgressSender sender = guard.sender(PayloadKind.HEARTBEAT, HEARTBEAT).orElseThrow();
    assertThat(transportsCreated).hasValue(1);
    EgressResult result = sender.sendDocument(heartbeat(), Map.of("Idempotency-Key", "abcdef0123456789")).join();
    assertThat(result.delivered()).as(result.toString()).isTrue();
    assertThat(result.ledgerText()).isEqualTo("delivered 202");
    assertThat(transport.requests).singleElement().satisfies(r -> {
      assertThat(r.destination()).isEqualTo(HEARTBEAT);
      assertThat(r.contentType()).isEqualTo("application/json");
      assertThat(r.headers()).containsExactly(Map.entry("Idempotency-Key", "abcdef0123456789"));
      assertThat(r.body()).isEqualTo(heartbeat());
    });
    assertThat(denied("otlp-metrics", "tier")).isEqualTo(1);
    List<LedgerEntry> entries = new ArrayList<>();
    LedgerReader.forEach(dir, Instant.EPOCH, entries::add);
    assertThat(entries).extracting(LedgerEntry::event, LedgerEntry::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("send", "pending"),
            org.assertj.core.groups.Tuple.tuple("result", "delivered 202"));
    assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
  }

  @Test
  void anUnconfiguredDestinationIsDenied() throws IOException {
    EgressGuard guard = guard(Tier.FULL);
    assertThat(guard.sender(PayloadKind.HEARTBEAT, URI.create("https://evil.example/v1/heartbeat"))).isEmpty();
    assertThat(guard.sender(PayloadKind.OTLP_LOGS, METRICS)).as("no logs endpoint configured").isEmpty();
    assertThat(denied("heartbeat", "destination")).isEqualTo(1);
    assertThat(denied("otlp-logs", "destination")).isEqualTo(1);
    assertThat(transportsCreated).hasValue(0);
  }

  @Test
  void aHeartbeatOutsideTheSchemaIsDeniedAndNeverSentNorLedgered() throws IOException {
    EgressGuard guard = guard(Tier.HEARTBEAT);
    EgressSender sender = guard.sender(PayloadKind.HEARTBEAT, HEARTBEAT).orElseThrow();
    ObjectNode extra = (ObjectNode) JSON.readTree(heartbeat());
    extra.put("hostname", "db-01");
    String duplicate = new String(heartbeat(), StandardCharsets.UTF_8).replace("\"health\":\"green\"",
        "\"health\":\"green\",\"health\":\"red\"");
    assertThat(sender.sendDocument(extra.toString().getBytes(StandardCharsets.UTF_8), Map.of()).join().outcome())
        .isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(sender.sendDocument(duplicate.getBytes(StandardCharsets.UTF_8), Map.of()).join().detail())
        .isEqualTo("schema");
    assertThat(sender.sendDocument("not json".getBytes(StandardCharsets.UTF_8), Map.of()).join().detail())
        .isEqualTo("schema");
    assertThat(sender.sendDocument(heartbeat(), Map.of("X-Hostname", "db-01")).join().detail()).isEqualTo("header");
    assertThat(sender.sendDocument(heartbeat(), Map.of("Idempotency-Key", "a b")).join().detail())
        .isEqualTo("header");
    assertThat(transport.requests).isEmpty();
    assertThat(denied("heartbeat", "schema")).isEqualTo(3);
    assertThat(denied("heartbeat", "header")).isEqualTo(2);
    assertThat(LedgerVerifier.verify(dir).entries()).isZero();
  }

  @Test
  void fullTierScreensDataPointsAndEncodesOnlyTheAdmittedOnes() throws IOException {
    EgressGuard guard = guard(Tier.FULL);
    EgressSender sender = guard.sender(PayloadKind.OTLP_METRICS, METRICS).orElseThrow();
    List<TelemetryItem> points = List.of(
        new TelemetryItem("agent.log.errors", Map.of("service", "web")),
        new TelemetryItem("agent.log.errors", Map.of("service", "acme-payroll")),
        new TelemetryItem("agent.log.errors", Map.of("user.email", "alice@example.com")),
        new TelemetryItem("acme.orders.total", Map.of()),
        new TelemetryItem("process.uptime", Map.of()));
    List<List<TelemetryItem>> encoded = new ArrayList<>();
    EgressResult result = sender.sendScreened(RESOURCE, points, p -> p, admitted -> {
      encoded.add(admitted);
      return admitted.toString().getBytes(StandardCharsets.UTF_8);
    }, "application/x-protobuf", Map.of("Content-Encoding", "gzip")).join();
    assertThat(result.delivered()).isTrue();
    assertThat(encoded).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).extracting("name")
        .containsExactly("agent.log.errors", "process.uptime");
    assertThat(denied("otlp-metrics", "attribute-value")).isEqualTo(1);
    assertThat(denied("otlp-metrics", "attribute-key")).isEqualTo(1);
    assertThat(denied("otlp-metrics", "name")).isEqualTo(1);
    assertThat(transport.requests).singleElement()
        .satisfies(r -> assertThat(r.contentType()).isEqualTo("application/x-protobuf"));
  }

  @Test
  void aBatchWithForbiddenResourceAttributesOrNothingAdmittedIsNotSent() throws IOException {
    EgressGuard guard = guard(Tier.FULL);
    EgressSender sender = guard.sender(PayloadKind.OTLP_METRICS, METRICS).orElseThrow();
    List<TelemetryItem> ok = List.of(new TelemetryItem("process.uptime", Map.of()));
    assertThat(sender.sendScreened(Map.of("host.name", "db-01"), ok, p -> p, p -> new byte[1], "application/x-protobuf",
        Map.of()).join().outcome()).isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(sender.sendScreened(RESOURCE, List.of(new TelemetryItem("acme.revenue", Map.of())), p -> p,
        p -> new byte[1], "application/x-protobuf", Map.of()).join().outcome())
        .isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(sender.sendDocument(heartbeat(), Map.of()).join().outcome())
        .as("a metrics sender cannot carry a document").isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(transport.requests).isEmpty();
  }

  @Test
  void transportFailuresAndRejectionsAreReportedAndLedgered() throws IOException {
    ledger = EgressLedger.open(dir, LedgerLimits.DEFAULT, clock);
    List<CompletableFuture<TransportResponse>> answers = new ArrayList<>(List.of(
        CompletableFuture.completedFuture(new TransportResponse(503, Optional.of(Duration.ofSeconds(120)))),
        CompletableFuture.failedFuture(new java.net.http.HttpTimeoutException("request timed out")),
        CompletableFuture.failedFuture(new IOException("Connection reset"))));
    transport = new RecordingTransport(r -> answers.remove(0));
    EgressGuard guard = EgressGuard.builder().tier(Tier.HEARTBEAT).endpoint(PayloadKind.HEARTBEAT, HEARTBEAT)
        .transportFactory(() -> transport).ledger(ledger).meterRegistry(registry).build();
    EgressSender sender = guard.sender(PayloadKind.HEARTBEAT, HEARTBEAT).orElseThrow();
    EgressResult rejected = sender.sendDocument(heartbeat(), Map.of()).join();
    assertThat(rejected.outcome()).isEqualTo(EgressResult.Outcome.REJECTED);
    assertThat(rejected.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(sender.sendDocument(heartbeat(), Map.of()).join().ledgerText()).isEqualTo("failed timeout");
    assertThat(sender.sendDocument(heartbeat(), Map.of()).join().ledgerText()).isEqualTo("failed connection reset");
    List<String> outcomes = new ArrayList<>();
    LedgerReader.forEach(dir, Instant.EPOCH, e -> outcomes.add(e.outcome()));
    assertThat(outcomes).containsExactly("pending", "rejected 503", "pending", "failed timeout", "pending",
        "failed connection reset");
    assertThat(registry.get("agent.egress.sent").tags("kind", "heartbeat", "outcome", "failed").counter().count())
        .isEqualTo(2);
    guard.close();
    assertThat(transport.closed).isTrue();
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<LedgerEntry> ledgerEntries() throws IOException {
    List<LedgerEntry> entries = new ArrayList<>();
    LedgerReader.forEach(dir, Instant.EPOCH, entries::add);
    return entries;
  }

  @Test
  void aPayloadRecordedAheadLeavesOnlyWhenSentAndIsRecordedAsNotSentWhenAbandoned() throws IOException {
    EgressGuard guard = guard(Tier.FULL);
    EgressSender sender = guard.sender(PayloadKind.OTLP_METRICS, METRICS).orElseThrow();
    List<TelemetryItem> points = List.of(new TelemetryItem("process.uptime", Map.of()));
    RecordedSend first = sender.recordScreened(RESOURCE, points, p -> p, p -> "first".getBytes(StandardCharsets.UTF_8),
        "application/x-protobuf", Map.of());
    RecordedSend second = sender.recordScreened(RESOURCE, points, p -> p,
        p -> "second".getBytes(StandardCharsets.UTF_8), "application/x-protobuf", Map.of());
    assertThat(first.isRecorded()).isTrue();
    assertThat(second.isRecorded()).isTrue();
    // both intents are durable, nothing has left yet
    assertThat(transport.requests).isEmpty();
    assertThat(ledgerEntries()).extracting(LedgerEntry::event, LedgerEntry::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("send", "pending"),
            org.assertj.core.groups.Tuple.tuple("send", "pending"));

    // the transport answers 202 only if the send entry of exactly these bytes is in the ledger (see guard())
    assertThat(first.send().join().delivered()).isTrue();
    second.abandon("an earlier batch is to be retried");
    // once settled, neither can leave (again)
    assertThat(second.send().join().outcome()).isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(first.send().join().outcome()).isEqualTo(EgressResult.Outcome.DENIED);
    second.abandon("twice");

    assertThat(transport.requests).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
        .containsExactly("first");
    List<LedgerEntry> entries = ledgerEntries();
    assertThat(entries).extracting(LedgerEntry::event, LedgerEntry::sha256, LedgerEntry::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("send", sha256("first".getBytes(StandardCharsets.UTF_8)), "pending"),
        org.assertj.core.groups.Tuple.tuple("send", sha256("second".getBytes(StandardCharsets.UTF_8)), "pending"),
        org.assertj.core.groups.Tuple.tuple("result", sha256("first".getBytes(StandardCharsets.UTF_8)),
            "delivered 202"),
        org.assertj.core.groups.Tuple.tuple("result", sha256("second".getBytes(StandardCharsets.UTF_8)),
            "failed not sent: an earlier batch is to be retried"));
    assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
  }

  @Test
  void aPayloadRecordedBeforeTheGuardClosedNeverLeavesAndIsRecordedAsNotSent() throws IOException {
    EgressGuard guard = guard(Tier.FULL);
    EgressSender sender = guard.sender(PayloadKind.OTLP_METRICS, METRICS).orElseThrow();
    RecordedSend recorded = sender.recordScreened(RESOURCE, List.of(new TelemetryItem("process.uptime", Map.of())),
        p -> p, p -> new byte[] {1, 2, 3}, "application/x-protobuf", Map.of());
    guard.close();
    assertThat(recorded.send().join().outcome()).isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(transport.requests).isEmpty();
    assertThat(ledgerEntries()).extracting(LedgerEntry::outcome)
        .containsExactly("pending", "failed not sent: guard closed");
    // and a payload denied by the screening is not recorded at all
    RecordedSend denied = guard(Tier.FULL).sender(PayloadKind.OTLP_METRICS, METRICS).orElseThrow()
        .recordScreened(RESOURCE, List.of(new TelemetryItem("acme.revenue", Map.of())), p -> p, p -> new byte[1],
            "application/x-protobuf", Map.of());
    assertThat(denied.isRecorded()).isFalse();
    denied.abandon("nothing to abandon");
    assertThat(denied.send().join().outcome()).isEqualTo(EgressResult.Outcome.DENIED);
    assertThat(ledgerEntries()).hasSize(2);
  }

  @Test
  void theAnswerIsToldBeforeItsResultEntryIsWrittenAndTheSendCompletesAfter() throws IOException {
    EgressGuard guard = guard(Tier.FULL);
    EgressSender sender = guard.sender(PayloadKind.OTLP_METRICS, METRICS).orElseThrow();
    RecordedSend recorded = sender.recordScreened(RESOURCE, List.of(new TelemetryItem("process.uptime", Map.of())),
        p -> p, p -> new byte[] {7}, "application/x-protobuf", Map.of());
    assertThat(recorded.answered()).isNotDone();
    List<String> atAnswer = new ArrayList<>();
    recorded.answered().thenAccept(r -> {
      try {
        ledgerEntries().forEach(e -> atAnswer.add(e.event() + " " + e.outcome()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    EgressResult result = recorded.send().join();
    assertThat(result.delivered()).isTrue();
    assertThat(recorded.answered().join()).isEqualTo(result);
    assertThat(atAnswer).containsExactly("send pending");
    assertThat(ledgerEntries()).extracting(LedgerEntry::outcome).containsExactly("pending", "delivered 202");
  }
}
