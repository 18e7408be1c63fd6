package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * International phone numbers with a URL-encoded plus ({@code To=%2B14155550134}), which the blind corpus
 * ({@code corpus/blind-s13.txt}) found surviving in a Twilio request log, with the hard negatives of that shape.
 */
class BlindPhonesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("POST /Messages.json To=%2B4930987654321&From=%2b14155550100", "POST /Messages.json To=<phone>&From=<phone>"),
        Arguments.of("GET /contact?phone=%2B44-7700-900123 HTTP/1.1", "GET /contact?phone=<phone> HTTP/1.1"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "q=a%2B1234567890", // after a word byte: an encoded a+1234567890
        "v=%2B0049301234567",
        "expr=1%2B2%3D3",
        "tz=UTC%2B01%3A00",
        "path=%2B");
  }
}
