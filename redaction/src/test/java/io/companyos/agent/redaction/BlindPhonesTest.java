package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * International phone numbers with a URL-encoded plus ({@code To=%2B14155550134}), which the blind corpus
 * ({@code corpus/blind-s13.txt}) found surviving in a Twilio request log, with the hard negatives of that shape.
 */
class BlindPhonesTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("POST /Messages.json To=%2B4930987654321&From=%2b14155550100", "POST /Messages.json To=<phone>&From=<phone>"),
        Arguments.of("GET /contact?phone=%2B44-7700-900123 HTTP/1.1", "GET /contact?phone=<phone> HTTP/1.1"));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("redacted")
  void isRedacted(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
    assertThat(MASK.redact(expected)).as("redacting twice").isEqualTo(expected);
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "q=a%2B1234567890", // after a word byte: an encoded a+1234567890
        "v=%2B0049301234567",
        "expr=1%2B2%3D3",
        "tz=UTC%2B01%3A00",
        "path=%2B");
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("unchanged")
  void staysUnchanged(String in) {
    assertThat(MASK.redact(in)).isEqualTo(in);
  }
}
