package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The red team on keys: secrets recognised by a key or a flag that used to leave (multi-line YAML, Terraform
 * blocks, .netrc entries, the structured paths) and what must stay around them. One-line cases are in
 * {@code corpus/labelled-keys.txt}.
 */
class KeyedLeaksTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  static Stream<Arguments> multiLine() {
    return Stream.of(
        Arguments.of("db:\n  password: |\n    BlockSecret1\n    second line\n  other: x\n",
            "db:\n  password: |\n    <secret>\n  other: x\n"),
        Arguments.of("token: >-\n  Folded\n\n  Secret2\nnext: 1\n", "token: >-\n  <secret>\nnext: 1\n"),
        Arguments.of("api_key: |+2 # the key\n    k3y\r\nx: y\r\n", "api_key: |+2 # the key\n    <secret>\r\nx: y\r\n"),
        Arguments.of("password: &pw !!str |\n  Tagged1\n", "password: &pw !!str |\n  <secret>\n"),
        Arguments.of("  - password: |\n      ItemBlock\n  - name: x\n", "  - password: |\n      <secret>\n  - name: x\n"),
        Arguments.of("password:\n  NextLinePw\nuser_count: 3\n", "password:\n  <secret>\nuser_count: 3\n"),
        Arguments.of("password:\n  - a\n", "password:\n  - <secret>\n"),
        Arguments.of("credentials:\n  - s3cr3t-one\n\n  - \"s3cr3t two\"  # old\n  - ${VAR}\nnext: 1\n",
            "credentials:\n  - <secret>\n\n  - \"<secret>\"  # old\n  - ${VAR}\nnext: 1\n"),
        Arguments.of("api_key:\n- k1-abc\n- 'k2 def'\nport: 80\n", "api_key:\n- <secret>\n- '<secret>'\nport: 80\n"),
        Arguments.of("  - tokens: x\n    token:\n      - t-1\n      - key: v\n",
            // (a plural key's value is a secret too since session 23: "tokens: x")
            "  - tokens: <secret>\n    token:\n      - <secret>\n      - key: v\n"),
        Arguments.of("machine api.example.com\n  login alice\n  password N3trc\n",
            "machine api.example.com\n  login <user>\n  password <secret>\n"),
        Arguments.of("machine api.example.com login alice\npassword N3trc\n",
            "machine api.example.com login <user>\npassword <secret>\n"),
        Arguments.of("default\nlogin anon7\npassword AnonPw\n", "default\nlogin <user>\npassword <secret>\n"),
        Arguments.of("machine h.example.com\n  password N3trc\n  login alice\n",
            "machine h.example.com\n  password <secret>\n  login <user>\n"),
        Arguments.of("machine h.example.com\npassword N3trc\r\nlogin alice\r\nmachine h2.example.com login bob\n",
            "machine h.example.com\npassword <secret>\r\nlogin <user>\r\nmachine h2.example.com login bob\n"),
        Arguments.of("machine h.example.com\npassword N3trc\nmachine h2.example.com login bob\n",
            "machine h.example.com\npassword <secret>\nmachine h2.example.com login bob\n"),
        Arguments.of("variable \"db_password\" {\n  type    = string\n  default = \"tf-secret\"\n}\n",
            "variable \"db_password\" {\n  type    = string\n  default = \"<secret>\"\n}\n"),
        Arguments.of("env:\n  - name: DB_PASSWORD\n    value: k8s-env-pw\n  - name: LOG_LEVEL\n    value: debug\n",
            "env:\n  - name: DB_PASSWORD\n    value: <secret>\n  - name: LOG_LEVEL\n    value: debug\n"),
        Arguments.of("- name: API_TOKEN\n  value: \"k8s-tok\" # quoted\n", "- name: API_TOKEN\n  value: \"<secret>\" # quoted\n"));
  }

  @ParameterizedTest
  @MethodSource("multiLine")
  void multiLineValuesAreReplaced(String in, String expected) throws IOException {
    assertThat(MASK.redact(in)).isEqualTo(expected);
    assertThat(stream(in)).isEqualTo(expected);
    assertThat(MASK.redact(expected)).as("redacting twice").isEqualTo(expected);
  }

  static Stream<String> multiLineNegatives() {
    return Stream.of(
        "password: |\nnot: indented\n",
        "credentials:\n  username_hint: x\n",
        "  - password:\n  - sibling-item\n",
        "secret:\n  - name: tls\n    key: tls.key\n",
        "secret:\n  -\n    nested: x\n",
        "password:\n  - [a, b]\n",
        "password:\nnext: - not an item\n",
        "secret:\n  # a comment\n",
        "key: |\n  not a secret key\n",
        "password_policy: |\n  min 12\n",
        "login failed: password expired\n",
        "machine api.example.com\n  login alice\n  port 443\n",
        "login alice\npassword reset requested by admin\n",
        "Password expired\npassword change required\n",
        "variable \"region\" {\n  default = \"eu-west-1\"\n}\n",
        "variable \"db_password\" {\n  type = string\n}\nlocals {\n  default = \"x\"\n}\n",
        "  - name: REDIS_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: redis, key: password}\n",
        "  - name: DB_PASSWORD\n  value: not-the-same-item\n");
  }

  @ParameterizedTest
  @MethodSource("multiLineNegatives")
  void multiLineNonSecretsStay(String in) throws IOException {
    assertThat(MASK.redact(in)).isEqualTo(in);
    assertThat(stream(in)).isEqualTo(in);
  }

  /** A block scalar reaching across the streaming engine's 1 MiB window cut is replaced whole. */
  @Test
  void aBlockAcrossTheWindowCutIsReplacedWhole() throws IOException {
    StringBuilder in = new StringBuilder();
    while (in.length() < (1 << 20) - 40) {
      in.append("2026-11-26 10:11:12 INFO ok\n");
    }
    in.append("password: |\n");
    for (int i = 0; i < 200; i++) {
      in.append("  BlockLine").append(i).append('\n');
    }
    in.append("done: 1\n");
    String out = stream(in.toString());
    assertThat(out).doesNotContain("BlockLine").endsWith("password: |\n  <secret>\ndone: 1\n");
  }

  static Stream<Arguments> envPrefixes() {
    return Stream.of(
        Arguments.of("PGPASSWORD=s3cr3t psql -h db.example.com -U app\n",
            "PGPASSWORD=<secret> psql -h db.example.com -U <user>\n"),
        Arguments.of("PGPASSWORD=s3cr3t pg_dump app > app.sql\n", "PGPASSWORD=<secret> pg_dump app > app.sql\n"),
        Arguments.of("MYSQL_PWD=My-Pw1 mysql\n", "MYSQL_PWD=<secret> mysql\n"),
        Arguments.of("export PGPASSWORD=s3cr3t PGUSER=app\n", "export PGPASSWORD=<secret> PGUSER=<user>\n"),
        Arguments.of("  REDIS_PASSWORD=r3d1s ./bin/check.sh\n", "  REDIS_PASSWORD=<secret> ./bin/check.sh\n"),
        Arguments.of("API_TOKEN=t0k3n /usr/local/bin/sync\n", "API_TOKEN=<secret> /usr/local/bin/sync\n"),
        // env and properties files keep their documented behaviour: the rest of the line is the value
        Arguments.of("DB_PASSWORD=correct horse battery staple\n", "DB_PASSWORD=<secret>\n"),
        Arguments.of("DB_PASSWORD=let us go psql\n", "DB_PASSWORD=<secret>\n"),
        Arguments.of("db.password=s3cr3t psql -h db\n", "db.password=<secret>\n"),
        Arguments.of("password: s3cr3t psql -h db\n", "password: <secret>\n"),
        Arguments.of("PASSWORD = s3cr3t psql -h db\n", "PASSWORD = <secret>\n"),
        Arguments.of("SECRET=abc -def\n", "SECRET=<secret>\n"));
  }

  /** {@code VAR=value cmd args}: the value of an environment prefix ends at its blank, the command stays. */
  @ParameterizedTest
  @MethodSource("envPrefixes")
  void anEnvironmentPrefixEndsBeforeItsCommand(String in, String expected) throws IOException {
    assertThat(MASK.redact(in)).isEqualTo(expected);
    assertThat(stream(in)).isEqualTo(expected);
    assertThat(MASK.redact(expected)).as("redacting twice").isEqualTo(expected);
  }

  /**
   * The user of a multi-line .netrc entry is on the line before its password: wherever the 1 MiB window's scan
   * limit falls in the entry (the streaming engine commits at a line end before it), that line is still there.
   */
  @Test
  void aMultiLineNetrcEntryAcrossTheWindowCutKeepsItsUserFound() throws IOException {
    String entry = "machine h.example.com\n  login alice\n  password N3trcPw\n";
    int scanLimit = (1 << 20) - 64 * 1024; // RedactingOutputStream: WINDOW - OVERLAP
    for (int at = 0; at < entry.length(); at++) {
      StringBuilder in = new StringBuilder();
      while (in.length() < scanLimit - at - 40) {
        in.append("2026-11-26 10:11:12 INFO ok\n");
      }
      in.append("x".repeat(scanLimit - at - in.length() - 1)).append('\n');
      in.append(entry).append("done\n".repeat(20_000));
      String out = stream(in.toString());
      assertThat(out).as("entry at the scan limit - %d", at).doesNotContain("alice").doesNotContain("N3trcPw")
          .contains("machine h.example.com\n  login <user>\n  password <secret>\n");
    }
  }

  /**
   * A .pgpass line has no key: the streaming engine must see all five fields wherever its 1 MiB window ends, in a
   * file of short lines and inside one line longer than the window (cut at a blank).
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 7, 12, 20, 33, 47, 64})
  void aPgpassLineAcrossTheWindowCutIsFoundWhole(int before) throws IOException {
    String entry = "db.example.com:5432:app:app_user:s3cr3t-Pw";
    String masked = "db.example.com:5432:app:<user>:<secret>";
    for (String sep : new String[] {"\n", " "}) {
      StringBuilder in = new StringBuilder();
      while (in.length() < (1 << 20) - before) {
        in.append("2026-11-26 10:11:12 INFO ok").append(sep);
      }
      in.setLength((1 << 20) - before);
      in.append(sep).append(entry).append(sep).append("done\n");
      String out = stream(in.toString());
      assertThat(out).doesNotContain("s3cr3t-Pw").doesNotContain("app_user").endsWith(masked + sep + "done\n");
      assertThat(MASK.redact(out)).as("redacting twice").isEqualTo(out);
    }
  }

  /** A sequence of secrets reaching across the streaming engine's 1 MiB window cut loses every item. */
  @Test
  void aSequenceAcrossTheWindowCutIsReplacedWhole() throws IOException {
    StringBuilder in = new StringBuilder();
    while (in.length() < (1 << 20) - 64 * 1024 - 40) {
      in.append("2026-11-26 10:11:12 INFO ok\n");
    }
    in.append("credentials:\n");
    for (int i = 0; i < 200; i++) {
      in.append("  - SeqItem").append(i).append('\n');
    }
    in.append("done: 1\n");
    String out = stream(in.toString());
    assertThat(out).doesNotContain("SeqItem").endsWith("credentials:\n" + "  - <secret>\n".repeat(200) + "done: 1\n");
  }

  @Test
  void yamlBlockScalarsUnderSecretKeysInTheStructuredPath() throws Exception {
    String out = MASK.redactStructured(StructuredFormat.YAML,
        "db:\n  password: |\n    BlockSecret1\n  token: >-\n    Folded\n  note: |\n    keep me\n", new RedactionCounter());
    JsonNode n = new YAMLMapper().readTree(out);
    assertThat(n.at("/db/password").asText()).isEqualTo("<secret>");
    assertThat(n.at("/db/token").asText()).isEqualTo("<secret>");
    assertThat(n.at("/db/note").asText()).isEqualTo("keep me\n");
    assertThat(out).doesNotContain("BlockSecret1").doesNotContain("Folded");
  }

  @Test
  void pwKeysInTheStructuredPaths() throws Exception {
    String json = MASK.redactStructured(StructuredFormat.JSON,
        "{\"pw\": \"J5on-pw1\", \"db_pw\": \"x9Y8z7\", \"pwa\": \"kept\", \"npw\": \"N1pw\"}", new RedactionCounter());
    JsonNode doc = new ObjectMapper().readTree(json);
    assertThat(doc.get("pw").asText()).isEqualTo("<secret>");
    assertThat(doc.get("db_pw").asText()).isEqualTo("<secret>");
    assertThat(doc.get("npw").asText()).isEqualTo("<secret>");
    assertThat(doc.get("pwa").asText()).isEqualTo("kept");
  }

  @Test
  void dockerConfigInTheStructuredPath() throws Exception {
    String out = MASK.redactStructured(StructuredFormat.JSON,
        "{\"auths\":{\"reg.example.com\":{\"auth\":\"YWxpY2U6c2VjcmV0cGFzcw==\",\"identitytoken\":\"idtok\"}},"
            + "\"x\":{\"registrytoken\":\"rt\"},\"auth\":\"ldap\"}", new RedactionCounter());
    JsonNode n = new ObjectMapper().readTree(out);
    assertThat(n.at("/auths/reg.example.com/auth").asText()).isEqualTo("<secret>");
    assertThat(n.at("/auths/reg.example.com/identitytoken").asText()).isEqualTo("<secret>");
    assertThat(n.at("/x/registrytoken").asText()).isEqualTo("<secret>");
    assertThat(n.at("/auth").asText()).isEqualTo("ldap");
  }

  @Test
  void namedEnvValuesInTheStructuredPaths() throws Exception {
    String json = MASK.redactStructured(StructuredFormat.JSON, "{\"env\":[{\"name\":\"DB_PASSWORD\",\"value\":\"pw1\"},"
        + "{\"name\":\"PORT\",\"value\":\"8080\"},{\"name\":\"Jane Doe\",\"value\":\"x\"}]}", new RedactionCounter());
    JsonNode n = new ObjectMapper().readTree(json);
    assertThat(n.at("/env/0/value").asText()).isEqualTo("<secret>");
    assertThat(n.at("/env/1/value").asText()).isEqualTo("8080");
    assertThat(n.at("/env/2/value").asText()).isEqualTo("x");
    String yaml = MASK.redactStructured(StructuredFormat.YAML,
        "env:\n- name: AWS_SECRET_ACCESS_KEY\n  value: abc\n- name: LOG_LEVEL\n  value: debug\n", new RedactionCounter());
    JsonNode y = new YAMLMapper().readTree(yaml);
    assertThat(y.at("/env/0/value").asText()).isEqualTo("<aws_secret>");
    assertThat(y.at("/env/1/value").asText()).isEqualTo("debug");
  }

  @Test
  void signaturesAndFlagsInTheStructuredPaths() {
    assertThat(MASK.redactStructured(StructuredFormat.URL_QUERY,
        "/c/b?sv=2020-08-04&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123%2B%3D&comp=list&sig2=1", new RedactionCounter()))
        .isEqualTo("/c/b?sv=2020-08-04&sig=%3Csecret%3E&comp=list&sig2=1");
    assertThat(MASK.redactStructured(StructuredFormat.PROPERTIES,
        "keystore.storepass=changeit\nsig=11\n", new RedactionCounter()))
        .isEqualTo("keystore.storepass=<secret>\nsig=11\n");
  }

  /** Every line of the hand-written corpus, redacted twice, equals it redacted once (no token is taken again). */
  @Test
  void theCorpusLinesRedactTwiceAsOnce() throws IOException {
    String corpus;
    try (var in = KeyedLeaksTest.class.getResourceAsStream("/corpus/labelled-keys.txt")) {
      corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Redactor pseudonyms = Redactor.builder().build();
    corpus.lines().filter(l -> !l.startsWith("##")).map(l -> l.replaceAll("«[a-z_0-9]+\\|(.*?)»", "$1"))
        .forEach(line -> {
          String once = pseudonyms.redact(line);
          assertThat(pseudonyms.redact(once)).as(line).isEqualTo(once);
          String masked = MASK.redact(line);
          assertThat(MASK.redact(masked)).as(line).isEqualTo(masked);
        });
  }

  private static String stream(String in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTripleQuotedValueIsTakenToItsClosingQuotes() {
    // grafana.ini: a password with # or ; goes in """…""" (else the INI reader cuts it at the comment)
    assertThat(MASK.redact("password = \"\"\"Sm#tp;Graf\"\"\"")).isEqualTo("password = \"\"\"<secret>\"\"\"");
    assertThat(MASK.redact("admin_password = \"\"\"a\"b\"\"\" ; note"))
        .isEqualTo("admin_password = \"\"\"<secret>\"\"\" ; note");
    // not closed on its line, or empty: nothing to take, as for "" and an unclosed "
    assertThat(MASK.redact("password = \"\"\"open\nnext=1")).isEqualTo("password = \"\"\"open\nnext=1");
    assertThat(MASK.redact("password = \"\"\"\"\"\"")).isEqualTo("password = \"\"\"\"\"\"");
  }

  @Test
  void springSecuritysNoopPasswordIsThePasswordNotATemplate() {
    assertThat(MASK.redact("spring.security.user.password={noop}Hunter2Plain"))
        .isEqualTo("spring.security.user.password=<secret>");
    assertThat(MASK.redactStructured(StructuredFormat.YAML, "user:\n  password: \"{noop}Hunter2Plain\"\n",
        new RedactionCounter())).contains("password: \"<secret>\"").doesNotContain("Hunter2");
    // still templates: {{ x }}, {X}, and {noop} with nothing after it
    assertThat(MASK.redact("password={{ .Values.pw }} token={X} secret={noop}"))
        .isEqualTo("password={{ .Values.pw }} token={X} secret={noop}");
  }
}
