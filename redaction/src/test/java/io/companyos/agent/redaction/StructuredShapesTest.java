package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON and YAML shapes where no single key names the secret (from the blind configuration documents). */
class StructuredShapesTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  private static JsonNode yaml(String doc) throws Exception {
    return new YAMLMapper().readTree(MASK.redactStructured(StructuredFormat.YAML, doc, new RedactionCounter()));
  }

  private static List<JsonNode> yamlDocuments(String doc) throws Exception {
    String out = MASK.redactStructured(StructuredFormat.YAML, doc, new RedactionCounter());
    return new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(out).readAll();
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

  @Test
  void aKubernetesSecretsStringDataAndDataAreSecretsWhateverTheirKeys() throws Exception {
    List<JsonNode> docs = yamlDocuments("apiVersion: v1\nkind: Secret\nstringData:\n  config.yaml: |\n"
        + "    smtp: relay-pass-1\n  license: CO-LIC-7F3A\ndata:\n  license-key: Q08tTElD\n  tls.crt: eA==\n---\n"
        + "apiVersion: v1\ndata:\n  license-key: Q08tTElDLTdGM0EtOTlCMi1YSzQx\n  short: eA==\nkind: Secret\n---\n"
        + "apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: info\n  blob: Q08tTElDLTdGM0EtOTlCMi1YSzQx\n---\n"
        + "apiVersion: v1\ndata:\n  LOG_LEVEL: info\n  blob: Q08tTElDLTdGM0EtOTlCMi1YSzQx\nkind: ConfigMap\n---\n"
        + "data:\n  id: Q08tTElDLTdGM0EtOTlCMi1YSzQx\n");
    assertThat(docs.get(0).at("/stringData/config.yaml").asText()).isEqualTo("<secret>");
    assertThat(docs.get(0).at("/stringData/license").asText()).isEqualTo("<secret>");
    assertThat(docs.get(0).at("/data/license-key").asText()).isEqualTo("<secret>");
    assertThat(docs.get(0).at("/data/tls.crt").asText()).isEqualTo("<secret>");
    // as kubectl writes it, data before kind: the base64 values (of 9 bytes or more) are taken
    assertThat(docs.get(1).at("/data/license-key").asText()).isEqualTo("<secret>");
    assertThat(docs.get(1).at("/data/short").asText()).isEqualTo("eA==");
    // a ConfigMap's data is not secret once its kind is known; before it, a base64 value is taken
    assertThat(docs.get(2).at("/data/blob").asText()).isEqualTo("Q08tTElDLTdGM0EtOTlCMi1YSzQx");
    assertThat(docs.get(3).at("/data/LOG_LEVEL").asText()).isEqualTo("info");
    assertThat(docs.get(3).at("/data/blob").asText()).isEqualTo("<secret>");
    // not a Kubernetes object (no apiVersion): data is an ordinary key
    assertThat(docs.get(4).at("/data/id").asText()).isEqualTo("Q08tTElDLTdGM0EtOTlCMi1YSzQx");
  }

  @Test
  void aStringThatIsAJsonObjectIsRedactedAsOne() throws Exception {
    JsonNode n = new ObjectMapper().readTree(json("{\"credentials\":[{\"type\":\"password\","
        + "\"secretData\":\"{\\\"value\\\":\\\"Zk9yQ2V4YW1w\\\",\\\"salt\\\":\\\"Ym9ic2FsdA==\\\"}\","
        + "\"credentialData\":\"{\\\"hashIterations\\\": 27500, \\\"algorithm\\\": \\\"pbkdf2-sha256\\\"}\"}],"
        + "\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"v1\\\","
        + "\\\"kind\\\":\\\"Secret\\\",\\\"stringData\\\":{\\\"url\\\":\\\"postgres://u:p@h/db\\\"}}\\n\"},"
        + "\"policy\":\"{\\\"Version\\\": \\\"2012-10-17\\\"}\",\"odd\":\"{not json}\"}"));
    assertThat(n.at("/credentials/0/secretData").asText()).isEqualTo("{\"value\":\"<secret>\",\"salt\":\"<secret>\"}");
    // nothing to redact in it: kept as it was, spaces and all
    assertThat(n.at("/credentials/0/credentialData").asText())
        .isEqualTo("{\"hashIterations\": 27500, \"algorithm\": \"pbkdf2-sha256\"}");
    assertThat(n.at("/annotations/kubectl.kubernetes.io~1last-applied-configuration").asText())
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"stringData\":{\"url\":\"<secret>\"}}");
    assertThat(n.at("/policy").asText()).isEqualTo("{\"Version\": \"2012-10-17\"}");
    assertThat(n.at("/odd").asText()).isEqualTo("{not json}");
    assertThat(n.at("/credentials")).isInstanceOf(ArrayNode.class);
  }

  @Test
  void aUrlsPasswordWithHashQuestionMarkSlashOrAtIsReplacedWhole() throws Exception {
    String env = "DATABASE_URL=\"postgresql://app:env-Db-P4ss!#word@pg.prod.internal:5432/app?sslmode=require\"\n"
        + "REDIS_URL=redis://:pa/ss@cache.prod.internal:6379/0\nMONGO=mongodb://u:p@ss@mongo.prod.internal\n"
        + "PLAIN=https://app:plain1@h.prod.internal/x\nPAGE=https://example.com:8080/a/b@c\n";
    assertThat(MASK.redactStructured(StructuredFormat.ENV, env, new RedactionCounter())).isEqualTo(
        "DATABASE_URL=\"postgresql://<user>:<secret>@<host>:5432/app?sslmode=require\"\n"
            + "REDIS_URL=redis://:<secret>@<host>:6379/0\nMONGO=mongodb://<user>:<secret>@<host>\n"
            + "PLAIN=https://<user>:<secret>@<host>/x\nPAGE=https://example.com:8080/a/b@c\n");
    assertThat(yaml("db:\n  url: jdbc:postgresql://app:s3c?ret@pg.prod.internal/app\n").at("/db/url").asText())
        .isEqualTo("jdbc:postgresql://<user>:<secret>@<host>/app");
  }

  /**
   * Values built to make a backtracking matcher work hard on the URL shape (many {@code @}, a long dotted host
   * before a byte no host has): each is redacted in well under a second, with no StackOverflowError, and its
   * characters that are no credential stay.
   */
  @Test
  void hostileUrlValuesAreRedactedInLinearTime() {
    String[] values = {
        "a://u:" + "@".repeat(4000) + "!",
        "a://u:#" + "@a".repeat(2000) + "!",
        "a://u:#@" + "a.".repeat(2000) + "!",
        "a://u:" + "#@a.a".repeat(800) + "!",
        "a://u:" + "/@".repeat(2000) + "!"};
    for (String v : values) {
      long start = System.nanoTime();
      String out = MASK.redactStructured(StructuredFormat.ENV, "X=" + v + "\n", new RedactionCounter());
      assertThat(out).startsWith("X=a://");
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms for a value of %d bytes", v.length())
          .isLessThan(2_000);
    }
  }

  @Test
  void aLicenseKeyIsASecretInDocumentsAndUnderItsSnakeOrKebabKeyInLogLines() throws Exception {
    JsonNode n = yaml("env:\n  - name: LICENSE_KEY\n    value: CO-LIC-7F3A-99B2\ncompanyos:\n  licenseKey: CO-LIC-7F3A-99B3\n"
        + "  license-key-file: /etc/companyos/license.asc\n");
    assertThat(n.at("/env/0/value").asText()).isEqualTo("<secret>");
    assertThat(n.at("/companyos/licenseKey").asText()).isEqualTo("<secret>");
    assertThat(n.at("/companyos/license-key-file").asText()).isEqualTo("/etc/companyos/license.asc");
    assertThat(MASK.redactStructured(StructuredFormat.PROPERTIES, "companyos.license.key=CO-LIC-7F3A-99B4\n",
        new RedactionCounter())).isEqualTo("companyos.license.key=<secret>\n");
    // (session 25) license_key and license-key in log lines too; licenseKey and license.key in documents only
    assertThat(MASK.redact("LICENSE_KEY=CO-LIC-7F3A-99B5")).isEqualTo("LICENSE_KEY=<secret>");
    assertThat(MASK.redact("X-License-Key: CO-LIC-7F3A-99B6")).isEqualTo("X-License-Key: <secret>");
    assertThat(MASK.redact("license-key-file: /etc/companyos/license.asc"))
        .isEqualTo("license-key-file: /etc/companyos/license.asc");
  }

  @Test
  void aPgpassFilesHeaderCommentIsKept() {
    assertThat(MASK.redactStructured(StructuredFormat.PGPASS, "# hostname:port:database:username:password\n"
        + "#hostname:port:database:username:password\n# ops: username:alice\n", new RedactionCounter()))
        .isEqualTo("# hostname:port:database:username:password\n#hostname:port:database:username:password\n"
            + "# ops: username:<user>\n");
  }

  @Test
  void harCookiesAreRedactedWhateverTheirNamesAndTheFileStaysValid() throws Exception {
    String har = "{\"log\":{\"entries\":[{\"request\":{\"headers\":["
        + "{\"name\":\"Cookie\",\"value\":\"JSESSIONID=9D1E2F3A4B5C6D7E8F90; remember_me=eyJ1c2VyIjoiamFuZSJ9; x=1\"},"
        + "{\"name\":\"Accept\",\"value\":\"text/html\"}],"
        + "\"cookies\":[{\"name\":\"remember_me\",\"value\":\"eyJ1c2VyIjoiamFuZSJ9\",\"path\":\"/\"},"
        + "{\"name\":\"theme\",\"value\":\"dark\"}]},"
        + "\"response\":{\"headers\":[{\"name\":\"Set-Cookie\",\"value\":\"sid=s%3Aab12Cd34Ef56; Path=/; HttpOnly\"}],"
        + "\"cookies\":[{\"name\":\"sid\",\"value\":\"s%3Aab12Cd34Ef56\",\"httpOnly\":true}]}}]}}";
    JsonNode n = new ObjectMapper().readTree(json(har));
    JsonNode request = n.at("/log/entries/0/request");
    assertThat(request.at("/headers/0/value").asText()).isEqualTo("JSESSIONID=<secret>; remember_me=<secret>; x=1");
    assertThat(request.at("/headers/1/value").asText()).isEqualTo("text/html");
    assertThat(request.at("/cookies/0/value").asText()).isEqualTo("<secret>");
    assertThat(request.at("/cookies/0/name").asText()).isEqualTo("remember_me");
    assertThat(request.at("/cookies/0/path").asText()).isEqualTo("/");
    assertThat(request.at("/cookies/1/value").asText()).isEqualTo("dark");
    JsonNode response = n.at("/log/entries/0/response");
    assertThat(response.at("/headers/0/value").asText()).isEqualTo("sid=<secret>; Path=/; HttpOnly");
    assertThat(response.at("/cookies/0/value").asText()).isEqualTo("<secret>");
    assertThat(response.at("/cookies/0/httpOnly").asBoolean()).isTrue();
    // an OAuth code as a HAR pair and in a token request; an error's code stays
    JsonNode codes = new ObjectMapper().readTree(json("{\"queryString\": [{\"name\": \"code\", \"value\": "
        + "\"0.AX0Abd68ZkQ6vbrrEGkxKG59TO4WJ1eDQfl\"}], \"token_request\": {\"code\": \"2amwNKTJUq1d5ou2Z3OgLXkJ\"},"
        + " \"error\": {\"code\": \"ECONNRESET\"}, \"status\": {\"code\": 404}}"));
    assertThat(codes.at("/queryString/0/value").asText()).isEqualTo("<secret>");
    assertThat(codes.at("/token_request/code").asText()).isEqualTo("<secret>");
    assertThat(codes.at("/error/code").asText()).isEqualTo("ECONNRESET");
    assertThat(codes.at("/status/code").asInt()).isEqualTo(404);
  }

  @Test
  void anErrorTrackersCookiesMapAndStringAreRedactedButCookieSettingsStay() throws Exception {
    JsonNode n = new ObjectMapper().readTree(json("{\"request\":{\"cookies\":{\"sessionid\":\"q8w7e6r5t4y3u2i1\","
        + "\"theme\":\"dark\",\"n\":3},\"headers\":{\"Cookie\":\"sessionid=q8w7e6r5t4y3u2i1; theme=dark\"}},"
        + "\"cookies\":\"sid=abcdefgh12345678; x=1\","
        + "\"settings\":{\"cookies\":{\"domain\":\"portal.example.com\",\"sameSite\":\"Strict\"}}}"));
    assertThat(n.at("/request/cookies/sessionid").asText()).isEqualTo("<secret>");
    assertThat(n.at("/request/cookies/theme").asText()).isEqualTo("dark");
    assertThat(n.at("/request/cookies/n").asInt()).isEqualTo(3);
    assertThat(n.at("/request/headers/Cookie").asText()).isEqualTo("sessionid=<secret>; theme=dark");
    assertThat(n.at("/cookies").asText()).isEqualTo("sid=<secret>; x=1");
    assertThat(n.at("/settings/cookies/domain").asText()).isEqualTo("portal.example.com");
    assertThat(n.at("/settings/cookies/sameSite").asText()).isEqualTo("Strict");
  }

  @Test
  void aHarBodyInBase64IsRedactedAndEncodedAgainButAnImageStays() throws Exception {
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    String body = "{\"stripeSecretKey\": \"sk_live_51MzZMEVIIk5PQBYl2fanJkm68geVvBS5\", \"email\": \"jane@example.com\"}";
    byte[] image = new byte[256];
    for (int i = 0; i < image.length; i++) {
      image[i] = (byte) i;
    }
    String clean = b64.encodeToString("{\"status\": \"ok\", \"items\": 3}".getBytes(StandardCharsets.UTF_8));
    String har = "{\"log\":{\"entries\":["
        + "{\"response\":{\"content\":{\"mimeType\":\"application/json\",\"text\":\""
        + b64.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\",\"encoding\":\"base64\"}}},"
        + "{\"response\":{\"content\":{\"mimeType\":\"image/png\",\"text\":\"" + b64.encodeToString(image)
        + "\",\"encoding\":\"base64\"}}},"
        + "{\"response\":{\"content\":{\"text\":\"" + clean + "\",\"encoding\":\"base64\"}}}]}}";
    JsonNode n = new ObjectMapper().readTree(json(har));
    String decoded = new String(java.util.Base64.getDecoder().decode(
        n.at("/log/entries/0/response/content/text").asText()), StandardCharsets.UTF_8);
    assertThat(decoded).isEqualTo("{\"stripeSecretKey\": \"<secret>\", \"email\": \"<email>\"}");
    assertThat(n.at("/log/entries/1/response/content/text").asText()).isEqualTo(b64.encodeToString(image));
    assertThat(n.at("/log/entries/2/response/content/text").asText()).isEqualTo(clean);
  }

  @Test
  void anErrorTrackersPairsAreTypedByTheirFirstItemButAListOfKeyNamesStays() throws Exception {
    JsonNode n = new ObjectMapper().readTree(json("{\"request\": {"
        + "\"query_string\": [[\"token\", \"Hq8Zr2LmX4vN7pKt1WsYd9FbGc3JeA6u\"], [\"tab\", \"billing\"]],"
        + "\"headers\": [[\"Cookie\", \"_app_session=Kk8Lm2Xz9Rt4Vb8Nc1Kd6; theme=dark\"], [\"Accept\", \"text/html\"]],"
        + "\"cookies\": [[\"_app_session\", \"Kk8Lm2Xz9Rt4Vb8Nc1Kd6\"], [\"theme\", \"dark\"]],"
        + "\"keys\": [[\"password\", \"email\", \"name\"]], \"matrix\": [[1, \"a\"], [\"password\", 5], [\"x\"]]}}"));
    JsonNode r = n.at("/request");
    assertThat(r.at("/query_string").toString()).isEqualTo("[[\"token\",\"<secret>\"],[\"tab\",\"billing\"]]");
    assertThat(r.at("/headers").toString())
        .isEqualTo("[[\"Cookie\",\"_app_session=<secret>; theme=dark\"],[\"Accept\",\"text/html\"]]");
    assertThat(r.at("/cookies").toString()).isEqualTo("[[\"_app_session\",\"<secret>\"],[\"theme\",\"dark\"]]");
    assertThat(r.at("/keys").toString()).isEqualTo("[[\"password\",\"email\",\"name\"]]");
    assertThat(r.at("/matrix").toString()).isEqualTo("[[1,\"a\"],[\"password\",5],[\"x\"]]");
  }

  @Test
  void aByteOrderMarkIsKeptAndTheDocumentStillParses() throws Exception {
    String out = json("\uFEFF{\n\t\"values\": [{\"key\": \"password\", \"value\": \"Hunter2two\"}]\n}\n");
    assertThat(out).startsWith("\uFEFF{");
    assertThat(new ObjectMapper().readTree(out.substring(1)).at("/values/0/value").asText()).isEqualTo("<secret>");
    assertThat(new YAMLMapper().readTree(MASK.redactStructured(StructuredFormat.YAML, "\uFEFFpassword: Hunter2two\n",
        new RedactionCounter()).replace("\uFEFF", "")).at("/password").asText()).isEqualTo("<secret>");
  }

  @Test
  void fieldsThatTheirObjectsKeyTypesAsTheTextScanDoes() throws Exception {
    JsonNode n = new ObjectMapper().readTree(json("{\"name\": {\"givenName\": \"Jill\", \"formatted\": \"Jill Valentine\"},"
        + " \"addresses\": [{\"formatted\": \"100 Universal City Plaza\"}], \"user\": {\"id\": \"sconnor\"},"
        + " \"usr\": {\"id\": \"usr_01HRXC9Z2K\"}, \"attrs\": {\"$displayName\": {\"value\": \"Grace Liu\"},"
        + " \"$idfa\": {\"value\": \"FDDBD43A-83DF-40DE-8308-26E79FB59552\"}, \"plan\": {\"value\": \"pro\"}},"
        + " \"display\": {\"formatted\": \"1,024 MB\"}}"));
    assertThat(n.at("/name/formatted").asText()).isEqualTo("<name>");
    assertThat(n.at("/addresses/0/formatted").asText()).isEqualTo("<address>");
    assertThat(n.at("/user/id").asText()).isEqualTo("<user>");
    assertThat(n.at("/usr/id").asText()).isEqualTo("usr_01HRXC9Z2K"); // a record's id
    assertThat(n.at("/attrs/$displayName/value").asText()).isEqualTo("<name>");
    assertThat(n.at("/attrs/$idfa/value").asText()).isEqualTo("<device_id>");
    assertThat(n.at("/attrs/plan/value").asText()).isEqualTo("pro");
    assertThat(n.at("/display/formatted").asText()).isEqualTo("1,024 MB");
  }
}
