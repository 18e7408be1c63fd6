package io.companyos.agent.collectors.prometheus;

import java.util.Locale;

/** The two text formats a {@code /metrics} endpoint may answer with. */
public enum ExpositionFormat {
  /** {@code text/plain; version=0.0.4}. */
  PROMETHEUS_TEXT,
  /** {@code application/openmetrics-text; version=1.0.0}: ends with {@code # EOF}. */
  OPENMETRICS;

  /** The Accept header a scraper sends: OpenMetrics preferred, the 0.0.4 text accepted. */
  public static final String ACCEPT =
      "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";

  /** The format of a response by its Content-Type; anything else is read as the 0.0.4 text. */
  public static ExpositionFormat ofContentType(String contentType) {
    if (contentType != null
        && contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/openmetrics-text")) {
      return OPENMETRICS;
    }
    return PROMETHEUS_TEXT;
  }
}
