package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte loop does not stop at a trigger that the byte before rules out ({@link CatalogScanner#kills}). Inside a
 * word (a digit or capital after a word byte) that is the scanner's rule; a digit after a dot and a dash or dot after
 * a byte that is no hex digit are ruled out because no detector can match there. This checks that claim: for every
 * such byte and trigger, followed by text that each detector of the trigger would take, {@code onTrigger} finds
 * nothing and records nothing.
 */
class TriggerKillsTest {
  /** What may follow the trigger byte: the rest of a card, phone, SSN, IPv4, IBAN, AWS key id, MAC, date. */
  private static final List<String> TAILS = List.of(
      "", " ", "0", "12", "23", "0.2.3", "0.20.30", "11 1111 1111 1111", "111111111111111", "15 555 0100",
      "15.555.0100", "15-555-0100", "78-05-1120", "0 30 98765432", "E89370400440532013000", "E89 3704 0044 0532 0130",
      "KIAIOSFODNN7EXAMPLE", "c-22-fb-a1-b2-c3", "c22.fba1.b2c3", "a-bb-cc-dd-ee", "abc.def0.1234", "024-03-04 10:11:12",
      "0:11:12.123.4.5", "1b-2c-3d-4e-5f", "1b2.c3d4.e5f6", "2.3.4");
  private static final List<String> TRIGGERS = List.of("0", "1", "4", "9", "A", "D", "G", "-", ".");

  @Test
  void aTriggerTheByteBeforeRulesOutFindsNothing() {
    CatalogScanner scanner = TestScanners.allOn(TriggerCatalog.build(List.of("acme-corp.com"), List.of("acme")));
    int checked = 0;
    for (int before = 1; before < 128; before++) {
      for (String trigger : TRIGGERS) {
        int c = trigger.charAt(0);
        int inf = scanner.info(c);
        int ruledOut = CatalogScanner.kills(before) >>> CatalogScanner.KILLS;
        if (Bytes.isWord(before)) {
          ruledOut &= ~(CatalogScanner.T_DIGIT | CatalogScanner.T_UPPER); // inside a word: the loop's rule, not a proof
        }
        if ((inf & CatalogScanner.T_ANY & ruledOut) == 0) {
          continue;
        }
        for (String lead : List.of("", " ", "ab", "12", "a.", "x-", "ff:", "1.2.")) {
          for (String tail : TAILS) {
            String text = lead + (char) before + trigger + tail;
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            int i = lead.length() + 1;
            Scan s = scanner.newScan(b);
            assertThat(scanner.onTrigger(s, inf, i)).as("%s at %d", text, i).isEqualTo(-1);
            assertThat(s.matches.size()).as("%s at %d", text, i).isZero();
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20_000);
  }

  @Test
  void theLoopStillStopsWhereATriggerCanMatch() {
    for (String t : List.of(" 4111 1111 1111 1111", "-078-05-1120", "(DE89370400440532013000", "a 3c-22-fb-a1-b2-c3",
        "x 3c22.fba1.b2c3", "=AKIAIOSFODNN7EXAMPLE")) {
      int before = t.charAt(0);
      int inf = scanner().info(t.charAt(1));
      assertThat(inf & CatalogScanner.T_ANY & (CatalogScanner.kills(before) >>> CatalogScanner.KILLS)).as(t).isZero();
    }
    // the byte before a MAC's separator is a hex digit: the dash and the dot are not ruled out there
    assertThat(CatalogScanner.T_DASH & (CatalogScanner.kills('c') >>> CatalogScanner.KILLS)).isZero();
    assertThat(CatalogScanner.T_DOT & (CatalogScanner.kills('2') >>> CatalogScanner.KILLS)).isZero();
    assertThat(CatalogScanner.T_DIGIT & (CatalogScanner.kills('.') >>> CatalogScanner.KILLS)).isNotZero();
    assertThat(CatalogScanner.T_UPPER & (CatalogScanner.kills('x') >>> CatalogScanner.KILLS)).isNotZero();
  }

  private static CatalogScanner scanner() {
    return TestScanners.allOn(TriggerCatalog.build(List.of(), List.of()));
  }
}
