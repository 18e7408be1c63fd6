package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  @Test
  void theStreamingEngineFindsThemToo() throws IOException {
    String in = "x".repeat(1000) + " MÜLLER\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x".repeat(1000) + " <keyword>\n");
  }
}
