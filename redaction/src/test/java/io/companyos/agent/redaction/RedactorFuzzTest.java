package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fuzz targets for the redaction engine (Jazzer). Without {@code JAZZER_FUZZ} they run as regression tests on the
 * inputs under {@code src/test/resources/io/companyos/agent/redaction/RedactorFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one of them fuzzes (see README, "Fuzzing"). Each input must take under {@link #BOUND}: a
 * generous bound (inputs are at most a few KiB and take well under a millisecond) that catches a runaway scan or a
 * catastrophic pattern, not a performance figure. (JUnit's {@code @Timeout} would also cut the whole fuzzing run.)
 */
class RedactorFuzzTest {
  static final Duration BOUND = Duration.ofSeconds(5);
  private static final Redactor REDACTOR = Redactor.builder().keywords(List.of("Falcon")).build();

  /** A secret of each kind, and the part of it that must not survive. */
  private static final List<String[]> SECRETS = List.of(
      new String[] {"jane.roe@example.org", "jane.roe@example.org"},
      // after a word of its own: a quad after a version word ("java 10.20.30.40") is a version (docs/redaction.md)
      new String[] {"from 10.20.30.40", "10.20.30.40"},
      new String[] {"2001:db8:1234::42", "2001:db8:1234::42"},
      new String[] {"3c:22:fb:a1:b2:c3", "3c:22:fb:a1:b2:c3"},
      new String[] {"+49 30 98765432", "98765432"},
      new String[] {"4111 1111 1111 1111", "4111 1111 1111 1111"},
      new String[] {"DE89370400440532013000", "DE89370400440532013000"},
      new String[] {"078-05-1120", "078-05-1120"},
      new String[] {"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlLXh5eg", "eyJzdWIiOiJ4eXoifQ"},
      new String[] {"AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"},
      new String[] {"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"},
      new String[] {"password=Tr0ub4dor&3x", "Tr0ub4dor"},
      new String[] {"Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345"},
      new String[] {"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----",
          "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"},
      new String[] {"postgres://app:Sup3rS3cret@db:5432/x", "Sup3rS3cret"},
      new String[] {"db01.prod.internal", "db01.prod.internal"},
      new String[] {"project falcon", "falcon"},
      new String[] {"db.example.com:5432:app:app_user:Pgp4ssW0rd", "Pgp4ssW0rd"},
      new String[] {"net user alice N3tUs3rPw /add", "N3tUs3rPw"},
      new String[] {"mysqladmin -u root password MyAdm1nPw", "MyAdm1nPw"},
      new String[] {"sha1$a1b2c3$2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"});

  /**
   * Fuzzer-chosen text with a secret from the planted set inserted (between spaces) at a fuzzer-chosen position:
   * the string and the streaming API (written in fuzzer-chosen chunks) agree, throw nothing, and the secret is gone.
   */
  @FuzzTest
  void aPlantedSecretNeverSurvives(FuzzedDataProvider data) throws IOException {
    String[] secret = SECRETS.get(data.consumeInt(0, SECRETS.size() - 1));
    int where = data.consumeInt(0, Integer.MAX_VALUE);
    int chunk = data.consumeInt(1, 4096);
    String text = data.consumeRemainingAsString();
    if (text.toLowerCase(Locale.ROOT).contains(secret[1].toLowerCase(Locale.ROOT))) {
      return; // the text already holds the secret on its own: not a planted one
    }
    int at = text.isEmpty() ? 0 : where % (text.length() + 1);
    if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
      at--; // keep a surrogate pair together
    }
    String planted = text.substring(0, at) + " " + secret[0] + " " + text.substring(at);

    long started = System.nanoTime();
    String redacted = REDACTOR.redact(planted, new RedactionCounter());
    assertThat(redacted).doesNotContainIgnoringCase(secret[1]);

    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    byte[] bytes = planted.getBytes(StandardCharsets.UTF_8);
    try (OutputStream stream = REDACTOR.newRedactingStream(sink, new RedactionCounter())) {
      for (int off = 0; off < bytes.length; off += chunk) {
        stream.write(bytes, off, Math.min(chunk, bytes.length - off));
      }
    }
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(redacted);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
  }

  /**
   * Arbitrary documents in each structured format, with a password planted under a secret-bearing key: either the
   * document is refused with a {@link RedactionException} (the source is withheld) or the output lacks the password.
   * No other exception escapes.
   */
  @FuzzTest
  void structuredRedactionFailsClosed(FuzzedDataProvider data) {
    StructuredFormat format = data.pickValue(StructuredFormat.values());
    int where = data.consumeInt(0, Integer.MAX_VALUE);
    String document = data.consumeRemainingAsString();
    String password = "Zq7xW2pLm9vK";
    if (document.contains(password)) {
      return;
    }
    String line = switch (format) {
      case JSON -> "{\"password\": \"" + password + "\"}";
      case YAML -> "password: " + password;
      case PROPERTIES, ENV -> "password=" + password;
      case URL_QUERY -> "password=" + password;
      case PGPASS -> "db.prod.internal:5432:app:alice:" + password;
    };
    String separator = format == StructuredFormat.URL_QUERY ? "&" : "\n";
    int at = insertionPoint(document, where, separator);
    String planted = document.substring(0, at) + (at > 0 ? separator : "") + line + separator
        + document.substring(at);
    String out;
    long started = System.nanoTime();
    try {
      out = REDACTOR.redactStructured(format, planted, new RedactionCounter());
    } catch (RedactionException refused) {
      assertThat(refused.getMessage()).doesNotContain(password);
      return;
    } finally {
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }
    assertThat(out).doesNotContain(password);
  }

  /** Just after a separator (a line start, or a query parameter start), chosen by the fuzzer. */
  private static int insertionPoint(String document, int where, String separator) {
    int count = 0;
    for (int i = document.indexOf(separator); i >= 0; i = document.indexOf(separator, i + 1)) {
      count++;
    }
    int pick = where % (count + 1);
    int at = 0;
    for (int i = 0; i < pick; i++) {
      at = document.indexOf(separator, at) + 1;
    }
    return at;
  }
}
