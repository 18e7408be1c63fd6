package io.companyos.agent.collectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz target for the Prometheus text / OpenMetrics parser (Jazzer): any text parses into families or fails with
 * one {@link ExpositionParseException} naming a line, never with another exception, and the message never repeats a
 * label value (which may be customer data). Regression inputs:
 * {@code src/test/resources/io/companyos/agent/collectors/prometheus/ExpositionParserFuzzTestInputs/<method>/}.
 */
class ExpositionParserFuzzTest {
  private static final String LABEL_VALUE = "cust-Qx7vB2";

  @FuzzTest
  void parsesOrNamesTheLine(FuzzedDataProvider data) {
    ExpositionFormat format = data.consumeBoolean() ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT;
    boolean plant = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    if (text.contains(LABEL_VALUE)) {
      return;
    }
    if (plant) {
      // a sample carrying the label value, in front of whatever the fuzzer wrote on the same line
      text = "m{tenant=\"" + LABEL_VALUE + "\"} " + text;
    }
    List<MetricFamily> families;
    try {
      families = new ExpositionParser().parse(text, format);
    } catch (ExpositionParseException refused) {
      assertThat(refused.getMessage()).matches("line \\d+: [^\\n\\r]+").doesNotContain(LABEL_VALUE);
      assertThat(refused.line()).isPositive();
      return;
    }
    for (MetricFamily family : families) {
      assertThat(family.name()).isNotEmpty();
      for (Sample sample : family.samples()) {
        assertThat(sample.name()).startsWith(family.name());
      }
    }
  }
}
