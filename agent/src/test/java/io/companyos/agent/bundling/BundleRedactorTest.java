package io.companyos.agent.bundling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.StructuredFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which bundle entries may be redacted in chunks: streams of lines yes, documents parsed whole no. */
class BundleRedactorTest {

  private final BundleRedactor redactor = new BundleRedactor(Redactor.builder().build(), "test");

  @Test
  void logsAndPlainFilesAreRedactedLineByLineAndMayBeChunked() {
    assertThat(redactor.redactsLineByLine("logs/postgresql/postgresql.log")).isTrue();
    assertThat(redactor.redactsLineByLine("logs/app/events.json")).isTrue(); // JSON lines: text, see structuredFormat
    assertThat(redactor.redactsLineByLine("agent/agent.log")).isTrue();
    assertThat(redactor.redactsLineByLine("system/dmesg.txt")).isTrue();
  }

  @Test
  void documentsParsedWholeAreNotChunked() {
    for (String path : new String[] {"config/app.yaml", "config/app.yml", "config/settings.json",
        "config/app.properties", "config/.env", "config/.pgpass", "config/files/srv/infra/terraform.tfstate",
        "config/files/srv/infra/terraform.tfstate.backup", "config/files/tmp/portal.har"}) {
      assertThat(redactor.redactsLineByLine(path)).as(path).isFalse();
    }
  }

  @Test
  void terraformStateIsRedactedAsJson() throws Exception {
    assertThat(BundleRedactor.structuredFormat("config/files/srv/infra/terraform.tfstate"))
        .isEqualTo(StructuredFormat.JSON);
    // an output's value has no key of its own: only the JSON path sees it under the output's name
    String state = "{\n  \"version\": 4,\n  \"outputs\": {\n    \"db_password\": {\n"
        + "      \"value\": \"Tf-Rds-M4ster-1\",\n      \"sensitive\": true\n    }\n  }\n}\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    redactor.redact(new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)), out,
        "config/files/srv/infra/terraform.tfstate");
    JsonNode n = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(n.at("/outputs/db_password/value").asText()).startsWith("<secret").doesNotContain("Tf-Rds");
    assertThat(n.at("/outputs/db_password/sensitive").asBoolean()).isTrue();
    assertThat(n.at("/version").asInt()).isEqualTo(4);
  }
}
