package io.companyos.agent.policy.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.policy.DenialReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remembered verdicts for whole stack traces must never admit what screening line by line refuses. */
class StackTraceScreeningCacheTest {
  private final TelemetryAllowlist allowlist = TelemetryAllowlist.builtIn();

  private static final String TRACE = "java.lang.IllegalStateException\n"
      + "\tat com.foo.billing.Invoice.charge(Invoice.java:42)\n"
      + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
      + "Caused by: org.postgresql.util.PSQLException\n"
      + "\t... 12 more";

  private java.util.Optional<DenialReason> check(String trace) {
    return check("java.lang.IllegalStateException", trace, "0123456789abcdef", "0");
  }

  private java.util.Optional<DenialReason> check(String type, String trace, String fingerprint, String suppressed) {
    return allowlist.checkLogEvent(new TelemetryItem("companyos.error", Map.of("service", "core-api",
        "exception.type", type, "exception.stacktrace", trace,
        "companyos.error.fingerprint", fingerprint, "companyos.error.suppressed", suppressed)));
  }

  @Test
  void aRememberedExceptionClassAdmitsOnlyItselfAndTheOtherAttributesAreCheckedExactly() {
    assertThat(check("java.lang.IllegalStateException", TRACE, "0123456789abcdef", "0")).isEmpty();
    for (String bad : new String[] {"java.lang.IllegalStateException: alice", "java.lang.Illegal StateException",
        "java.lang.IllegalStateException ", "java..lang.IllegalStateException", "x".repeat(257)}) {
      assertThat(check(bad, TRACE, "0123456789abcdef", "0")).as(bad).contains(DenialReason.ATTRIBUTE_VALUE);
      assertThat(check(bad, TRACE, "0123456789abcdef", "0")).as(bad).contains(DenialReason.ATTRIBUTE_VALUE);
    }
    for (String bad : new String[] {"0123456789abcdeF", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg",
        "012345678\u0660abcdef"}) {
      assertThat(check("java.lang.IllegalStateException", TRACE, bad, "0")).as(bad)
          .contains(DenialReason.ATTRIBUTE_VALUE);
    }
    for (String bad : new String[] {"-1", "", "1234567890123456789", "\u0661", "1 "}) {
      assertThat(check("java.lang.IllegalStateException", TRACE, "0123456789abcdef", bad)).as(bad)
          .contains(DenialReason.ATTRIBUTE_VALUE);
    }
    assertThat(check("java.lang.IllegalStateException", TRACE, "fedcba9876543210", "123456789012345678")).isEmpty();
    for (int i = 0; i < 3 * ValueRule.VALID_TYPES_MAX; i++) {
      assertThat(check("com.foo.E" + i + "Exception", TRACE, "0123456789abcdef", "0")).isEmpty();
      assertThat(ValueRule.rememberedTypes()).isLessThanOrEqualTo(ValueRule.VALID_TYPES_MAX);
    }
  }

  @Test
  void aTraceDifferingInOneCharacterFromARememberedOneIsScreenedAgain() {
    assertThat(check(TRACE)).isEmpty();
    assertThat(check(new String(TRACE.toCharArray()))).as("the same text again, another string").isEmpty();
    // one character each: a space makes the frame a message line, '#' is not a frame character, a colon after the
    // header starts a message, a letter in the line number breaks the location
    for (String bad : new String[] {
        TRACE.replace("Invoice.charge(", "Invoice charge("),
        TRACE.replace("com.foo.billing", "com#foo.billing"),
        TRACE.replace("PSQLException", "PSQLExceptio:"),
        TRACE.replace("Thread.java:1583", "Thread.java:158x")}) {
      assertThat(bad).hasSize(TRACE.length());
      assertThat(check(bad)).as(bad).contains(DenialReason.ATTRIBUTE_VALUE);
      assertThat(check(bad)).as("refused again, never remembered").contains(DenialReason.ATTRIBUTE_VALUE);
    }
    assertThat(check(TRACE)).isEmpty();
  }

  @Test
  void theRememberedTracesStayBoundedUnderManyDistinctTraces() {
    for (int i = 0; i < 5 * ValueRule.VALID_TRACES_MAX; i++) {
      assertThat(check(TRACE.replace("42", Integer.toString(i + 100)))).isEmpty();
      assertThat(ValueRule.rememberedTraces()).isLessThanOrEqualTo(ValueRule.VALID_TRACES_MAX);
    }
    // long traces: the character cap bounds the memory before the count does
    String frame = "\tat com.foo.billing.Invoice.charge(Invoice.java:42)\n";
    for (int i = 0; i < 200; i++) {
      String big = "java.lang.IllegalStateException\n" + frame.repeat(150) + "\tat a.B.c(B.java:" + i + ")";
      assertThat(check(big)).isEmpty();
      assertThat(ValueRule.rememberedTraceChars()).isLessThanOrEqualTo(ValueRule.VALID_TRACES_MAX_CHARS);
    }
  }
}
