package io.companyos.agent.collectors.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one run of one probe.
 *
 * @param name the probe's configured name
 * @param type the probe's type ({@code http}, {@code tcp}, {@code postgres}, {@code redis}, {@code neo4j})
 * @param status UP, DEGRADED or DOWN
 * @param latency time from the start of the check to its result (the timeout when it timed out)
 * @param detail one short line: what was found or why it failed; never contains a secret of the probe
 */
public record ProbeResult(
    String name, String type, ProbeStatus status, Duration latency, String detail) {

  public ProbeResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(detail, "detail");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
  }

  /** Latency in whole milliseconds, as reported in JSON. */
  public long latencyMs() {
    return latency.toMillis();
  }
}
