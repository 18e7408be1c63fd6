package io.companyos.agent.bundle.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code redaction-report.json}: how many values each detector replaced, per file and in total. Never the values.
 *
 * @param files bundle path to (detector to count), for every redacted text file
 * @param totals detector to count over all files
 */
public record RedactionReport(String rulesVersion, Map<String, Map<String, Long>> files, Map<String, Long> totals) {

  public RedactionReport {
    Objects.requireNonNull(rulesVersion, "rulesVersion");
    TreeMap<String, Map<String, Long>> sorted = new TreeMap<>();
    files.forEach((path, counts) -> sorted.put(path, Collections.unmodifiableMap(new TreeMap<>(counts))));
    files = Collections.unmodifiableMap(sorted);
    totals = Collections.unmodifiableMap(new TreeMap<>(totals));
  }

  /** Sum of all counts. */
  public long totalRedactions() {
    return totals.values().stream().mapToLong(Long::longValue).sum();
  }
}
