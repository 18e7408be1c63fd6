package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Laws that hold for all inputs. */
class RedactionPropertiesTest {
  private static final Redactor REDACTOR = Redactor.builder().keywords(List.of("Falcon")).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A secret of each type, with the part that must not survive. */
  private static final List<Tuple.Tuple2<String, String>> SECRETS =
      List.of(
          Tuple.of("jane.roe@example.org", "jane.roe@example.org"),
          Tuple.of("10.20.30.40", "10.20.30.40"),
          Tuple.of("2001:db8:1234::42", "2001:db8:1234::42"),
          Tuple.of("3c:22:fb:a1:b2:c3", "3c:22:fb:a1:b2:c3"),
          Tuple.of("+49 30 98765432", "98765432"),
          Tuple.of("4111 1111 1111 1111", "4111 1111 1111 1111"),
          Tuple.of("DE89370400440532013000", "DE89370400440532013000"),
          Tuple.of("078-05-1120", "078-05-1120"),
          Tuple.of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlLXh5eg", "eyJzdWIiOiJ4eXoifQ"),
          Tuple.of("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
          Tuple.of("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"),
          Tuple.of("password=Tr0ub4dor&3x", "Tr0ub4dor"),
          Tuple.of("Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345"),
          Tuple.of("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
              "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"),
          Tuple.of("postgres://app:Sup3rS3cret@db:5432/x", "Sup3rS3cret"),
          Tuple.of("db01.prod.internal", "db01.prod.internal"),
          Tuple.of("project falcon", "falcon"),
          Tuple.of("tls.key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBdGVzdA==",
              "UFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBdGVzdA"),
          Tuple.of("MC4CAQAwBQYDK2VwBCIEIPropertyPropertyPropertyPropertyPropertyProp",
              "PropertyPropertyPropertyPropertyPropertyProp"),
          Tuple.of("bob:$6$saltsalt$Z8Yq1lKfV3rQ2e9w0oVq5p3o9bQvG3yF5tW8cN1mD4kL7jH2gS6aP0iU3eR9tY1qX4zC8vB5nM2lK0jH7gF6d"
              + ":19000", "Z8Yq1lKfV3rQ2e9w0oVq5p3o9bQvG3yF5tW8cN1m"),
          Tuple.of("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
              "B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
          Tuple.of("dckr_pat_aBcDeFgHiJkLmNoPqRsTuVwXyZ0", "dckr_pat_aBcDeFgHiJkLmNoPqRsTuVwXyZ0"),
          Tuple.of("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
          Tuple.of("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..UHJvcGVydHlJdg.UHJvcGVydHlDaXBoZXJ0ZXh0.UHJvcGVydHlUYWdUYWc",
              "UHJvcGVydHlDaXBoZXJ0ZXh0"),
          Tuple.of("IQoJb3JpZ2luX2VjE" + "aBcDeFgH1/2+".repeat(10), "aBcDeFgH1/2+aBcDeFgH1/2+aBcDeFgH1/2+"),
          Tuple.of("Cookie: theme=dark; SID=CookieVal123", "CookieVal123"),
          Tuple.of("curl -u bob:CurlPw12345", "CurlPw12345"),
          Tuple.of("sshpass -p SshPw12345", "SshPw12345"),
          Tuple.of("mysql -pMyPw12345", "MyPw12345"),
          Tuple.of("ldapsearch -D cn=Jane Roe,dc=example,dc=org -w LdapPw123", "LdapPw123"),
          Tuple.of("Authorization: token tok0123456789abcdef", "tok0123456789abcdef"),
          Tuple.of("AUTH PLAIN AGJvYkBleGFtcGxlLm9yZwBTbXRwUHcxMg==", "AGJvYkBleGFtcGxlLm9yZwBTbXRwUHcxMg"),
          Tuple.of("/cb?state=1&code=4f1c7a9e3b1d4c5e9f8a1b2c", "4f1c7a9e3b1d4c5e9f8a1b2c"),
          Tuple.of("jdbc:oracle:thin:app/OraPw2026x@//ora1:1521/P", "OraPw2026x"),
          Tuple.of("client-key-data: c2VjcmV0LWtleS1kYXRhLWJ5dGVz", "c2VjcmV0LWtleS1kYXRhLWJ5dGVz"),
          Tuple.of("Unseal Key 3: UnsealShareUnsealShare0123456789+/ab", "UnsealShareUnsealShare0123456789"),
          Tuple.of("arn:aws:iam::123456789012:user/amira.w", "amira.w"),
          Tuple.of("sudo[4242]:  amira : TTY=pts/1 ; PWD=/tmp", "amira"),
          Tuple.of("name=\"Jan de Vries\"", "Vries"),
          Tuple.of("\"user.name\":\"amira_w\"", "amira_w"),
          Tuple.of("[0 10.0.12.41:53122] \"AUTH\" \"MonitorPw123\"", "MonitorPw123"),
          Tuple.of("SecretID: 7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b", "7e8f9a0b-1c2d-4e3f"),
          Tuple.of("app.encryption.key=EncKey0123456789", "EncKey0123456789"),
          Tuple.of("To=%2B4930987654321", "4930987654321"),
          Tuple.of("sudo:    amira : TTY=pts/1 ; PWD=/tmp", "amira"),
          Tuple.of("session opened for user root(uid=0) by amira(uid=1001)", "amira"),
          Tuple.of("su: (to postgres) amira on pts/1", "amira"),
          Tuple.of("BIND dn=\"uid=amira,ou=people,dc=example,dc=org\"", "amira"),
          Tuple.of("Author: Amira Okafor <a.okafor@example.org>", "Okafor"),
          Tuple.of("type=EXECVE argc=2 a0=\"mysql\" a1=\"-pAuditPw12345\"", "AuditPw12345"),
          Tuple.of("10.9.8.7 - amira [26/Nov/2026:10:12:02 +0000] \"GET / HTTP/1.1\"", "amira"));

  @Provide
  Arbitrary<String> logText() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("INFO", "ERROR", "GET", "/api/v2/x", "took", "ms", "user", "id=42", "200", "0.5",
            "2024-03-04", "12:00:01.123", "traceId=0af7651916cd43dd8448eb211c80319c", "[main]", "c.a.Foo", "-", "{}",
            "\"x\":1", "k=v", "offset", "v1.2.3", "\tat", "(Foo.java:12)", "::", "a:b", "(", ")", ",", "+", "@"),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
        Arbitraries.integers().between(0, 99999).map(String::valueOf));
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", "\n", ", ", "\t");
    return Combinators.combine(word, sep).as((w, s) -> w + s).list().ofMaxSize(40)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, String>> secret() {
    return Arbitraries.of(SECRETS);
  }

  @Property(tries = 300)
  void aPlantedSecretNeverSurvives(
      @ForAll("logText") String text, @ForAll("secret") Tuple.Tuple2<String, String> secret,
      @ForAll double where) {
    int at = (int) (Math.abs(where) % 1.0 * text.length());
    while (at > 0 && text.charAt(at - 1) != ' ' && text.charAt(at - 1) != '\n') {
      at--;
    }
    String planted = text.substring(0, at) + " " + secret.get1() + " " + text.substring(at);
    assertThat(REDACTOR.redact(planted)).doesNotContainIgnoringCase(secret.get2());
  }

  /** The edges of the input: nothing before the secret, or nothing after it (the last bytes of a file or value). */
  @Property(tries = 300)
  void aSecretAtTheVeryStartOrEndOfTheInputNeverSurvives(
      @ForAll("logText") String text, @ForAll("secret") Tuple.Tuple2<String, String> secret) {
    String s = secret.get1();
    assertThat(REDACTOR.redact(s)).as("alone").doesNotContainIgnoringCase(secret.get2());
    assertThat(REDACTOR.redact(s + " " + text)).as("first").doesNotContainIgnoringCase(secret.get2());
    assertThat(REDACTOR.redact(text + " " + s)).as("last").doesNotContainIgnoringCase(secret.get2());
    assertThat(REDACTOR.redact(text + "\n" + s)).as("last line").doesNotContainIgnoringCase(secret.get2());
    for (String edge : List.of(s, s + " " + text, text + " " + s)) {
      String once = REDACTOR.redact(edge);
      assertThat(REDACTOR.redact(once)).as("twice").isEqualTo(once);
    }
  }

  @Property(tries = 300)
  void redactingTwiceEqualsRedactingOnce(
      @ForAll("logText") String text, @ForAll("secret") Tuple.Tuple2<String, String> secret) {
    String once = REDACTOR.redact(text + " " + secret.get1() + " " + text);
    assertThat(REDACTOR.redact(once)).isEqualTo(once);
  }

  @Provide
  Arbitrary<Object> jsonValue() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.of(SECRETS).map(t -> (Object) t.get1()),
        Arbitraries.of("Cookie", "token", "password", "sid=Qm9iYnlUYWJsZXMxMjM; x=1").map(t -> (Object) t),
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().between(1_000_000_000_000L, 9_999_999_999_999_999L).map(l -> (Object) l),
        Arbitraries.of(true, false).map(b -> (Object) b));
    // (cookies, code, value, formatted, id, Cookie: the JSON path's rules by an object's or a pair's name)
    Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("password", "name", "email", "token", "user",
        "displayName", "ssn", "items", "offset", "a@b.io", "cookies", "code", "value", "formatted", "id", "Cookie"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6));
    return Arbitraries.recursive(() -> scalar,
        v -> Arbitraries.oneOf(
            Arbitraries.maps(key, v).ofMaxSize(4).map(m -> (Object) m),
            v.list().ofMaxSize(3).map(l -> (Object) l)),
        3);
  }

  @Property(tries = 200)
  void aValidJsonDocumentStaysValid(@ForAll("jsonValue") Object value) throws Exception {
    String doc = JSON.writeValueAsString(Map.of("root", value));
    String out = REDACTOR.redactStructured(StructuredFormat.JSON, doc, new RedactionCounter());
    JsonNode parsed = JSON.readTree(out);
    assertThat(parsed.has("root")).isTrue();
    // the same document: every object with its keys, every array with its length (a pair's second item is held back
    // until the array ends, so nothing may be lost or doubled there), a scalar where a scalar was
    assertThat(shape(parsed.get("root"))).isEqualTo(shape(JSON.valueToTree(value)));
  }

  /** The document with every scalar replaced by one mark, and every key that the redaction keeps as it was. */
  private static String shape(JsonNode n) {
    if (n.isObject()) {
      StringBuilder b = new StringBuilder("{");
      n.fields().forEachRemaining(e -> b.append(e.getKey().contains("@") || e.getKey().startsWith("<") ? "<key>"
          : e.getKey()).append(':').append(shape(e.getValue())).append(','));
      return b.append('}').toString();
    }
    if (n.isArray()) {
      StringBuilder b = new StringBuilder("[");
      n.forEach(e -> b.append(shape(e)).append(','));
      return b.append(']').toString();
    }
    return "s";
  }
}
