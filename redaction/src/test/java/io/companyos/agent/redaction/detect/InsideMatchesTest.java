package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A match may have swallowed the start of another secret that reaches past it ({@code user= +49 30 98765432}: the
 * user slot takes {@code +49}). {@link CatalogScanner#scan} does not jump over a match before it has looked inside
 * it (see there). This checks that it loses nothing by it: on text made of secrets, key words, addresses and words
 * glued together with no or odd separators (no tokens of ours: the scan passes over those whole, so that redacting
 * twice equals redacting once), every byte that a scanner trying every pattern and every trigger at
 * every position finds is found by {@code scan} too.
 */
class InsideMatchesTest {
  private static final List<Trigger> CATALOG =
      TriggerCatalog.build(List.of("acme-corp.com"), List.of("acme", "falcon", "Acme Corp"));
  private static final CatalogScanner SCANNER = TestScanners.allOn(CATALOG);

  private static final List<String> PIECES = List.of(
      "jane.roe@example.org", "bob@db01.prod.internal", "10.20.30.40", "192.168.1.7", "10.9.8.7 - amira [",
      "2001:db8:1234::42", "fe80::1%eth0", "::ffff:192.0.2.1", "3c:22:fb:a1:b2:c3", "3c-22-fb-a1-b2-c3",
      "3c22.fba1.b2c3", "+49 30 98765432", "(415) 555-0100", "415 555 0100", "4111 1111 1111 1111",
      "4111111111111111", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "078-05-1120",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlLXh5eg", "AKIAIOSFODNN7EXAMPLE", "ssh jdoe@", "[2001:db8::9]",
      "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "password=", "password=Tr0ub4dor&3x", "pw=", "token: ",
      "user=", "user= ", "Invalid user ", " from ", "Authorization: Bearer ", "Basic ", "-----BEGIN PRIVATE KEY-----",
      "\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----", "postgres://app:Sup3rS3cret@db:5432/x",
      "db01.prod.internal", "node-10-1-2-3.acme-corp.com", "acme", "Acme Corp", "falcon", "/home/amira/x",
      "C:\\Users\\amira\\x", "%40example.org", "%2B4930987654321", "aws_secret_access_key ",
      "TIM9wmZhP2VoderMPO3WuwboBiIORNzOknfXCrVq", "\"name\": \"Jan de Vries\"", "CN=Jane Roe,OU=x", "xoxb-123-456-abc",
      "sk_live_abcdefghijklmnop1234", "hvs.CAESIabcdefghijklmnopqrstuv", "-pMyPw12345", "--password ", "secret",
      "12:00:01.123", "2024-03-04 ", "v1.2.3", "200", "0.5", "ab12", "x", "Z", "-", ".", ":", "::", "@", "+", "(", ")",
      "=", "\"", "'", ",", ";", "/", "#", "?", "&", " ", " ", " ", "\n", "\t", "",
      "Cookie: theme=dark; SID=CookieVal123", "curl -u bob:CurlPw12345", "sshpass -p SshPw12345",
      "ldapsearch -D cn=Jane Roe,dc=example,dc=org -w LdapPw123", "AUTH PLAIN AGJvYkBleGFtcGxlLm9yZwBTbXRwUHcxMg==",
      "/cb?state=1&code=4f1c7a9e3b1d4c5e9f8a1b2c", "jdbc:oracle:thin:app/OraPw2026x@//ora1:1521/P",
      "arn:aws:iam::123456789012:user/amira.w", "sudo[4242]:  amira : TTY=pts/1 ; PWD=/tmp", "\"user.name\":\"amira_w\"",
      "SecretID: 7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b", "app.encryption.key=EncKey0123456789", "To=%2B4930987654321",
      "session opened for user root(uid=0) by amira(uid=1001)", "Author: Amira Okafor <a.okafor@example.org>",
      "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "dckr_pat_aBcDeFgHiJkLmNoPqRsTuVwXyZ0",
      "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "[0 10.0.12.41:53122] \"AUTH\" \"MonitorPw123\"",
      "bob:$6$saltsalt$Z8Yq1lKfV3rQ2e9w0oVq5p3o9bQvG3yF5tW8cN1mD4kL7jH2gS6aP0iU3eR9tY1qX4zC8vB5nM2lK0jH7gF6d:19000");

  @Provide
  Arbitrary<String> gluedText() {
    return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 10000)
  void scanFindsWhatTryingEveryPositionFinds(@ForAll("gluedText") String text) {
    assertMissesNothing(text);
  }

  @Test
  void startsSwallowedByAMatchAreFound() {
    for (String text : List.of("user= +49 30 98765432 ok", "user= -----BEGIN PRIVATE KEY-----\nMIIEabc\n"
        + "-----END PRIVATE KEY-----\nnext", "user=x+49 30 98765432", "password=abc-----BEGIN PRIVATE KEY-----\nMIIE"
        + "\n-----END PRIVATE KEY-----", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2ln-DE89 3704 0044 0532 0130 00",
        "10.20.30.40password=hunter22", "jane@acme-corp.com,password=hunter22", "jane.roe@example.orgpassword=Tr0ub4dor&3x",
        "::4111 1111 1111 1111", "::10.9.8.7 - amira [10.20.30.40",
        // (session 31, found by the property) an address's local part taken by the match before it
        "Invalid user falconeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlLXh5eg10.20.30.40%40example.org")) {
      assertMissesNothing(text);
    }
  }

  private static void assertMissesNothing(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    BitSet found = TestScanners.covered(scan(b));
    BitSet everywhere = TestScanners.covered(tryEveryPosition(b));
    BitSet missed = (BitSet) everywhere.clone();
    missed.andNot(found);
    assertThat(missed.toString()).as("bytes of %s found when every position is tried, missed by scan", text)
        .isEqualTo("{}");
  }

  private static Scan scan(byte[] b) {
    Scan s = SCANNER.newScan(b);
    SCANNER.scan(s, 0, b.length);
    return s;
  }

  /** Every pattern and every trigger (a digit or capital at a word start) at every position, in position order. */
  private static Scan tryEveryPosition(byte[] b) {
    Scan s = SCANNER.newScan(b);
    for (int p = 0; p < b.length; p++) {
      SCANNER.onPatternsAt(s, p);
      int inf = SCANNER.info(b[p]);
      int prev = p > 0 ? SCANNER.info(b[p - 1]) : 0;
      boolean wordStartOnly = (inf & (CatalogScanner.T_DIGIT | CatalogScanner.T_UPPER)) != 0;
      if ((inf & CatalogScanner.T_ANY) != 0 && (inf & CatalogScanner.T_LT) == 0
          && (!wordStartOnly || (prev & CatalogScanner.WORD) == 0)) {
        SCANNER.onTrigger(s, inf, p);
      }
    }
    return s;
  }
}
