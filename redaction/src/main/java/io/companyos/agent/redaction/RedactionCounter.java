package io.companyos.agent.redaction;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of redactions in one source, per detector label and per custom rule name. Never holds values.
 * Not thread-safe: one counter per source; {@link RedactionReport.Builder} collects them.
 */
public final class RedactionCounter {
  private final long[] builtIn = new long[DetectorType.values().length];
  private final Map<String, Long> rules = new TreeMap<>();

  /** Adds one redaction by a built-in detector. */
  public void increment(DetectorType type) {
    builtIn[type.ordinal()]++;
  }

  /** Adds one redaction by the named custom rule. */
  public void incrementRule(String ruleName) {
    rules.merge(ruleName, 1L, Long::sum);
  }

  /** Redactions by the given detector so far. */
  public long count(DetectorType type) {
    return builtIn[type.ordinal()];
  }

  /** All redactions so far. */
  public long total() {
    long t = 0;
    for (long c : builtIn) {
      t += c;
    }
    for (long c : rules.values()) {
      t += c;
    }
    return t;
  }

  /** Non-zero counts by label (detector labels and rule names), sorted by label. */
  public Map<String, Long> counts() {
    Map<String, Long> m = new TreeMap<>(rules);
    for (DetectorType t : DetectorType.values()) {
      if (builtIn[t.ordinal()] > 0) {
        m.put(t.label(), builtIn[t.ordinal()]);
      }
    }
    return m;
  }
}
