package io.companyos.agent.collectors.prometheus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sample line.
 *
 * @param name the sample's own name, e.g. {@code http_requests_seconds_bucket}
 * @param labels label names to values, in written order
 * @param value the value (NaN and ±Infinity allowed)
 * @param timestampMs milliseconds since the epoch when the line carries a timestamp, else null
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestampMs) {

  public Sample {
    Objects.requireNonNull(name, "name");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }
}
