package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A keyword of two characters (customer codes such as {@code GE} or {@code HP}) is found where the input ends right
 * after it: the scanner tests a pattern once its third byte is read, and there is none (found by
 * {@link KeywordSpellingPropertiesTest}).
 */
class TwoCharacterKeywordTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder().keywords(List.of("GE", "Falcon")));
  private static final Redactor PSEUDONYMS = Redactor.builder().keywords(List.of("GE")).build();

  @ParameterizedTest
  @ValueSource(strings = {"GE", "ge", "vendor GE", "vendor ge", "GE vendor", "vendor GE\n", "(GE)"})
  void aTwoCharacterKeywordIsFoundAnywhereUpToTheLastByte(String text) {
    assertThat(MASK.redact(text)).isEqualTo(text.replaceAll("(?i)ge", "<keyword>"));
  }

  @Test
  void asAJsonValueAndAsTheLastLineOfAStreamWithoutANewline() throws IOException {
    StringWriter json = new StringWriter();
    MASK.redactStructured(StructuredFormat.JSON, new StringReader("{\"customer\": \"GE\"}"), json,
        new RedactionCounter());
    assertThat(json.toString()).isEqualTo("{\"customer\":\"<keyword>\"}");
    String log = "x".repeat(70_000) + "\nshipped to GE";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x".repeat(70_000) + "\nshipped to <keyword>");
  }

  @Test
  void redactingTwiceEqualsRedactingOnceWhenTheTokenEndsTheInput() {
    String once = PSEUDONYMS.redact("shipped to GE");
    assertThat(once).matches("shipped to <keyword:[0-9a-f]{8}>");
    assertThat(PSEUDONYMS.redact(once)).isEqualTo(once);
    assertThat(MASK.redact(MASK.redact("to GE"))).isEqualTo("to <keyword>");
  }
}
