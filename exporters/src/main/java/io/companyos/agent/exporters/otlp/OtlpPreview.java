package io.companyos.agent.exporters.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.agent.policy.DenialReason;
import io.companyos.agent.policy.allowlist.TelemetryAllowlist;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders queued OTLP metric requests as JSON the way the egress guard would pass them, for {@code agent preview}:
 * the resource, every admitted metric with its data points, and every refused data point with the reason. The
 * rendering is read from the exact protobuf the exporter produced, so the preview cannot drift from what is sent.
 */
public final class OtlpPreview {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OtlpPreview() {}

  /**
   * @param exports queued requests (metrics; log requests are listed by count only)
   * @param allowlist the allowlist in force (the built-in one, narrowed by a signed policy)
   */
  public static ObjectNode render(List<QueuedExport> exports, TelemetryAllowlist allowlist) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode metrics = out.putArray("metrics");
    ArrayNode denied = out.putArray("refusedByTheGuard");
    int logRequests = 0;
    for (QueuedExport e : exports) {
      if (e.signal() != OtlpSignal.METRICS) {
        logRequests++;
        continue;
      }
      ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(
          e.gzip() ? OtlpBatchSender.gunzip(e.body()) : e.body());
      for (var rm : request.getResourceMetricsList()) {
        Map<String, String> resource = OtlpAttributes.toText(rm.getResource().getAttributesList());
        ObjectNode res = JSON.valueToTree(resource);
        out.set("resource", res);
        Optional<DenialReason> resourceProblem = allowlist.checkResource(resource);
        out.put("resourcePassesTheGuard", resourceProblem.isEmpty());
      }
      List<MetricsScreen.Point> points = MetricsScreen.points(request);
      List<MetricsScreen.Point> admitted = points.stream()
          .filter(p -> {
            Optional<DenialReason> d = allowlist.checkMetric(p.item());
            d.ifPresent(reason -> denied.addObject().put("name", p.item().name()).put("reason", reason.label())
                .set("attributes", JSON.valueToTree(p.item().attributes())));
            return d.isEmpty();
          }).toList();
      ExportMetricsServiceRequest kept = MetricsScreen.keep(request, admitted);
      kept.getResourceMetricsList().forEach(rm -> rm.getScopeMetricsList().forEach(sm ->
          sm.getMetricsList().forEach(m -> metrics.add(metric(m)))));
    }
    out.put("logRequests", logRequests);
    return out;
  }

  private static ObjectNode metric(Metric m) {
    ObjectNode node = JSON.createObjectNode().put("name", m.getName()).put("unit", m.getUnit());
    ArrayNode points = JSON.createArrayNode();
    switch (m.getDataCase()) {
      case GAUGE -> {
        node.put("kind", "gauge");
        m.getGauge().getDataPointsList().forEach(p -> points.add(number(p)));
      }
      case SUM -> {
        node.put("kind", m.getSum().getIsMonotonic() ? "counter" : "sum");
        m.getSum().getDataPointsList().forEach(p -> points.add(number(p)));
      }
      case HISTOGRAM -> {
        node.put("kind", "histogram");
        m.getHistogram().getDataPointsList().forEach(p -> {
          ObjectNode h = points.addObject();
          h.set("attributes", JSON.valueToTree(OtlpAttributes.toText(p.getAttributesList())));
          h.put("count", p.getCount()).put("sum", p.getSum());
          h.set("explicitBounds", JSON.valueToTree(p.getExplicitBoundsList()));
          h.set("bucketCounts", JSON.valueToTree(p.getBucketCountsList()));
        });
      }
      default -> node.put("kind", m.getDataCase().name().toLowerCase(java.util.Locale.ROOT));
    }
    node.set("points", points);
    return node;
  }

  private static ObjectNode number(NumberDataPoint p) {
    ObjectNode n = JSON.createObjectNode();
    n.set("attributes", JSON.valueToTree(OtlpAttributes.toText(p.getAttributesList())));
    if (p.getValueCase() == NumberDataPoint.ValueCase.AS_INT) {
      n.put("value", p.getAsInt());
    } else {
      n.put("value", p.getAsDouble());
    }
    return n;
  }
}
