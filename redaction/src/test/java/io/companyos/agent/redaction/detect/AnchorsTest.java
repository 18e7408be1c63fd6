package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Patterns enter the filter from a rarer three bytes when they start with a common trigram ({@link Anchors}), and the
 * scanner checks the bytes before: the anchors chosen, and that a pattern is found exactly where it was before, at
 * any place in the text, in any case, and not where only its anchor is.
 */
class AnchorsTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCommonStartMovesToRarerBytesAndARareStartStays() {
    assertThat(Anchors.of(b("requirepass"))).isGreaterThan(0); // req…
    assertThat(Anchors.of(b("for user "))).isGreaterThan(0); // for…
    assertThat(Anchors.of(b("stark"))).isGreaterThan(0); // sta…
    assertThat(Anchors.of(b("owed because"))).isZero(); // chosen for its rarity by its author
    assertThat(Anchors.of(b("xoauth2"))).isZero();
    assertThat(Anchors.of(b("the"))).isZero(); // fewer than four bytes: its start
    assertThat(Anchors.of(b("username"))).isZero(); // every three bytes of it are common: its start
  }

  @Test
  void anAnchorLiesWithinItsLimit() {
    for (Trigger t : TriggerCatalog.build(List.of("acme-corp.com"), List.of("Stark Industries International"))) {
      byte[] p = b(t.text());
      int a = Anchors.of(p);
      assertThat(a).isBetween(0, Anchors.MAX);
      assertThat(a + 3).isLessThanOrEqualTo(Math.max(p.length, 3));
    }
  }

  private static final CatalogScanner SCANNER = TestScanners.allOn(
      TriggerCatalog.build(List.of("contoso.com"), List.of("stark", "international", "request tracker")));

  /** A keyword anchored inside is found at any offset in random text, in any case, and only whole. */
  @Property(tries = 300)
  void anAnchoredKeywordIsFoundWhereverItStands(
      @ForAll @StringLength(max = 40) String before, @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll boolean upper) {
    String kw = List.of("stark", "international", "request tracker", "STARK").get(which);
    String word = upper ? kw.toUpperCase(java.util.Locale.ROOT) : kw;
    String prefix = before.replaceAll("[^a-z ]", " ") + " ";
    byte[] in = b(prefix + word + " end");
    Scan s = SCANNER.newScan(in);
    SCANNER.scan(s, 0, in.length);
    int start = b(prefix).length;
    boolean found = false;
    for (int k = 0; k < s.matches.size(); k++) {
      if (s.matches.kind(k) == DetectorType.KEYWORD.ordinal() && s.matches.start(k) <= start
          && s.matches.end(k) >= start + word.length()) {
        found = true;
      }
    }
    assertThat(found).as(new String(in, StandardCharsets.UTF_8)).isTrue();
  }

  @Test
  void onlyTheAnchorIsNoMatch() {
    // "ark", "national", "uest tracker": the anchored parts alone, and the keywords with one lead byte changed
    for (String text : List.of("the ark sails", "national park", "a guest tracker", "xtark", "internxtional")) {
      byte[] in = b(text);
      Scan s = SCANNER.newScan(in);
      SCANNER.scan(s, 0, in.length);
      for (int k = 0; k < s.matches.size(); k++) {
        assertThat(s.matches.kind(k)).as(text).isNotEqualTo(DetectorType.KEYWORD.ordinal());
      }
    }
  }
}
