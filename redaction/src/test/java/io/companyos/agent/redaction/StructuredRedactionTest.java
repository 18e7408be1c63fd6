package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class StructuredRedactionTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  private static String redact(StructuredFormat f, String doc) {
    return MASK.redactStructured(f, doc, new RedactionCounter());
  }

  @Test
  void jsonByKeyAndByValueStaysParseable() throws Exception {
    String out = redact(StructuredFormat.JSON, "{\"user\":{\"password\":\"x y\",\"email\":\"a.b@example.org\","
        + "\"apiKey\":12345,\"card\":4111111111111111,\"n\":7,\"ok\":true,\"credentials\":{\"k\":[\"v\",1]}},"
        + "\"bob@example.org\":null,\"displayName\":\"Ann Lee\",\"password_min_length\":12}");
    JsonNode n = new ObjectMapper().readTree(out);
    assertThat(n.at("/user/password").asText()).isEqualTo("<secret>");
    assertThat(n.at("/user/email").asText()).isEqualTo("<email>");
    assertThat(n.at("/user/apiKey").asText()).isEqualTo("<secret>");
    assertThat(n.at("/user/card").asText()).isEqualTo("<card>");
    assertThat(n.at("/user/n").asInt()).isEqualTo(7);
    assertThat(n.at("/user/credentials/k/0").asText()).isEqualTo("<secret>");
    assertThat(n.at("/user/credentials/k/1").asText()).isEqualTo("<secret>");
    assertThat(n.has("<email>")).isTrue();
    assertThat(n.at("/displayName").asText()).isEqualTo("<name>");
    assertThat(n.at("/password_min_length").asInt()).isEqualTo(12);
  }

  @Test
  void jsonLinesKeepOneDocumentPerLine() {
    assertThat(redact(StructuredFormat.JSON, "{\"a\":\"10.1.2.3\"}\n{\"b\":1}\n"))
        .isEqualTo("{\"a\":\"<ipv4>\"}\n{\"b\":1}");
  }

  @Test
  void invalidJsonIsAnErrorThatNamesTheLineNotTheText() {
    assertThatThrownBy(() -> redact(StructuredFormat.JSON, "{\"password\": \"hunter2\"\n  oops"))
        .isInstanceOf(RedactionException.class)
        .hasMessage("not a valid JSON document (line 2)");
  }

  @Test
  void yamlByKey() throws Exception {
    String out = redact(StructuredFormat.YAML,
        "db:\n  host: db01.prod.internal\n  password: hunter2\n  token-ttl-seconds: 300\nusers:\n  - name: Jane Doe\n");
    JsonNode n = new YAMLMapper().readTree(out);
    assertThat(n.at("/db/host").asText()).isEqualTo("<host>");
    assertThat(n.at("/db/password").asText()).isEqualTo("<secret>");
    assertThat(n.at("/db/token-ttl-seconds").asInt()).isEqualTo(300);
    assertThat(n.at("/users/0/name").asText()).isEqualTo("<name>");
  }

  @Test
  void propertiesKeepLayoutAndComments() {
    String in = "# admin: ops@example.org\nspring.datasource.password = s3cr3t\n"
        + "spring.datasource.url=jdbc:postgresql://db.prod.internal/app\nldap.password:multi\\\n  line\nx=${SECRET}\n";
    assertThat(redact(StructuredFormat.PROPERTIES, in)).isEqualTo(
        "# admin: <email>\nspring.datasource.password = <secret>\n"
            + "spring.datasource.url=jdbc:postgresql://<host>/app\nldap.password:<secret>\nx=${SECRET}\n");
  }

  @Test
  void envFilesKeepQuotesAndComments() {
    String in = "# prod\nexport DB_PASSWORD=\"p@ss word\"\nNEO4J_AUTH=neo4j/secret1\nLOG_LEVEL=info # quiet\nPWD_FILE=/run/x\n";
    assertThat(redact(StructuredFormat.ENV, in)).isEqualTo(
        "# prod\nexport DB_PASSWORD=\"<secret>\"\nNEO4J_AUTH=<secret>\nLOG_LEVEL=info # quiet\nPWD_FILE=/run/x\n");
  }

  @Test
  void pgpassFilesByFieldNotByKey() {
    String in = "# the replicas, see ops@example.org\n"
        + "db.prod.internal:5432:app:alice:PgPass1\n"
        + "*:*:*:replicator:with\\:colon\\\\and:unescaped\n"
        + "localhost:5432:*:*:${PGPASSWORD}\n"
        + "not a pgpass line\n";
    assertThat(redact(StructuredFormat.PGPASS, in)).isEqualTo("# the replicas, see <email>\n"
        + "<host>:5432:app:<user>:<secret>\n"
        + "*:*:*:<user>:<secret>\n"
        + "localhost:5432:*:*:${PGPASSWORD}\n"
        + "not a pgpass line\n");
  }

  @Test
  void urlQueryByKeyAndValue() {
    assertThat(redact(StructuredFormat.URL_QUERY,
        "https://u:p4ss@api.prod.internal/x?user=jdoe&password=a%26b&mail=a%40example.org&page=2#top"))
        .isEqualTo("https://<user>:<secret>@<host>/x?user=%3Cuser%3E&password=%3Csecret%3E&mail=%3Cemail%3E&page=2#top");
  }
}
