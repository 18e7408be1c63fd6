package io.companyos.agent.bundle;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many values each detector replaced in one file (or in total). Counts only, never values.
 *
 * @param byDetector detector name (e.g. {@code email}) to count; zero counts may be left out
 */
public record RedactionCounts(Map<String, Long> byDetector) {

  /** Nothing redacted. */
  public static final RedactionCounts NONE = new RedactionCounts(Map.of());

  public RedactionCounts {
    TreeMap<String, Long> sorted = new TreeMap<>();
    byDetector.forEach((detector, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("count for " + detector + " must be >= 0, got " + count);
      }
      sorted.put(detector, count);
    });
    byDetector = Collections.unmodifiableMap(sorted);
  }

  public long total() {
    return byDetector.values().stream().mapToLong(Long::longValue).sum();
  }

  public RedactionCounts plus(RedactionCounts other) {
    TreeMap<String, Long> sum = new TreeMap<>(byDetector);
    other.byDetector.forEach((detector, count) -> sum.merge(detector, count, Long::sum));
    return new RedactionCounts(sum);
  }
}
