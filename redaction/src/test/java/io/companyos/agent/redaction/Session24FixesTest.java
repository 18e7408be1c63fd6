package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session 24: the input's first line, which the patterns that hold a line's newline ({@code \nuid: },
 * {@code \npassword }, {@code \nuser }) never saw. Each case failed before (the first line came out whole).
 */
class Session24FixesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // the first line of an input (both ways: a string here, a stream in isRedactedFromTheStreamsStart)
        Arguments.of("uid: jdoe\ncn: John Doe", "uid: <user>\ncn: <name>"),
        Arguments.of("PASSWORD elastic = xyzSecret1\nPASSWORD kibana = abcSecret2",
            "PASSWORD <user> = <secret>\nPASSWORD <user> = <secret>"),
        Arguments.of("user alice on >pw123abc ~* +@all", "user <user> on ><secret> ~* +@all"));
  }

  static Stream<String> unchanged() {
    return Stream.of("uid: 1000\ngid: 1000", "\nuser");
  }

  /** The same cases through the streaming API, where the first line is the first window's. */
  @ParameterizedTest(name = "[{index}]")
  @MethodSource("redacted")
  void isRedactedFromTheStreamsStart(String in, String expected) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
