package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The scanner skips the triggers inside dates and times ({@link CatalogScanner#quietEnd}, the nginx year colon)
 * because no detector can match there. This checks that claim: a scanner that skips and one that tries every
 * trigger find the same spans, on text made of date and time shapes followed by what could extend them into an
 * IPv4 address, a MAC, an IPv6 address, a phone number or an SSN.
 */
class DateTimeSkipTest {
  private static final List<Trigger> CATALOG =
      TriggerCatalog.build(List.of("acme-corp.com"), List.of("acme", "2026", "12:3"));
  private static final CatalogScanner SKIPPING = TestScanners.allOn(CATALOG, true);
  private static final CatalogScanner TRYING_ALL = TestScanners.allOn(CATALOG, false);


  /** {@code d} a digit, {@code h} a hex digit, {@code c} a capital; anything else stands for itself. */
  private static final List<String> SHAPES = List.of(
      "dddd-dd-dd dd:dd:dd", "dddd-dd-ddTdd:dd:dd", "dddd-dd-dd dd:dd:dd.ddd", "dddd-dd-ddTdd:dd:dd.dddZ",
      "dddd-dd-ddTdd:dd:dd.dddddd+dd:dd", "dddd-dd-dd dd:dd:dd,ddd", "dd:dd:dd", "dd:dd:dd.d", "d:dd:dd",
      "[dd/ccc/dddd:dd:dd:dd +dddd]", "dddd:dd:dd:dd", "dddd:dd:dd:dd.d.d.d", "dddd:dd:dd:hh:hh:hh:hh:h",
      "dd:dd:dd.ddd.d.d", "dd:dd:dd.dd.dd.d", "dddd-dd-dd dd:dd:dd:hh:hh:hh", "dd:dd:ddh:hhhh:h:h:h:h",
      "dddd-dd-dd-dd-dd-dd", "dddd-dd-dd dd:dd", "dddd-dd-dd ", "dddd-dd-ddT", "hh:hh:hh:hh:hh:hh",
      "dd:dd:dd:dd:dd:dd");
  private static final List<String> TAILS = List.of(
      "", " ", ".", ":", "-", "/", "Z", "+", ".d", ".dd", ".ddd", ".dddd", ".ddd.d.d", ".d.d.d", ":hh:hh:hh",
      "hh:hhhh:h:h:h", "-dd:dd", " ddd-dddd", " ddd ddd dddd", " dddd dddd dddd dddd", "-dd-dddd",
      " ddd-dd-dddd", "/dd", " UTC", "ddd", "::1", "::hhhh", " (ddd) ddd-dddd", "@x.io", ".internal", "x",
      "\n", " user=x ", "d.d.d.d");

  @Provide
  Arbitrary<String> dateTimeText() {
    Arbitrary<String> shaped = Combinators.combine(Arbitraries.of(SHAPES), Arbitraries.of(TAILS))
        .as((shape, tail) -> shape + tail);
    Arbitrary<String> glue = Arbitraries.strings().withChars("0123456789-:. T/Z[]+,abAB\n").ofMaxLength(6);
    Arbitrary<String> piece = Arbitraries.oneOf(shaped, shaped, glue);
    return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(6), Arbitraries.randoms())
        .as((pieces, random) -> {
          StringBuilder out = new StringBuilder();
          for (String p : pieces) {
            for (char c : p.toCharArray()) {
              out.append(switch (c) {
                case 'd' -> (char) ('0' + random.nextInt(10));
                case 'h' -> "0123456789abcdefABCDEF".charAt(random.nextInt(22));
                case 'c' -> (char) ('A' + random.nextInt(26));
                default -> c;
              });
            }
          }
          return out.toString();
        });
  }

  @Property(tries = 2000)
  void skippingDateTimesFindsWhatTryingEveryTriggerFinds(@ForAll("dateTimeText") String text) {
    assertThat(spans(SKIPPING, text)).as(text).isEqualTo(spans(TRYING_ALL, text));
  }

  @Test
  void theSkippedRunEndsWhereTheProofEnds() {
    assertThat(quietEnd("2026-11-25 10:11:12.345 UTC")).isEqualTo(20);
    assertThat(quietEnd("2026-11-25T10:11:12Z")).isEqualTo(19);
    assertThat(quietEnd("10:11:12 host")).isEqualTo(8);
    assertThat(quietEnd("2026-11-25 host")).isEqualTo(11);
    // the seconds may start an IPv4 address, a colon may continue a MAC: only the date (or nothing) is skipped
    assertThat(quietEnd("2026-11-25 10:11:12.123.4.5")).isEqualTo(11);
    assertThat(quietEnd("10:11:12.123.4.5")).isEqualTo(-1);
    assertThat(quietEnd("10:11:12:13:14:15")).isEqualTo(-1);
    assertThat(quietEnd("10:11:123")).isEqualTo(-1);
  }

  @Test
  void addressesNextToTimesAreStillFound() {
    assertThat(spans(SKIPPING, "2025-11-25 10:11:12.123.4.5 x")).containsExactly("17-27:" + DetectorType.IPV4.ordinal());
    assertThat(spans(SKIPPING, "at 10:11:12:ab:cd:ef")).hasSize(1);
  }

  private static int quietEnd(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return CatalogScanner.quietEnd(b, 0, b.length);
  }

  private static List<String> spans(CatalogScanner scanner, String text) {
    Scan s = scanner.newScan(text.getBytes(StandardCharsets.UTF_8));
    scanner.scan(s, 0, s.b.length);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < s.matches.size(); k++) {
      out.add(s.matches.start(k) + "-" + s.matches.end(k) + ":" + s.matches.kind(k));
    }
    return out;
  }
}
