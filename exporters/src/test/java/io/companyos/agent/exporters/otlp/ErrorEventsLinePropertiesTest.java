package io.companyos.agent.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ErrorEvents}' two line checks written without regular expressions give exactly what the expressions they
 * replaced give, for lines made of every blank {@code \s} knows (and one it does not), every line terminator
 * {@code .} stops at, the prefixes and their near misses: every line of up to three pieces, and 30,000 of four to
 * seven pieces drawn with a fixed seed.
 */
class ErrorEventsLinePropertiesTest {
  private static final Pattern FRAME_OR_MORE = Pattern.compile("^\\s*(?:at |\\.\\.\\. ).*");
  private static final Pattern HEAD_PREFIX = Pattern.compile("^\\s*(?:Caused by: |Suppressed: |Exception in thread )?");
  private static final List<String> PIECES = List.of(" ", "\t", "\n", "\u000B", "\f", "\r", "\r\n", "\u0085",
      "\u2028", "\u2029", "\u00A0", "at ", "at", "a", "... ", "...", ".", "Caused by: ", "Caused by:",
      "Suppressed: ", "Exception in thread ", "Exception in thread", "java.lang.IllegalStateException", ": msg", "x");

  private static List<String> lines() {
    List<String> lines = new ArrayList<>(List.of(""));
    List<String> previous = List.of("");
    for (int len = 1; len <= 3; len++) {
      List<String> next = new ArrayList<>();
      for (String p : previous) {
        for (String piece : PIECES) {
          next.add(p + piece);
        }
      }
      lines.addAll(next);
      previous = next;
    }
    Random rnd = new Random(20261126);
    for (int i = 0; i < 30_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 4 + rnd.nextInt(4); k > 0; k--) {
        sb.append(PIECES.get(rnd.nextInt(PIECES.size())));
      }
      lines.add(sb.toString());
    }
    return lines;
  }

  @Test
  void frameOrMoreIsThePattern() {
    for (String line : lines()) {
      assertThat(ErrorEvents.frameOrMore(line)).as(line).isEqualTo(FRAME_OR_MORE.matcher(line).matches());
    }
  }

  @Test
  void withoutHeadPrefixIsThePatternsReplacement() {
    for (String line : lines()) {
      assertThat(ErrorEvents.withoutHeadPrefix(line)).as(line).isEqualTo(HEAD_PREFIX.matcher(line).replaceFirst(""));
    }
  }
}
