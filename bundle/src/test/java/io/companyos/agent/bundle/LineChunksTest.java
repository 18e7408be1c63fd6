package io.companyos.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.RedactionCounter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@link LineChunks} cuts a large text file: never between a line and the lines the engine redacts because of
 * it (found with the real engine, {@link ChunkedStagingTest#ENGINE}), otherwise at the first line start.
 */
class LineChunksTest {

  private static final String FILLER = "2026-03-01 12:00:00.123 INFO worker-3 processed 17 items in 4 ms\n";

  /**
   * Each: the lines before the secret lines, then the secret lines (each holding {@code hunter2secret}); the first
   * three are secrets only below their key line. (The {@code .netrc} login is a user with or without its
   * {@code machine} line: a cut between them changes nothing.)
   */
  private static final List<String[]> SPANNING = List.of(
      new String[] {"credentials:\n", "  - hunter2secret\n  - hunter2secret\n"},
      new String[] {"db:\n  password: |\n", "    hunter2secret\n    hunter2secret\n"},
      new String[] {"variable \"db_password\" {\n", "  default = \"hunter2secret\"\n}\n"},
      new String[] {"machine db.example.com\n", "login bob\npassword hunter2secret\n"});

  @Test
  void aCutNeverFallsBetweenASecretAndTheLineThatMakesItOne() throws IOException {
    for (String[] form : SPANNING) {
      String head = FILLER.repeat(40) + form[0];
      byte[] text = (head + form[1] + FILLER.repeat(40)).getBytes(StandardCharsets.UTF_8);
      LineChunks lines = lines(text);
      long nominal = head.length(); // the first line start at or after it is the first secret line
      long cut = lines.cut(nominal, text.length);

      assertThat(cut).as("cut in %s", form[0]).isGreaterThanOrEqualTo(nominal).isLessThan(text.length);
      if (!form[0].startsWith("machine")) {
        assertThat(cut).as("cut in %s", form[0]).isGreaterThan(nominal);
      }
      assertThat(text[(int) cut - 1]).isEqualTo((byte) '\n');
      String apart = redact(text, 0, (int) cut) + redact(text, (int) cut, text.length);
      assertThat(apart).isEqualTo(redact(text, 0, text.length)).doesNotContain("hunter2secret");
    }
  }

  @Test
  void inOrdinaryLinesTheCutIsTheFirstLineStartAtOrAfterTheNominalOffset() throws IOException {
    byte[] text = FILLER.repeat(100).getBytes(StandardCharsets.UTF_8);
    LineChunks lines = lines(text);

    assertThat(lines.cut(FILLER.length() * 10L, text.length)).isEqualTo(FILLER.length() * 10L);
    assertThat(lines.cut(FILLER.length() * 10L + 1, text.length)).isEqualTo(FILLER.length() * 11L);
    assertThat(lines(text).cut(FILLER.length() * 10L + 1, FILLER.length() * 11L)).isEqualTo(LineChunks.END);
  }

  @Test
  void aRangeWithoutACutIsAnEmptyChunkWhoseBytesTheChunkBeforeItTakes() throws IOException {
    // a sequence of more items than the cut looks at, from just before chunk 1's range to past its end: every line
    // start in the range is between two items
    String sequence = "credentials:\n" + "  - hunter2secret\n".repeat(LineChunks.MAX_TRIES + 10);
    int size = sequence.length() - 40;
    int sequenceStart = size - 20;
    String before = FILLER.repeat(size / FILLER.length() + 1).substring(0, sequenceStart - 1) + "\n";
    byte[] text = (before + sequence + FILLER.repeat(size / FILLER.length() + 1)).getBytes(StandardCharsets.UTF_8);
    LineChunks lines = lines(text);
    int count = (text.length + size - 1) / size;

    long[] first = lines.chunk(0, size, count);
    long[] second = lines.chunk(1, size, count);
    long[] third = lines.chunk(2, size, count);
    assertThat(second).containsExactly(LineChunks.END, LineChunks.END);
    assertThat(first[0]).isZero();
    assertThat(first[1]).isEqualTo(third[0]).isGreaterThanOrEqualTo(sequenceStart + sequence.length());
    StringBuilder apart = new StringBuilder();
    for (int k = 0; k < count; k++) {
      long[] range = lines.chunk(k, size, count);
      if (range[0] != LineChunks.END) {
        apart.append(redact(text, (int) range[0], range[1] == LineChunks.END ? text.length : (int) range[1]));
      }
    }
    assertThat(apart.toString()).isEqualTo(redact(text, 0, text.length)).doesNotContain("hunter2secret");
  }

  private static LineChunks lines(byte[] text) {
    return new LineChunks(offset -> new ByteArrayInputStream(text, (int) offset, text.length - (int) offset),
        ChunkedStagingTest.ENGINE, "logs/app.log");
  }

  private static String redact(byte[] text, int from, int to) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChunkedStagingTest.REDACTOR.redact(new ByteArrayInputStream(text, from, to - from), out, new RedactionCounter());
    return out.toString(StandardCharsets.UTF_8);
  }
}
