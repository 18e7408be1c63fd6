package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The anonymizer's cheap checks before its patterns ({@code mayBeFrame}, {@code mayBeEllipsis}, {@code mayBeHead})
 * only skip a pattern that cannot match: whenever one says no, the pattern indeed does not match. Lines are built from
 * every kind of blank the patterns' {@code \s} knows (and some it does not), the words the patterns start with, their
 * near misses and type characters, so both answers of every check come up often.
 */
class StackTraceAnonymizerPrecheckPropertiesTest {
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> piece = Arbitraries.of(" ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2028", "at ", "at",
        "a", "t", "... ", "...", ".", "3 more", " more", "common frames omitted", "Caused by: ", "Suppressed: ",
        "Exception in thread \"main\" ", "java.lang.IllegalStateException", "X", "_", "$", "1", "9x", ":", " msg",
        "(", ")", "Api.java:7", "é", "-");
    return piece.list().ofMinSize(0).ofMaxSize(8).map(p -> String.join("", p));
  }

  @Property(tries = 5_000)
  void aCheckSaysNoOnlyWhenItsPatternCannotMatch(@ForAll("lines") String line) {
    int text = StackTraceAnonymizer.afterSpaces(line);
    if (!StackTraceAnonymizer.mayBeFrame(line, text)) {
      assertThat(StackTraceAnonymizer.frameMatches(line)).as(line).isFalse();
    }
    if (!StackTraceAnonymizer.mayBeEllipsis(line, text)) {
      assertThat(StackTraceAnonymizer.ellipsisMatches(line)).as(line).isFalse();
    }
    if (!StackTraceAnonymizer.mayBeHead(line, text)) {
      assertThat(StackTraceAnonymizer.headMatches(line)).as(line).isFalse();
    }
  }

  @Example
  void theChecksLetThroughWhatThePatternsMatch() {
    for (String frame : new String[] {"\tat a.B.c(B.java:1)", " \u000B\f at x(y)"}) {
      assertThat(StackTraceAnonymizer.frameMatches(frame)).isTrue();
      assertThat(StackTraceAnonymizer.mayBeFrame(frame, StackTraceAnonymizer.afterSpaces(frame))).isTrue();
    }
    String ellipsis = "\t... 3 more";
    assertThat(StackTraceAnonymizer.ellipsisMatches(ellipsis)).isTrue();
    assertThat(StackTraceAnonymizer.mayBeEllipsis(ellipsis, StackTraceAnonymizer.afterSpaces(ellipsis))).isTrue();
    for (String head : new String[] {"Caused by: a.B: x", "\r\n$X", "_y", "Exception in thread \"t\" a.B"}) {
      assertThat(StackTraceAnonymizer.headMatches(head)).as(head).isTrue();
      assertThat(StackTraceAnonymizer.mayBeHead(head, StackTraceAnonymizer.afterSpaces(head))).as(head).isTrue();
    }
    String logLine = "2026-11-25T10:00:00Z ERROR java.lang.IllegalStateException: x";
    assertThat(StackTraceAnonymizer.mayBeHead(logLine, StackTraceAnonymizer.afterSpaces(logLine))).isFalse();
  }
}
