package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The display name before an address in angle brackets ({@code Jane Doe <jane@…>}), which the blind corpus
 * ({@code corpus/blind-s13.txt}) found surviving in git output, mail headers and CRM logs, with the hard negatives of
 * that shape. Display names are indices.
 */
class BlindNamesTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("Author: Amira Okafor <a.okafor@example.org>", "Author: <name> <<email>>"),
        Arguments.of("    Signed-off-by: Amira Okafor <a.okafor@example.org>", "    Signed-off-by: <name> <<email>>"),
        Arguments.of("From: \"Amira van Okafor\" <a.okafor@example.org>", "From: \"<name>\" <<email>>"),
        Arguments.of("To: Amira Okafor <a@example.org>, Jonas Müller <j@example.org>", "To: <name> <<email>>, <name> <<email>>"),
        Arguments.of("contact created: José María García-López <j@example.org>", "contact created: <name> <<email>>"),
        Arguments.of("Amira Okafor <a.okafor@example.org>\n", "<name> <<email>>\n"));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("redacted")
  void isRedacted(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
    assertThat(MASK.redact(expected)).as("redacting twice").isEqualTo(expected);
  }

  static Stream<Arguments> nameStays() {
    return Stream.of(
        Arguments.of("mail sent to Amira Okafor <a@example.org>", "mail sent to Amira Okafor <<email>>"),
        Arguments.of("Author: amira <a@example.org>", "Author: amira <<email>>"),
        Arguments.of("Author: Okafor <a@example.org>", "Author: Okafor <<email>>"),
        Arguments.of("From: A B C D E <a@example.org>", "From: A B C D E <<email>>"),
        Arguments.of("INFO Mailer - queued <a@example.org>", "INFO Mailer - queued <<email>>"),
        Arguments.of("Author: Amira Okafor a@example.org", "Author: Amira Okafor <email>"));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("nameStays")
  void theNameStays(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
  }
}
