package io.companyos.agent.policy.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/telemetry-schema.md is what a security team approves: it must say exactly what the allowlist permits. */
class TelemetrySchemaDocumentTest {
  private static final Path DOC = Path.of("..", "docs", "telemetry-schema.md");
  private final TelemetryAllowlist allowlist = TelemetryAllowlist.builtIn();

  @Test
  void theDocumentNamesTheVersions() throws Exception {
    String doc = Files.readString(DOC);
    assertThat(doc).contains("**allowlist version " + allowlist.version() + "**")
        .contains("**heartbeat schema version " + allowlist.heartbeatSchemaVersion() + "**");
  }

  @Test
  void everyHeartbeatFieldIsDocumentedWithItsValues() throws Exception {
    String doc = Files.readString(DOC);
    checkRules(doc, "", allowlist.heartbeatFields());
  }

  @Test
  void everyMetricAttributeAndValueIsDocumented() throws Exception {
    String doc = Files.readString(DOC);
    checkRules(doc, "", allowlist.resourceAttributes());
    checkRules(doc, "", allowlist.attributes());
    allowlist.metrics().forEach((name, rule) -> {
      String row = "| `" + name + "` | " + rule.instrument() + " | " + rule.unit() + " | ";
      assertThat(doc).as("metric row for " + name).contains(row).contains(rule.description());
      rule.attributes().forEach(a -> assertThat(doc).contains("`" + a + "`"));
    });
    assertThat(allowlist.logEvents()).as("the error event is allowlisted").containsKey("companyos.error");
    allowlist.logEvents().forEach((name, rule) -> {
      String attributes = String.join(", ", rule.attributes().stream().map(a -> "`" + a + "`").toList());
      assertThat(doc).as("log event row for " + name)
          .contains("| `" + name + "` | " + attributes + " | " + rule.description() + " |");
    });
  }

  @Test
  void everyValueFormatIsExplained() throws Exception {
    String doc = Files.readString(DOC);
    assertThat(doc).contains("**Java class name**").contains("**Anonymized stack trace**")
        .contains("at most " + ValueRule.MAX_TRACE_LINES + " lines and " + ValueRule.MAX_TRACE_CHARS + " characters");
  }

  private static void checkRules(String doc, String prefix, Map<String, ValueRule> rules) {
    rules.forEach((name, rule) -> {
      String key = prefix + name;
      assertThat(doc).as("row for " + key).contains("| `" + key + "` |");
      assertThat(doc).as("description of " + key).contains(rule.description());
      rule.values().forEach(v -> assertThat(doc).as("value " + v + " of " + key).contains("`" + v + "`"));
      checkRules(doc, key + ".", rule.fields());
    });
  }
}
