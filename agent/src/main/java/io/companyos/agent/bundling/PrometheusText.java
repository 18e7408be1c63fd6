package io.companyos.agent.bundling;

import io.companyos.agent.collectors.prometheus.MetricFamily;
import io.companyos.agent.collectors.prometheus.Sample;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes scraped metric families back as Prometheus text format 0.0.4, for {@code metrics/scrape-<name>.prom}. */
final class PrometheusText {
  private PrometheusText() {}

  static String write(List<MetricFamily> families) {
    StringBuilder out = new StringBuilder();
    for (MetricFamily family : families) {
      if (!family.help().isEmpty()) {
        out.append("# HELP ").append(family.name()).append(' ')
            .append(family.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
      }
      out.append("# TYPE ").append(family.name()).append(' ').append(type(family)).append('\n');
      for (Sample sample : family.samples()) {
        out.append(sample.name());
        if (!sample.labels().isEmpty()) {
          out.append('{');
          boolean first = true;
          for (Map.Entry<String, String> label : sample.labels().entrySet()) {
            if (!first) {
              out.append(',');
            }
            first = false;
            out.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
          }
          out.append('}');
        }
        out.append(' ').append(value(sample.value()));
        if (sample.timestampMs() != null) {
          out.append(' ').append(sample.timestampMs());
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String type(MetricFamily family) {
    return switch (family.type()) {
      case COUNTER, GAUGE, HISTOGRAM, SUMMARY -> family.type().name().toLowerCase(Locale.ROOT);
      default -> "untyped";
    };
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String value(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
