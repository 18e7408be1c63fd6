package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Scanners for this package's tests: every built-in detector on, each type's own label; what a scan covered. */
final class TestScanners {
  static final List<String> LABELS = Arrays.stream(DetectorType.values()).map(DetectorType::label).toList();

  private TestScanners() {}

  static CatalogScanner allOn(List<Trigger> catalog) {
    return allOn(catalog, true);
  }

  static CatalogScanner allOn(List<Trigger> catalog, boolean skipDateTimes) {
    boolean[] enabled = new boolean[DetectorType.values().length];
    Arrays.fill(enabled, true);
    return new CatalogScanner(catalog, enabled, LABELS, skipDateTimes);
  }

  /** The bytes the spans of {@code s} cover. */
  static BitSet covered(Scan s) {
    BitSet bits = new BitSet();
    for (int k = 0; k < s.matches.size(); k++) {
      bits.set(s.matches.start(k), s.matches.end(k));
    }
    return bits;
  }
}
