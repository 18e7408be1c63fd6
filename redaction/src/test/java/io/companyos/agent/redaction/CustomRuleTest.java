package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomRuleTest {
  @Test
  void aRuleWithoutReplacementMakesPseudonymsLabelledWithItsName() {
    Redactor r = Redactor.builder().rules(List.of(CustomRule.pseudonym("ticket", "PROJ-[0-9]+"))).build();
    RedactionCounter c = new RedactionCounter();
    assertThat(r.redact("fixed in PROJ-1234 today", c)).matches("fixed in <ticket:[0-9a-f]{8}> today");
    assertThat(c.counts()).containsEntry("ticket", 1L);
  }

  @Test
  void aReplacementMayUseGroups() {
    Redactor r = Redactor.builder().rules(List.of(new CustomRule("tenant", "tenant-([a-z]+)-(\\d+)", "tenant-$2"))).build();
    assertThat(r.redact("moved tenant-zurich-17 to eu")).isEqualTo("moved tenant-17 to eu");
  }

  @Test
  void aPatternThatDoesNotCompileNamesTheRuleAndNotTheText() {
    assertThatThrownBy(() -> Redactor.builder().rules(List.of(CustomRule.pseudonym("broken", "(unclosed"))).build())
        .isInstanceOf(InvalidRuleException.class)
        .hasMessage("redaction rule 'broken': pattern does not compile (missing closing ))")
        .extracting(e -> ((InvalidRuleException) e).ruleName()).isEqualTo("broken");
  }

  @Test
  void backReferencesAreRejectedBecauseRe2CannotMatchThemInLinearTime() {
    assertThatThrownBy(() -> Redactor.builder().rules(List.of(CustomRule.pseudonym("backref", "(a)\\1"))).build())
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith("redaction rule 'backref': pattern does not compile");
  }

  @Test
  void aRuleMayNotReuseADetectorLabel() {
    assertThatThrownBy(() -> Redactor.builder().rules(List.of(CustomRule.pseudonym("email", "x"))).build())
        .isInstanceOf(InvalidRuleException.class)
        .hasMessage("redaction rule 'email': name is already used by a rule or a built-in detector");
  }

  @Test
  void catastrophicBacktrackingPatternRunsInLinearTime() {
    Redactor r = Redactor.builder().rules(List.of(CustomRule.pseudonym("redos", "(a+)+$"))).build();
    String line = "a".repeat(100_000) + "!";
    long start = System.nanoTime();
    String out = r.redact(line);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(out).isEqualTo(line);
    assertThat(took).isLessThan(Duration.ofSeconds(10)); // java.util.regex would not finish in our lifetime
  }
}
