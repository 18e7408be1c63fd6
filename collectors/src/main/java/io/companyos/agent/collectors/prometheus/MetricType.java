package io.companyos.agent.collectors.prometheus;

import java.util.List;
import java.util.Locale;

/** The type of a metric family, with the sample-name suffixes that belong to it. */
public enum MetricType {
  COUNTER("", "_total", "_created"),
  GAUGE(""),
  HISTOGRAM("_bucket", "_count", "_sum", "_created"),
  GAUGEHISTOGRAM("_bucket", "_gcount", "_gsum"),
  SUMMARY("", "_count", "_sum", "_created"),
  INFO("_info"),
  STATESET(""),
  /** {@code untyped} in the Prometheus text format, {@code unknown} in OpenMetrics. */
  UNKNOWN("");

  private final List<String> suffixes;

  MetricType(String... suffixes) {
    this.suffixes = List.of(suffixes);
  }

  /** Suffixes that sample names of a family of this type add to the family name. */
  public List<String> suffixes() {
    return suffixes;
  }

  /** The type named in a {@code # TYPE} line, or null when the format does not know it. */
  static MetricType parse(String word, ExpositionFormat format) {
    String w = word.toLowerCase(Locale.ROOT);
    if (format == ExpositionFormat.PROMETHEUS_TEXT) {
      return switch (w) {
        case "counter" -> COUNTER;
        case "gauge" -> GAUGE;
        case "histogram" -> HISTOGRAM;
        case "summary" -> SUMMARY;
        case "untyped" -> UNKNOWN;
        default -> null;
      };
    }
    if (!w.equals(word)) {
      return null; // OpenMetrics types are lower case
    }
    return switch (w) {
      case "counter" -> COUNTER;
      case "gauge" -> GAUGE;
      case "histogram" -> HISTOGRAM;
      case "gaugehistogram" -> GAUGEHISTOGRAM;
      case "summary" -> SUMMARY;
      case "info" -> INFO;
      case "stateset" -> STATESET;
      case "unknown" -> UNKNOWN;
      default -> null;
    };
  }
}
