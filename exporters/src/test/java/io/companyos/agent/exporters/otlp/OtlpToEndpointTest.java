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
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.egress.EgressTransport;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.egress.TransportResponse;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline -> disk queue -> drainer -> egress guard -> HTTP, against WireMock standing in for the vendor. */
class OtlpToEndpointTest {
  private static final String INSTALLATION = "5b0c2f4e-0000-4000-8000-000000000001";

  @TempDir
  Path dir;

  private WireMockServer vendor;

  @BeforeEach
  void startVendor() {
    vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.start();
  }

  @AfterEach
  void stopVendor() {
    vendor.stop();
  }

  /** A plain JDK HTTP client transport, as the guard would be given in production. */
  static final class JdkTransport implements EgressTransport {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public CompletableFuture<TransportResponse> post(OutboundRequest r) {
      HttpRequest.Builder b = HttpRequest.newBuilder(r.destination()).timeout(Duration.ofSeconds(10))
          .header("Content-Type", r.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
      r.headers().forEach(b::header);
      return client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
          .thenApply(resp -> new TransportResponse(resp.statusCode(),
              resp.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s)))));
    }

    @Override
    public void close() {}
  }

  private EgressGuard guard() throws Exception {
    URI base = URI.create(vendor.baseUrl());
    return EgressGuard.builder()
        .tier(Tier.FULL)
        .endpoint(PayloadKind.OTLP_METRICS, base.resolve("/v1/metrics"))
        .endpoint(PayloadKind.OTLP_LOGS, base.resolve("/v1/logs"))
        .transportFactory(JdkTransport::new)
        .ledger(EgressLedger.open(Files.createDirectories(dir.resolve("ledger")), LedgerLimits.DEFAULT,
            Clock.systemUTC()))
        .build();
  }

  private static List<Metric> metricsIn(com.github.tomakehurst.wiremock.verification.LoggedRequest r)
      throws Exception {
    ExportMetricsServiceRequest req = ExportMetricsServiceRequest.parseFrom(body(r));
    List<Metric> out = new ArrayList<>();
    req.getResourceMetricsList().forEach(rm -> rm.getScopeMetricsList().forEach(sm -> out.addAll(sm.getMetricsList())));
    return out;
  }

  /** WireMock hands out gzip request bodies already decoded; decode here only if it did not. */
  private static byte[] body(com.github.tomakehurst.wiremock.verification.LoggedRequest r) throws Exception {
    byte[] b = r.getBody();
    return b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b ? OtlpBatchSender.gunzip(b) : b;
  }

  @Test
  void onlyAllowlistedPointsLeaveGzippedAndLedgered() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/metrics")).willReturn(aResponse().withStatus(200)));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1),
            Map.of("service.version", "0.1.0", "companyos.installation.id", INSTALLATION), queue)) {
      // a description is free text the allowlist does not screen: it is cleared, not sent
      var errors = pipeline.meter().counterBuilder("agent.log.errors").setDescription("errors seen by Initech ops")
          .build();
      errors.add(2, Attributes.of(AttributeKey.stringKey("service"), "core-api"));
      errors.add(1, Attributes.of(AttributeKey.stringKey("service"), "alice@acme.example"));
      pipeline.meter().counterBuilder("customer.revenue").build()
          .add(99, Attributes.of(AttributeKey.stringKey("account"), "ACME Corp"));
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

      QueueDrainer drainer = new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k,
          guard.endpoint(k).orElseThrow())), Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
      assertThat(drainer.drainOnce().accepted()).isEqualTo(1);
      assertThat(queue.stats().batches()).isZero();

      var requests = vendor.findAll(postRequestedFor(urlEqualTo("/v1/metrics")));
      assertThat(requests).hasSize(1);
      assertThat(requests.get(0).getHeader("Content-Encoding")).isEqualTo("gzip");
      assertThat(requests.get(0).getHeader("Content-Type")).isEqualTo("application/x-protobuf");
      String raw = new String(body(requests.get(0)), StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain("alice@acme.example").doesNotContain("ACME Corp")
          .doesNotContain("customer.revenue").doesNotContain("Initech");
      List<Metric> sent = metricsIn(requests.get(0));
      assertThat(sent).extracting(Metric::getName).containsExactly("agent.log.errors");
      assertThat(sent.get(0).getSum().getDataPointsList()).hasSize(1);
      assertThat(sent.get(0).getSum().getDataPoints(0).getAsInt()).isEqualTo(2);

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
      assertThat(ledger).contains("otlp-metrics").contains("delivered 200");
    }
  }

  @Test
  void anOutageThenRecoveryDeliversEveryBatchInOrder() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/metrics")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1),
            Map.of("service.version", "0.1.0", "companyos.installation.id", INSTALLATION), queue)) {
      QueueDrainer drainer = new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k,
          guard.endpoint(k).orElseThrow())), Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
      var gauge = pipeline.meter().counterBuilder("agent.log.errors").build();
      // ten export intervals during the outage: each flush is one batch, each drain attempt is refused
      for (int i = 1; i <= 10; i++) {
        gauge.add(i, Attributes.of(AttributeKey.stringKey("service"), "worker"));
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        QueueDrainer.Pass pass = drainer.drainOnce();
        assertThat(pass.accepted()).isZero();
        assertThat(pass.nextDelay()).isGreaterThanOrEqualTo(Duration.ofSeconds(7)); // Retry-After honoured
      }
      assertThat(queue.stats().batches()).isEqualTo(10);

      vendor.resetAll();
      vendor.stubFor(post(urlEqualTo("/v1/metrics")).willReturn(aResponse().withStatus(200)));
      assertThat(drainer.drainOnce().accepted()).isEqualTo(10);

      var delivered = vendor.findAll(postRequestedFor(urlEqualTo("/v1/metrics")));
      List<Long> cumulative = new ArrayList<>();
      for (var r : delivered) {
        cumulative.add(metricsIn(r).get(0).getSum().getDataPoints(0).getAsInt());
      }
      // cumulative sums 1, 1+2, 1+2+3, ... prove every interval arrived, in order
      List<Long> expected = new ArrayList<>();
      long sum = 0;
      for (int i = 1; i <= 10; i++) {
        sum += i;
        expected.add(sum);
      }
      assertThat(cumulative).containsExactlyElementsOf(expected);
      assertThat(Optional.of(queue.stats().batches())).contains(0L);
    }
  }

  @Test
  void aBatchRecordedAheadOfAnOutageIsLedgeredAsNotSentAndEverythingArrivesInOrder() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/metrics")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(200)).willSetStateTo("down"));
    vendor.stubFor(post(urlEqualTo("/v1/metrics")).inScenario("outage").whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503)));
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = guard();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create(vendor.baseUrl()), Duration.ofHours(1),
            Map.of("service.version", "0.1.0", "companyos.installation.id", INSTALLATION), queue)) {
      var counter = pipeline.meter().counterBuilder("agent.log.errors").build();
      for (int i = 1; i <= 4; i++) {
        counter.add(i, Attributes.of(AttributeKey.stringKey("service"), "worker"));
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      }
      QueueDrainer drainer = new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k,
          guard.endpoint(k).orElseThrow())), Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
      // the first batch is accepted; the second meets the outage while the third was recorded ahead of it
      QueueDrainer.Pass down = drainer.drainOnce();
      assertThat(down.accepted()).isEqualTo(1);
      assertThat(down.nextDelay()).isPositive();
      assertThat(queue.stats().batches()).isEqualTo(3);

      vendor.resetAll();
      vendor.stubFor(post(urlEqualTo("/v1/metrics")).willReturn(aResponse().withStatus(200)));
      assertThat(drainer.drainOnce().accepted()).isEqualTo(3);
      assertThat(queue.stats().batches()).isZero();

      List<Long> cumulative = new ArrayList<>();
      for (var r : vendor.findAll(postRequestedFor(urlEqualTo("/v1/metrics")))) {
        cumulative.add(metricsIn(r).get(0).getSum().getDataPoints(0).getAsInt());
      }
      assertThat(cumulative).containsExactly(3L, 6L, 10L); // after the reset: the refused 3 again, then 6 and 10

      // per payload (SHA-256), its ledger entries in order: every send has one result, the batch recorded ahead of
      // the refused one says that it did not leave, and each attempt that left says how it ended
      Map<String, List<String>> bySha = new java.util.LinkedHashMap<>();
      io.companyos.agent.policy.ledger.LedgerReader.forEach(dir.resolve("ledger"), java.time.Instant.EPOCH,
          e -> bySha.computeIfAbsent(e.sha256(), k -> new ArrayList<>()).add(e.event() + " " + e.outcome()));
      assertThat(bySha.values()).containsExactly(
          List.of("send pending", "result delivered 200"),
          List.of("send pending", "result rejected 503", "send pending", "result delivered 200"),
          List.of("send pending", "result failed not sent: an earlier batch is to be retried", "send pending",
              "result delivered 200"),
          List.of("send pending", "result delivered 200"));
      assertThat(io.companyos.agent.policy.ledger.LedgerVerifier.verify(dir.resolve("ledger")).intact()).isTrue();
    }
  }
}
