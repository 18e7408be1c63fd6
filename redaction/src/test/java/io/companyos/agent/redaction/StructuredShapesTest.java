package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** JSON and YAML shapes where no single key names the secret (from the blind configuration documents). */
class StructuredShapesTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  private static JsonNode yaml(String doc) throws Exception {
    return new YAMLMapper().readTree(MASK.redactStructured(StructuredFormat.YAML, doc, new RedactionCounter()));
  }

  private static String json(String doc) {
    return MASK.redactStructured(StructuredFormat.JSON, doc, new RedactionCounter());
  }

  @Test
  void theElementAfterASecretFlagInAnArrayIsTheSecret() throws Exception {
    JsonNode n = yaml("services:\n  redis:\n    command: [\"redis-server\", \"--requirepass\", \"c0mp0seRedisPw\","
        + " \"--port\", \"6379\", \"--appendonly\", \"yes\"]\n  db:\n    command:\n      - postgres\n"
        + "      - --password\n      - hunter2two\n      - --password-file=/run/secrets/pw\n      - -c\n"
        + "      - max_connections=300\n");
    assertThat(n.at("/services/redis/command").toString())
        .isEqualTo("[\"redis-server\",\"--requirepass\",\"<secret>\",\"--port\",\"6379\",\"--appendonly\",\"yes\"]");
    assertThat(n.at("/services/db/command").toString()).isEqualTo(
        "[\"postgres\",\"--password\",\"<secret>\",\"--password-file=/run/secrets/pw\",\"-c\",\"max_connections=300\"]");
    // a flag is only the element right before: an object or a second flag in between ends it
    assertThat(json("[\"--token\",{\"a\":\"b\"},\"plain\",\"--secret\",\"--verbose\",\"kept\"]"))
        .isEqualTo("[\"--token\",{\"a\":\"b\"},\"plain\",\"--secret\",\"--verbose\",\"kept\"]");
  }
}
