package io.companyos.agent.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.cli.Main;
import io.companyos.agent.exporters.otlp.OtlpSignal;
import io.companyos.agent.exporters.otlp.QueuedExport;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueuedBatch;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the whole agent in tier {@code full} while the vendor endpoint answers 503: every batch that was
 * committed to {@code stateDir/otlp-queue} before the kill is delivered after the restart, in order, and no batch the
 * endpoint had already accepted is delivered a second time.
 */
class AgentKillReplayTest {
  private static final String ADMIN_TOKEN = "kill-replay-admin-token-0123";
  /** The restarted agent's telemetry base path. */
  private static final String RESTARTED = "/restarted";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the vendor endpoint received, in the order it was served. */
  private record Received(String url, int status, byte[] body) {}

  @TempDir
  Path tmp;

  private WireMockServer vendor;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Process> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startVendor() {
    vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.addMockServiceRequestListener((request, response) ->
        received.add(new Received(request.getUrl(), response.getStatus(), request.getBody())));
    vendor.start();
    answer(200);
  }

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
    vendor.stop();
  }

  private void answer(int status) {
    vendor.resetMappings();
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)));
  }

  private Process agent(Path config, Path stderr) throws IOException {
    Process p = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--config", config.toString()))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile())
        .start();
    started.add(p);
    return p;
  }

  private static int awaitPort(Path stderr) {
    return ChildAgentPort.of(stderr, Duration.ofSeconds(60));
  }

  private JsonNode telemetryStatus(int port) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status"))
        .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("components").path("telemetry");
  }

  /** The metrics requests received so far with the given status, oldest first, each as its data points. */
  private List<List<String>> metricsRequests(int status) throws IOException {
    return metricsRequests("", status);
  }

  /** As {@link #metricsRequests(int)}, for an agent whose telemetry endpoint has this base path. */
  private List<List<String>> metricsRequests(String basePath, int status) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (Received r : received) {
      if (r.url().equals(basePath + "/v1/metrics") && r.status() == status) {
        out.add(points(ExportMetricsServiceRequest.parseFrom(gunzipIfNeeded(r.body()))));
      }
    }
    return out;
  }

  /**
   * A request's identity: every number data point as {@code name@collectionTime=value}. The periodic reader stamps
   * each collection with its own time, so no two export batches share one.
   */
  private static List<String> points(ExportMetricsServiceRequest request) {
    List<String> out = new ArrayList<>();
    for (var rm : request.getResourceMetricsList()) {
      for (var sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          List<NumberDataPoint> dps = m.hasGauge() ? m.getGauge().getDataPointsList()
              : m.hasSum() ? m.getSum().getDataPointsList() : List.of();
          for (NumberDataPoint dp : dps) {
            out.add(m.getName() + "@" + dp.getTimeUnixNano() + "=" + (dp.hasAsInt() ? dp.getAsInt() : dp.getAsDouble())
                + dp.getAttributesList().stream().map(kv -> kv.getKey() + ":" + kv.getValue().getStringValue())
                .toList());
          }
        }
      }
    }
    return out;
  }

  private static byte[] gunzipIfNeeded(byte[] b) throws IOException {
    if (b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
        return in.readAllBytes();
      }
    }
    return b;
  }

  /** What a copy of the queue directory holds: every batch not acknowledged, oldest first, as its data points. */
  private static List<List<String>> queuedBatches(Path queueDir, Path copy) throws IOException {
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(queueDir)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    List<List<String>> out = new ArrayList<>();
    try (DiskQueue q = DiskQueue.builder(copy).open()) {
      for (Optional<QueuedBatch> next = q.peek(); next.isPresent(); next = q.peek()) {
        QueuedExport export = QueuedExport.decode(next.get().payload());
        assertThat(export.signal()).isEqualTo(OtlpSignal.METRICS);
        byte[] body = export.gzip() ? gunzipIfNeeded(export.body()) : export.body();
        out.add(points(ExportMetricsServiceRequest.parseFrom(body)));
        q.ack(next.get().seq());
      }
    }
    return out;
  }

  @Test
  void everyBatchCommittedBeforeKillMinus9IsDeliveredAfterTheRestartInOrderAndNothingAcceptedTwice()
      throws Exception {
    Path state = tmp.resolve("state");
    Path cfg = tmp.resolve("agent.yaml");
    Files.writeString(cfg, "tier: full\n"
        + "stateDir: " + state + "\n"
        + "server: { host: 127.0.0.1, port: 0, adminToken: " + ADMIN_TOKEN + " }\n"
        + "telemetry: { endpoint: \"" + vendor.baseUrl() + "\", interval: 300ms, queueMaxBytes: 4MiB }\n"
        + "heartbeat: { endpoint: \"" + vendor.baseUrl() + "/v1/heartbeat\" }\n");

    // 1. the endpoint accepts a few batches...
    Path firstErr = tmp.resolve("first.err");
    Process first = agent(cfg, firstErr);
    int port = awaitPort(firstErr);
    await().atMost(Duration.ofSeconds(60)).until(() -> metricsRequests(200).size() >= 3);
    assertThat(telemetryStatus(port).path("queueMaxBytes").asLong()).isEqualTo(4L << 20);

    // 2. ...then has an outage: batches pile up on disk
    answer(503);
    await().atMost(Duration.ofSeconds(60)).until(() -> metricsRequests(503).size() >= 2
        && telemetryStatus(port).path("queuedBatches").asInt() >= 6);

    // 3. kill -9, in the middle of collecting, appending and retrying
    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    List<List<String>> acceptedBeforeKill = metricsRequests(200);
    List<List<String>> attemptedInOutage = metricsRequests(503);
    List<List<String>> committed = queuedBatches(state.resolve(TelemetryStream.QUEUE_DIR), tmp.resolve("queue-copy"));
    assertThat(committed).hasSizeGreaterThanOrEqualTo(6);
    assertThat(attemptedInOutage).as("every retry during the outage was of the oldest queued batch")
        .allSatisfy(batch -> assertThat(batch).isEqualTo(committed.get(0)));

    // 4. restart with the endpoint healthy: the queue is replayed first, oldest first. The restarted agent sends to
    // a base path of its own: a request the killed agent had in flight, which the endpoint may still serve (and
    // record) after the kill and after the switch to 200, is then not taken for one of the restarted agent's
    Path restartedCfg = tmp.resolve("restarted.yaml");
    Files.writeString(restartedCfg, Files.readString(cfg).replace("endpoint: \"" + vendor.baseUrl() + "\", interval",
        "endpoint: \"" + vendor.baseUrl() + RESTARTED + "\", interval"));
    assertThat(Files.readString(restartedCfg)).contains(RESTARTED);
    answer(200);
    Path secondErr = tmp.resolve("second.err");
    Process second = agent(restartedCfg, secondErr);
    int port2 = awaitPort(secondErr);
    await().atMost(Duration.ofSeconds(60)).until(() -> metricsRequests(RESTARTED, 200).size() >= committed.size() + 1
        && telemetryStatus(port2).path("queuedBatches").asInt() <= 1);

    List<List<String>> delivered = metricsRequests(RESTARTED, 200);
    assertThat(delivered.subList(0, committed.size()))
        .as("every committed batch, in order, before anything newer").containsExactlyElementsOf(committed);
    for (List<String> batch : acceptedBeforeKill) {
      assertThat(delivered).as("a batch accepted before the kill is not sent again").doesNotContain(batch);
    }
    assertThat(Collections.disjoint(acceptedBeforeKill, committed)).isTrue();
    JsonNode status = telemetryStatus(port2);
    assertThat(status.path("corrupt").asLong()).isZero();
    assertThat(status.path("dropped").asLong()).isZero();

    second.destroy();
    assertThat(second.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();
  }
}
