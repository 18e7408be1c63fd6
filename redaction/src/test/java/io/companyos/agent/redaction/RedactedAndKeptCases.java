package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of the blind corpora's fix tests: each subclass lists, in static {@code redacted()}, lines and what they
 * must become (and stay when redacted again), and in static {@code unchanged()} lines of the same shapes that must
 * come out as they went in, both as a string and streamed (the engine's window and its commits). Masking strategy, so that the expected text names the label; display names are indices,
 * so that no value appears in a test's name.
 */
abstract class RedactedAndKeptCases {
  static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("redacted")
  void isRedacted(String in, String expected) throws IOException {
    assertThat(MASK.redact(in)).isEqualTo(expected);
    assertThat(streamed(in)).as("streamed").isEqualTo(expected);
    assertThat(MASK.redact(expected)).as("redacting twice").isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("unchanged")
  void staysUnchanged(String in) throws IOException {
    assertThat(MASK.redact(in)).isEqualTo(in);
    assertThat(streamed(in)).as("streamed").isEqualTo(in);
  }

  /** {@code in} through the streaming redaction ({@link Redactor#redact(java.io.InputStream, java.io.OutputStream,
   * RedactionCounter)}). */
  static String streamed(String in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    return out.toString(StandardCharsets.UTF_8);
  }
}
