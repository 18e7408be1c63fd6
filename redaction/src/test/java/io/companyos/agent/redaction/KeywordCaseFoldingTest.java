package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keywords with non-ASCII letters are found in any case of those letters, and get one token whatever the case. */
class KeywordCaseFoldingTest {
  private static final Redactor MASK =
      DetectorCatalogTest.masking(Redactor.builder().keywords(List.of("Müller", "ÉCOLE-ŒUVRE", "Ärger")));
  private static final Redactor PSEUDONYMS = Redactor.builder().keywords(List.of("Müller")).build();

  @ParameterizedTest
  @ValueSource(strings = {"Müller", "müller", "MÜLLER", "mÜller", "MüLLER"})
  void everyCaseOfANonAsciiLetterIsFound(String written) {
    assertThat(MASK.redact("ticket from " + written + " GmbH")).isEqualTo("ticket from <keyword> GmbH");
  }

  @Test
  void keywordsWithSeveralNonAsciiLettersAndAsciiOnesInAnyCase() {
    assertThat(MASK.redact("école-œuvre, École-Œuvre, ÉCOLE-ŒUVRE, ÉcOlE-œUvRe; ärger ÄRGER"))
        .isEqualTo("<keyword>, <keyword>, <keyword>, <keyword>; <keyword> <keyword>");
  }

  @Test
  void otherWordsStay() {
    String other = "Mueller, Muller, Müll, ecole-oeuvre, Arger";
    assertThat(MASK.redact(other)).isEqualTo(other);
  }

  @Test
  void everyCaseGetsTheSameToken() {
    String lower = PSEUDONYMS.redact("müller");
    assertThat(lower).matches("<keyword:[0-9a-f]{8}>");
    assertThat(PSEUDONYMS.redact("MÜLLER")).isEqualTo(lower);
    assertThat(PSEUDONYMS.redact("Müller")).isEqualTo(lower);
    assertThat(PSEUDONYMS.redact(lower)).as("redacting twice").isEqualTo(lower);
  }

  /**
   * Letters whose other case is ASCII or that lower-case to two characters: the Turkish dotted capital {@code İ}
   * (lower case {@code i}, or {@code i} and a combining dot outside Turkish), the dotless {@code ı} (upper case
   * {@code I}), and the Greek final sigma ({@code ς}, upper case {@code Σ}, which lower-cases to {@code σ}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"İstanbul", "İSTANBUL", "istanbul", "ISTANBUL", "Istanbul", "i\u0307stanbul",
      "Kırıkkale", "KIRIKKALE", "kırıkkale", "Kirikkale", "Κώστας", "ΚΏΣΤΑΣ", "κώστας"})
  void lettersWhoseOtherCaseIsAsciiOrTwoCharactersAreFoundInEveryCase(String written) {
    Redactor masking = DetectorCatalogTest.masking(Redactor.builder().keywords(List.of("İstanbul", "Kırıkkale",
        "Κώστας")));
    assertThat(masking.redact("office " + written + " 2")).isEqualTo("office <keyword> 2");
  }

  /** Past 64 mixed spellings (here 2 to the 8th), a keyword is looked for as configured, all-lower and all-upper. */
  @Test
  void aKeywordWithManyNonAsciiLettersIsFoundAsConfiguredAndInOneCase() {
    Redactor masking = DetectorCatalogTest.masking(Redactor.builder().keywords(List.of("Владимир")));
    assertThat(masking.redact("from Владимир, владимир, ВЛАДИМИР"))
        .isEqualTo("from <keyword>, <keyword>, <keyword>");
  }

  @Test
  void aKeywordGetsOneTokenInEverySpellingOfThoseLetters() {
    Redactor turkish = Redactor.builder().keywords(List.of("İstanbul", "kırıkkale")).build();
    String istanbul = turkish.redact("İstanbul");
    assertThat(istanbul).matches("<keyword:[0-9a-f]{8}>");
    for (String other : List.of("İSTANBUL", "istanbul", "ISTANBUL", "i\u0307stanbul")) {
      assertThat(turkish.redact(other)).as(other).isEqualTo(istanbul);
    }
    String kirikkale = turkish.redact("Kırıkkale");
    assertThat(kirikkale).matches("<keyword:[0-9a-f]{8}>").isNotEqualTo(istanbul);
    assertThat(turkish.redact("KIRIKKALE")).isEqualTo(kirikkale);
  }

  @Test
  void theStreamingEngineFindsThemToo() throws IOException {
    String in = "x".repeat(1000) + " MÜLLER\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x".repeat(1000) + " <keyword>\n");
  }

  /**
   * The scanner's keyword filter gives each byte among the first three of a pattern one of 63 classes; here the
   * first three bytes of 96 keywords hold 87 distinct bytes (26 letters, 10 digits, and the lead bytes and 48 distinct
   * second bytes of the Cyrillic а…я, ѐ…џ and Greek α…μ they start with), so some bytes share a class.
   */
  @Test
  void manyKeywordsWithDistinctFirstBytesAreAllFoundInUpperCase() {
    List<String> keywords = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String starts = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int k = 0; k < starts.length(); k++) {
      keywords.add(starts.charAt(k) + "qz" + k);
    }
    for (int k = 0; k < 60; k++) {
      int letter = k < 48 ? 0x430 + k : 0x3B1 + k - 48; // а…я, ѐ…џ (0x430-0x45F), α…μ
      keywords.add(Character.toString(letter) + "wv" + k);
    }
    for (String k : keywords) {
      line.append("see ").append(k.toUpperCase(Locale.ROOT)).append(", ");
    }
    Redactor masking = DetectorCatalogTest.masking(Redactor.builder().keywords(keywords));
    String out = masking.redact(line.toString());
    assertThat(out).isEqualTo("see <keyword>, ".repeat(keywords.size()));
  }
}
