package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link CatalogScanner#worthATry} turns away a {@code (}, {@code +} or {@code %} that its detector rejects first
 * thing (about 230 000 calls per 64 MiB of logs: {@code +0000]}, {@code (KHTML, …}, {@code (ttl expired)}). The
 * claim is exactness: where it says no, {@code onTrigger} finds nothing and records nothing, whatever the end it
 * was given and whether it knew the byte before.
 */
class TriggerPrecheckTest {

  @Provide
  Arbitrary<String> phoneText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("(415) 555-1234", "(415)555-1234", "(212) 555 0100", "+49 30 98765432", "+1 415 555 1234",
            "+44 (0)20 7946 0958", "+0000]", "%40", "%4", "%20", "(ttl", "(KHTML, like", "(5628 bytes)",
            "a(415) 555-1234", "1+49 30 1234567", ".+49 30 1234567", "++49 30 1234567", "alice%40corp.example",
            "%2B4930987654", "%2b14155550134", "%2B0", "%2B", "%2", "a%2B4930987654", "%2B49 30 98765432"),
        Arbitraries.strings().withChars("0123456789()+% -.a@Bb").ofMinLength(1).ofMaxLength(8));
    return piece.list().ofMinSize(1).ofMaxSize(6).map(p -> String.join("", p));
  }

  @Property(tries = 3000)
  void whereWorthATrySaysNoToAParenPlusOrPercentNothingIsFound(@ForAll("phoneText") String text) {
    CatalogScanner scanner = TestScanners.allOn(TriggerCatalog.build(List.of(), List.of()));
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < b.length; i++) {
      if (b[i] != '(' && b[i] != '+' && b[i] != '%') {
        continue;
      }
      int inf = scanner.info(b[i]);
      // prev as the scanner passes it: the flags of the byte before, or 0 where it does not know them
      for (int prev : new int[] {i > 0 ? scanner.info(b[i - 1]) : 0, 0}) {
        for (int end = i + 1; end <= b.length; end++) {
          if (CatalogScanner.worthATry(b, inf, prev, i, end)) {
            continue;
          }
          Scan s = scanner.newScan(b);
          assertThat(scanner.onTrigger(s, inf, i)).as("%s at %d (end %d)", text, i, end).isEqualTo(-1);
          assertThat(s.matches.size()).as("%s at %d (end %d)", text, i, end).isZero();
        }
      }
    }
  }

  @Test
  void phoneStartsStillPass() {
    CatalogScanner scanner = TestScanners.allOn(TriggerCatalog.build(List.of(), List.of()));
    for (String t : List.of(" (415) 555-1234", " +49 30 98765432", " a%40b.example", " %2B4930987654")) {
      byte[] b = bytes(t);
      assertThat(CatalogScanner.worthATry(b, scanner.info(b[1]), scanner.info(' '), 1, b.length)).as(t).isTrue();
    }
    for (String t : List.of(" (ttl expired)", " +0000]", "x(415) 555-1234", " %20", " %2B0", " %2Bx")) {
      byte[] b = bytes(t);
      assertThat(CatalogScanner.worthATry(b, scanner.info(b[1]), scanner.info(b[0]), 1, b.length)).as(t).isFalse();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
