package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The anonymizer's memories (frames, runs of frames indexed by their first line, whole traces) are invisible: an
 * anonymizer that has seen any mix of traces before gives for every trace exactly what a fresh one gives, and counts
 * the same redactions. The traces are built from a small set of pieces, so that runs share first lines, differ in one
 * character, end with or without {@code \r}, are followed by more frames, and carry a keyword the redactor replaces.
 */
class StackTraceAnonymizerCachePropertiesTest {
  private static final Redactor REDACTOR = Redactor.builder().keywords(List.of("acme")).build();

  private static final List<String> PIECES = List.of(
      "java.lang.IllegalStateException: card 4111 1111 1111 1111",
      "java.lang.IllegalStateException",
      "Caused by: java.io.IOException: to db-7.acme.internal",
      "\tSuppressed: java.io.UncheckedIOException: x",
      "\tat com.companyos.billing.Invoice.charge(Invoice.java:42)",
      "\tat com.companyos.billing.Invoice.charge(Invoice.java:43)",
      "\tat com.companyos.billing.Api.post(Api.java:7)",
      "\tat com.companyos.billing.Api.post(Api.java:7) ~[app.jar:1.0]",
      "\tat com.acme.billing.Api.post(Api.java:7)",
      "\tat home with alice",
      "\tat com.companyos.billing.Grüße.run(Grüße.java:1)",
      "\tat com.companyos.billing.€uro.run(Euro.java:1)",
      "\tat com.companyos.billing.Clef𝄞.run(Clef.java:1)",
      "\tat com.companyos.billing.What?.run(What.java:1)",
      "Caused by: java.io.IOException",
      "Caused by: com.acme.billing.DeclinedException: alice",
      "java.lang.IllegalStateException:",
      "  java.lang.IllegalStateException: secret",
      "Exception in thread \"main\" java.lang.IllegalStateException: secret",
      "\tat jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)",
      "\t... 3 more",
      "\t... 3 mor",
      "  Detail: secret",
      "2026-11-25T10:00:00Z ERROR failed for jane@example.org",
      "");

  @Provide
  Arbitrary<String> traces() {
    Arbitrary<String> line = Arbitraries.of(PIECES);
    Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\r");
    return Arbitraries.integers().between(1, 12).flatMap(n -> line.list().ofSize(n).flatMap(lines ->
        ending.list().ofSize(n).map(ends -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < n; i++) {
            sb.append(lines.get(i));
            if (i < n - 1 || ends.get(i).equals("\n")) {
              sb.append(ends.get(i));
            }
          }
          return sb.toString();
        })));
  }

  @Property(tries = 300)
  void aWarmAnonymizerGivesWhatAFreshOneGives(@ForAll("traces") String a, @ForAll("traces") String b,
      @ForAll("traces") String c) {
    StackTraceAnonymizer shared = new StackTraceAnonymizer(REDACTOR);
    for (int round = 0; round < 2; round++) {
      for (String trace : List.of(a, b, c, a + "\n" + b, b + "\r\n" + c)) {
        RedactionCounter warm = new RedactionCounter();
        RedactionCounter cold = new RedactionCounter();
        StackTraceAnonymizer.AnonymizedTrace got = shared.anonymize(trace, warm);
        StackTraceAnonymizer.AnonymizedTrace want = new StackTraceAnonymizer(REDACTOR).anonymize(trace, cold);
        assertThat(got).as(trace).isEqualTo(want);
        assertThat(warm.total()).as(trace).isEqualTo(cold.total());
        assertThat(got.lines()).isEqualTo(got.text().isEmpty() ? 0 : got.text().split("\n", -1).length);
        assertThat(got.text()).doesNotContain("acme", "alice", "4111", "secret", "jane");
      }
    }
  }
}
