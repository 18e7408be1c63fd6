package io.companyos.agent.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueuedBatch;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpPipelineTest {
  @TempDir
  Path dir;

  private static List<QueuedExport> drain(DiskQueue q) throws Exception {
    List<QueuedExport> out = new ArrayList<>();
    while (true) {
      var next = q.peek();
      if (next.isEmpty()) {
        return out;
      }
      QueuedBatch b = next.get();
      out.add(QueuedExport.decode(b.payload()));
      q.ack(b.seq());
    }
  }

  private static byte[] gunzip(byte[] body) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static Map<String, String> attrs(List<KeyValue> kvs) {
    return kvs.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
  }

  @Test
  void everyFlushCommitsTheRecordsEmittedBeforeIt() throws Exception {
    // The SDK's batch processor completes a flush before it clears the request; a flush asked for in between used to
    // get the finished one's result and return before exporting what was emitted since (two flushes' records then
    // left in one batch). Each flush here must commit exactly the one record emitted before it.
    int flushes = 300;
    try (DiskQueue queue = DiskQueue.builder(dir).open();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create("https://telemetry.companyos.io"),
            Duration.ofHours(1), Map.of("companyos.installation.id", "5b0c2f4e-0000-4000-8000-000000000001"), queue)) {
      for (int i = 0; i < flushes; i++) {
        pipeline.logger().logRecordBuilder().setAttribute(AttributeKey.longKey("n"), (long) i).emit();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(queue.stats().batches()).as("batches committed after flush %d", i).isEqualTo(i + 1L);
      }
      List<Long> perBatch = new ArrayList<>();
      for (QueuedExport e : drain(queue)) {
        assertThat(e.signal()).isEqualTo(OtlpSignal.LOGS);
        ExportLogsServiceRequest logs = ExportLogsServiceRequest.parseFrom(gunzip(e.body()));
        List<Long> ns = new ArrayList<>();
        logs.getResourceLogsList().forEach(rl -> rl.getScopeLogsList().forEach(sl -> sl.getLogRecordsList()
            .forEach(r -> r.getAttributesList().stream().filter(kv -> kv.getKey().equals("n"))
                .forEach(kv -> ns.add(kv.getValue().getIntValue())))));
        assertThat(ns).hasSize(1);
        perBatch.add(ns.get(0));
      }
      assertThat(perBatch).hasSize(flushes).isSorted();
    }
  }

  @Test
  void metricsAndLogsAreCommittedToTheQueueAsGzippedOtlpProtobuf() throws Exception {
    try (DiskQueue queue = DiskQueue.builder(dir).open();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create("https://telemetry.companyos.io"),
            Duration.ofHours(1), Map.of("companyos.installation.id", "5b0c2f4e-0000-4000-8000-000000000001",
                "companyos.agent.version", "0.1.0", "companyos.tier", "full"), queue)) {
      pipeline.meter().counterBuilder("agent.log.errors").setUnit("{error}").build()
          .add(3, Attributes.of(AttributeKey.stringKey("service"), "core-api"));
      pipeline.logger().logRecordBuilder()
          .setAttribute(AttributeKey.stringKey("exception.type"), "java.lang.IllegalStateException")
          .emit();
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

      List<QueuedExport> exports = drain(queue);
      assertThat(exports).extracting(QueuedExport::signal).contains(OtlpSignal.METRICS, OtlpSignal.LOGS);
      assertThat(exports).allSatisfy(e -> assertThat(e.gzip()).isTrue());

      QueuedExport m = exports.stream().filter(e -> e.signal() == OtlpSignal.METRICS).findFirst().orElseThrow();
      ExportMetricsServiceRequest metrics = ExportMetricsServiceRequest.parseFrom(gunzip(m.body()));
      var rm = metrics.getResourceMetrics(0);
      assertThat(attrs(rm.getResource().getAttributesList()))
          .containsEntry("companyos.installation.id", "5b0c2f4e-0000-4000-8000-000000000001")
          .containsEntry("companyos.tier", "full")
          .containsEntry("service.name", "companyos-agent");
      assertThat(metrics.getResourceMetricsList().stream().flatMap(r -> r.getScopeMetricsList().stream())
          .flatMap(sm -> sm.getMetricsList().stream()).map(Metric::getName))
          .as("only what the agent recorded: no otel.sdk.* self-telemetry").containsExactly("agent.log.errors");
      Metric metric = rm.getScopeMetrics(0).getMetricsList().stream()
          .filter(x -> x.getName().equals("agent.log.errors")).findFirst().orElseThrow();
      assertThat(metric.getSum().getDataPoints(0).getAsInt()).isEqualTo(3);
      assertThat(attrs(metric.getSum().getDataPoints(0).getAttributesList())).containsEntry("service", "core-api");

      QueuedExport l = exports.stream().filter(e -> e.signal() == OtlpSignal.LOGS).findFirst().orElseThrow();
      ExportLogsServiceRequest logs = ExportLogsServiceRequest.parseFrom(gunzip(l.body()));
      assertThat(attrs(logs.getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getAttributesList()))
          .containsEntry("exception.type", "java.lang.IllegalStateException");
    }
  }

  @Test
  void aLogStormGoesOutInRequestsOfAtMostMaxBatchRecords() throws Exception {
    int n = OtlpPipeline.MAX_BATCH_RECORDS + OtlpPipeline.MAX_BATCH_RECORDS / 2;
    try (DiskQueue queue = DiskQueue.builder(dir).open();
        OtlpPipeline pipeline = OtlpPipeline.create(URI.create("https://telemetry.companyos.io"),
            Duration.ofHours(1), Map.of("companyos.tier", "full"), queue)) {
      for (int i = 0; i < n; i++) {
        pipeline.logger().logRecordBuilder().setAttribute(AttributeKey.longKey("i"), (long) i).emit();
      }
      assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

      List<Integer> sizes = new ArrayList<>();
      for (QueuedExport e : drain(queue)) {
        if (e.signal() == OtlpSignal.LOGS) {
          ExportLogsServiceRequest logs = ExportLogsServiceRequest.parseFrom(gunzip(e.body()));
          sizes.add(logs.getResourceLogsList().stream().flatMap(r -> r.getScopeLogsList().stream())
              .mapToInt(sl -> sl.getLogRecordsCount()).sum());
        }
      }
      assertThat(sizes).as("records per request").allSatisfy(k -> assertThat(k).isBetween(1,
          OtlpPipeline.MAX_BATCH_RECORDS));
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
      assertThat(sizes).as("a full batch goes out as one request").contains(OtlpPipeline.MAX_BATCH_RECORDS);
    }
  }

  @Test
  void framesRoundTripAndForeignPayloadsAreRefused() {
    QueuedExport e = new QueuedExport(OtlpSignal.LOGS, true, new byte[] {1, 2, 3});
    QueuedExport back = QueuedExport.decode(e.encode());
    assertThat(back.signal()).isEqualTo(OtlpSignal.LOGS);
    assertThat(back.gzip()).isTrue();
    assertThat(back.body()).containsExactly(1, 2, 3);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> QueuedExport.decode(new byte[] {9, 1, 0}))
        .hasMessage("not a queued OTLP export (version 9)");
  }
}
