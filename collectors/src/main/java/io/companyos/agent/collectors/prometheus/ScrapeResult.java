package io.companyos.agent.collectors.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scrape: the allowed families, or an error (with the line number for a
 * malformed exposition). Never both.
 *
 * @param name the scrape's configured name
 * @param time when the scrape started
 * @param duration how long it took
 * @param families the allowlisted families (empty on error)
 * @param droppedFamilies families parsed but not allowlisted
 * @param error null on success; else one line such as {@code HTTP 503} or {@code line 7: invalid value}
 */
public record ScrapeResult(
    String name, Instant time, Duration duration, List<MetricFamily> families,
    int droppedFamilies, String error) {

  public ScrapeResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(duration, "duration");
    families = List.copyOf(families);
  }

  public boolean ok() {
    return error == null;
  }
}
