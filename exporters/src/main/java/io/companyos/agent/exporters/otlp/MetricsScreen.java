package io.companyos.agent.exporters.otlp;

import io.companyos.agent.policy.allowlist.TelemetryItem;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Splits an OTLP metrics request into data points for the egress guard, and rebuilds it from the admitted ones. */
final class MetricsScreen {
  /** One data point: where it is in the request, and what the allowlist sees of it. */
  record Point(int resource, int scope, int metric, int index, TelemetryItem item) {}

  private MetricsScreen() {}

  static List<Point> points(ExportMetricsServiceRequest request) {
    List<Point> points = new ArrayList<>();
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics rm = request.getResourceMetrics(r);
      for (int s = 0; s < rm.getScopeMetricsCount(); s++) {
        ScopeMetrics sm = rm.getScopeMetrics(s);
        for (int m = 0; m < sm.getMetricsCount(); m++) {
          Metric metric = sm.getMetrics(m);
          List<List<KeyValue>> attrs = pointAttributes(metric);
          for (int i = 0; i < attrs.size(); i++) {
            points.add(new Point(r, s, m, i, new TelemetryItem(metric.getName(), OtlpAttributes.toText(attrs.get(i)))));
          }
        }
      }
    }
    return points;
  }

  /** The request with only the admitted points; metrics, scopes and resources left empty are removed. */
  static ExportMetricsServiceRequest keep(ExportMetricsServiceRequest request, List<Point> admitted) {
    Set<List<Integer>> keep = new HashSet<>();
    for (Point p : admitted) {
      keep.add(List.of(p.resource(), p.scope(), p.metric(), p.index()));
    }
    ExportMetricsServiceRequest.Builder out = ExportMetricsServiceRequest.newBuilder();
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics rm = request.getResourceMetrics(r);
      ResourceMetrics.Builder rmb = rm.toBuilder().clearScopeMetrics().clearSchemaUrl();
      for (int s = 0; s < rm.getScopeMetricsCount(); s++) {
        ScopeMetrics sm = rm.getScopeMetrics(s);
        // nothing unscreened leaves: the scope is the agent's own name, free-text fields are cleared
        ScopeMetrics.Builder smb = sm.toBuilder().clearMetrics().clearSchemaUrl().setScope(OtlpAttributes.SCOPE);
        for (int m = 0; m < sm.getMetricsCount(); m++) {
          final int rr = r;
          final int ss = s;
          final int mm = m;
          Metric filtered = filter(sm.getMetrics(m), i -> keep.contains(List.of(rr, ss, mm, i)));
          if (filtered != null) {
            smb.addMetrics(filtered);
          }
        }
        if (smb.getMetricsCount() > 0) {
          rmb.addScopeMetrics(smb);
        }
      }
      if (rmb.getScopeMetricsCount() > 0) {
        out.addResourceMetrics(rmb);
      }
    }
    return out.build();
  }

  private static List<List<KeyValue>> pointAttributes(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsList().stream().map(p -> p.getAttributesList()).toList();
      case SUM -> metric.getSum().getDataPointsList().stream().map(p -> p.getAttributesList()).toList();
      case HISTOGRAM -> metric.getHistogram().getDataPointsList().stream().map(p -> p.getAttributesList()).toList();
      case EXPONENTIAL_HISTOGRAM ->
          metric.getExponentialHistogram().getDataPointsList().stream().map(p -> p.getAttributesList()).toList();
      case SUMMARY -> metric.getSummary().getDataPointsList().stream().map(p -> p.getAttributesList()).toList();
      default -> List.of();
    };
  }

  private interface IndexFilter {
    boolean keep(int index);
  }

  /** The metric with only the kept points, or null when none is kept. */
  private static Metric filter(Metric metric, IndexFilter f) {
    Metric.Builder b = metric.toBuilder().clearDescription().clearMetadata();
    int kept = switch (metric.getDataCase()) {
      case GAUGE -> copyKept(metric.getGauge().getDataPointsList(), b.getGaugeBuilder().clearDataPoints()::addDataPoints, f);
      case SUM -> copyKept(metric.getSum().getDataPointsList(), b.getSumBuilder().clearDataPoints()::addDataPoints, f);
      case HISTOGRAM ->
          copyKept(metric.getHistogram().getDataPointsList(), b.getHistogramBuilder().clearDataPoints()::addDataPoints, f);
      case EXPONENTIAL_HISTOGRAM -> copyKept(metric.getExponentialHistogram().getDataPointsList(),
          b.getExponentialHistogramBuilder().clearDataPoints()::addDataPoints, f);
      case SUMMARY ->
          copyKept(metric.getSummary().getDataPointsList(), b.getSummaryBuilder().clearDataPoints()::addDataPoints, f);
      default -> 0;
    };
    return kept == 0 ? null : b.build();
  }

  private static <P> int copyKept(List<P> source, java.util.function.Consumer<P> add, IndexFilter f) {
    int kept = 0;
    for (int i = 0; i < source.size(); i++) {
      if (f.keep(i)) {
        add.accept(source.get(i));
        kept++;
      }
    }
    return kept;
  }
}
