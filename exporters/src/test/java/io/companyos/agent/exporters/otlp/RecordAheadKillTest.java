package io.companyos.agent.exporters.otlp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.exporters.queue.Backoff;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueueDrainer;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerEntry;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.policy.ledger.LedgerVerifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the agent while one batch is in flight and the next is already recorded in the ledger ahead of
 * it: after the restart every batch is delivered, in order, and the ledger verifies intact and shows both interrupted
 * attempts as sends without a result.
 */
class RecordAheadKillTest {
  private static final String INSTALLATION = "5b0c2f4e-0000-4000-8000-000000000001";

  @TempDir
  Path dir;

  private List<LedgerEntry> ledger() throws IOException {
    return KilledDrainer.ledger(dir);
  }

  @Test
  void aKillWhileABatchIsRecordedAheadLosesNothingAndTheLedgerStaysIntact() throws Exception {
    // batches queued as the daemon's pipeline commits them: cumulative sums 1, 3, 6, and 6 again from the close
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create("http://127.0.0.1:9"), Duration.ofHours(1),
            Map.of("service.version", "0.1.0", "companyos.installation.id", INSTALLATION), queue)) {
      var counter = pipeline.meter().counterBuilder("agent.log.errors").build();
      for (int i = 1; i <= 3; i++) {
        counter.add(i, Attributes.of(AttributeKey.stringKey("service"), "worker"));
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
      }
    }
    // an endpoint that takes the request and never answers: the first batch stays in flight, the second is
    // recorded ahead when the child is killed
    KilledDrainer.killAfterTwoSends(dir);
    List<LedgerEntry> beforeRestart = ledger();
    assertThat(beforeRestart).extracting(LedgerEntry::event).containsExactly("send", "send");

    // the restart: the vendor is back, the same state directory
    WireMockServer vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.start();
    try {
      vendor.stubFor(post(urlEqualTo("/v1/metrics")).willReturn(aResponse().withStatus(200)));
      try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
          EgressGuard guard = EgressGuard.builder()
              .tier(Tier.FULL)
              .endpoint(PayloadKind.OTLP_METRICS, URI.create(vendor.baseUrl()).resolve("/v1/metrics"))
              .transportFactory(OtlpToEndpointTest.JdkTransport::new)
              .ledger(EgressLedger.open(dir.resolve("ledger"), LedgerLimits.DEFAULT, Clock.systemUTC()))
              .build()) {
        assertThat(queue.stats().batches()).isEqualTo(4);
        QueueDrainer drainer = new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k,
            guard.endpoint(k).orElseThrow())), Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
        assertThat(drainer.drainOnce().accepted()).isEqualTo(4);
        assertThat(queue.stats().batches()).isZero();
      }
      List<Long> cumulative = new ArrayList<>();
      for (var r : vendor.findAll(postRequestedFor(urlEqualTo("/v1/metrics")))) {
        byte[] b = r.getBody();
        b = b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b ? OtlpBatchSender.gunzip(b) : b;
        cumulative.add(ExportMetricsServiceRequest.parseFrom(b).getResourceMetrics(0).getScopeMetrics(0)
            .getMetrics(0).getSum().getDataPoints(0).getAsInt());
      }
      assertThat(cumulative).containsExactly(1L, 3L, 6L, 6L);
    } finally {
      vendor.stop();
    }
    Map<String, List<String>> bySha = new LinkedHashMap<>();
    ledger().forEach(e -> bySha.computeIfAbsent(e.sha256(), k -> new ArrayList<>())
        .add(e.event() + " " + e.outcome()));
    assertThat(bySha.values()).containsExactly(
        List.of("send pending", "send pending", "result delivered 200"), // in flight when killed, then again
        List.of("send pending", "send pending", "result delivered 200"), // recorded ahead when killed, then again
        List.of("send pending", "result delivered 200"),
        List.of("send pending", "result delivered 200"));
    assertThat(LedgerVerifier.verify(dir.resolve("ledger")).intact()).isTrue();
  }
}
