package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The scanner asks {@link CatalogScanner#numberWorthATry} before it hands a word-initial number to the number
 * detectors. The claim is exactness: where it says no, {@code onNumber} finds nothing and records nothing, whatever
 * follows the part of the window it was allowed to read. Checked at every word-initial digit of text made of digit
 * groups and the separators that matter (IPv4 addresses, phone numbers, SSNs, card numbers, versions, fractions,
 * counters), with the pre-check's end anywhere behind the digit.
 */
class NumberPrecheckTest {
  private static final CatalogScanner SCANNER = TestScanners.allOn(TriggerCatalog.build(List.of(), List.of()));

  /** Runs of 1-20 digits (often 1-4, as in addresses, phone groups and card groups) between separators. */
  @Provide
  Arbitrary<String> numberText() {
    Arbitrary<String> digits = Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(20),
        Arbitraries.of("0", "00", "1", "10", "127", "192", "255", "256", "415", "555", "1234", "4111", "5500", "030",
            "020", "078", "123", "45", "6789", "4111111111111111", "378282246310005", "0049"));
    Arbitrary<String> separator = Arbitraries.oneOf(
        Arbitraries.of(".", "-", " ", "/", ":", "(", ")", "+", "", "x", "a", "_", "\n", "=", "\"", ",", "..", " -"),
        Arbitraries.strings().withChars(".-/ :()+xA_\n").ofMinLength(1).ofMaxLength(3));
    return Combinators.combine(digits, separator).as((d, sep) -> d + sep).list().ofMinSize(1).ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void whereThePrecheckSaysNoNoNumberDetectorFindsAnything(@ForAll("numberText") String text,
      @ForAll @IntRange(min = 0, max = 40) int endCut) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < b.length; i++) {
      if (!Bytes.isDigit(b[i]) || (i > 0 && Bytes.isWord(b[i - 1]))) {
        continue;
      }
      int prev = i > 0 ? b[i - 1] & 0xFF : 0;
      // the scanner may pass an end short of the readable bytes (its limit + 2): any end behind the digit
      int end = Math.max(i + 1, b.length - endCut);
      if (CatalogScanner.numberWorthATry(b, prev, i, end)) {
        continue;
      }
      Scan s = SCANNER.newScan(b);
      assertThat(SCANNER.onNumber(s, i)).as("%s at %d (end %d)", text, i, end).isEqualTo(-1);
      assertThat(s.matches.size()).as("%s at %d (end %d)", text, i, end).isZero();
    }
  }

  @Test
  void theShapesOfEveryNumberDetectorPass() {
    for (String shaped : List.of("10.1.2.3", "415.555.1234", "415-555-1234", "415 555 1234", "078-05-1120",
        "030 1234567", "0049 30 1234567", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111",
        "3782 822463 10005")) {
      byte[] b = (" " + shaped + " ").getBytes(StandardCharsets.US_ASCII);
      assertThat(CatalogScanner.numberWorthATry(b, ' ', 1, b.length)).as(shaped).isTrue();
    }
  }

  @Test
  void countersFractionsAndVersionPartsAreRuledOut() {
    for (String plain : List.of("200 72383 ", "rt=0.993 ", "24.1 ms", "HTTP/1.1\"", "12345 ", "3ms",
        "1234/5678 ", "12 34 ", "1.2345.6 ")) {
      byte[] b = (" " + plain + "x").getBytes(StandardCharsets.US_ASCII);
      int i = 1;
      while (!Bytes.isDigit(b[i])) {
        i++;
      }
      assertThat(CatalogScanner.numberWorthATry(b, b[i - 1], i, b.length)).as(plain).isFalse();
    }
    byte[] version = "v2.31.0 ".getBytes(StandardCharsets.US_ASCII);
    assertThat(CatalogScanner.numberWorthATry(version, '.', 3, version.length)).isFalse();
  }
}
