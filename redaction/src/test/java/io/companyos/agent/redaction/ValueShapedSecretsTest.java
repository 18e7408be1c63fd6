package io.companyos.agent.redaction;

import static io.companyos.agent.redaction.DetectorCatalogTest.MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets recognised by the value's own shape (session 10's red team): which label each gets, what stays around
 * it, and the multi-line shapes the line-by-line labelled corpus cannot hold (wrapped base64, PuTTY key files).
 */
class ValueShapedSecretsTest {
  private static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
  }

  static String pem(String label) {
    return "-----BEGIN " + label + "-----\n" + PEM_BODY + "\n" + PEM_BODY + "\n-----END " + label + "-----\n";
  }

  static Stream<Arguments> labelled() {
    String rsa = b64(pem("RSA PRIVATE KEY"));
    return Stream.of(
        Arguments.of("  tls.key: " + rsa, "  tls.key: <private_key>"),
        Arguments.of("  tls.key: " + b64(pem("ENCRYPTED PRIVATE KEY")), "  tls.key: <private_key>"),
        Arguments.of("  tls.key: " + b64(pem("OPENSSH PRIVATE KEY")), "  tls.key: <private_key>"),
        Arguments.of("  tls.key: " + b64(pem("PGP PRIVATE KEY BLOCK")), "  tls.key: <private_key>"),
        Arguments.of("{\"client-key-data\":\"" + rsa + "\"}", "{\"client-key-data\":\"<private_key>\"}"),
        Arguments.of("alice:$6$rounds=5000$saltsalt$Z8Yq1lKfV3rQ2e9w0oVq5p3o9bQvG3yF5tW8cN1mD4kL7jH2gS6aP0iU3eR9tY1qX4zC8v"
            + "B5nM2lK0jH7gF6dS.:19000:0:99999:7:::", "<user>:<password_hash>:19000:0:99999:7:::"),
        Arguments.of("admin:$apr1$ZjTqBB3f$IF9gdYAGlMrs2fuINjHsz.", "admin:<password_hash>"),
        Arguments.of("bcrypt$$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "bcrypt$<password_hash>"),
        Arguments.of("userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "userPassword: <password_hash>"),
        Arguments.of("user1:{PLAIN}pw:1000:1000::/srv/mail", "<user>:<password_hash>:1000:1000::/srv/mail"),
        Arguments.of("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "https://hooks.slack.com/services/<token>"),
        Arguments.of("https://discord.com/api/webhooks/123456789012345678/abcDEFghiJKLmnoPQRstuVWXyz0123456789?wait=1",
            "https://discord.com/api/webhooks/<token>?wait=1"),
        Arguments.of("https://acme.webhook.office.com/webhookb2/7b8c9d0e-1234-4abc-9def-0123456789ab@72f988bf-86f1-41ab"
            + "-2d7cd011db47/IncomingWebhook/0123456789abcdef/2a3b4c5d", "https://acme.webhook.office.com/webhookb2/<token>"),
        Arguments.of("with dckr_pat_abcdefghijklmnopqrstuvwxyz1 and GR1348941abcdefghijklmnopqrst",
            "with <token> and <token>"),
        Arguments.of("GET https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe",
            "GET https://api.telegram.org/bot<token>/getMe"),
        Arguments.of("refresh_grant 1//0gLqVUd5XoBhPCgYIARAAGBASNwF-L9IrkUnVwKgK3Lk8tW7QJ6mZ9n0yQ3bV5cX2eR8aT1u ok",
            "refresh_grant <token> ok"),
        Arguments.of("Cookie: id=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..UHJvcGVydHlJdg.UHJvcGVydHlDaXBoZXJ0ZXh0"
            + ".UHJvcGVydHlUYWdUYWc; x=1",
            "Cookie: id=<jwt>; x=1"),
        Arguments.of("body=key=-----BEGIN+EC+PRIVATE+KEY-----%0AMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oQaB%0A&x=1",
            "body=key=<private_key>&x=1"),
        Arguments.of("creds IQoJb3JpZ2luX2VjE" + "AbCdEfGh".repeat(15) + "== ok", "creds <aws_secret> ok"));
  }

  @ParameterizedTest
  @MethodSource("labelled")
  void redactsWithItsLabel(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
  }

  static Stream<String> kept() {
    return Stream.of(
        "  tls.crt: " + b64(pem("CERTIFICATE")),
        "  ca.pub: " + b64(pem("PUBLIC KEY")),
        "  csr: " + b64(pem("CERTIFICATE REQUEST")),
        // a DER certificate (SEQUENCE, SEQUENCE) and a SubjectPublicKeyInfo: not a key's version INTEGER first
        "x5c MIIB+jCCAWOgAwIBAgIUAnsOjKa6FcQ6jd88Eg/Vh4pL1GYwDQYJKoZIhvcNAQELBQAwDzENMAsGA1UEAwwEdGVzdDAeFw0y",
        "pub MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC40uC30JQZB0j5YtxpygpknjIRb04HOoe/NnK/ahNKiHe+8JUyzqsnIOtw",
        "\tat com.acme.Outer$1$2.run(Outer.java:12)",
        "price $1$ per unit, $5$ setup",
        "see https://api.slack.com/messaging/webhooks",
        "failed calling webhook \"validate.nginx.ingress.kubernetes.io\"",
        "pk_live_abcdefghijklmnopqrstuvwx",
        "GET /trust?cert=%2D%2D%2D%2D%2DBEGIN%20CERTIFICATE%2D%2D%2D%2D%2D%0AMIIB%2BjCCAWOgAwIBAgIU&x=1",
        "build 12345678:AAB done, ratio 1:AAAA",
        "a.b.c.d.e eyJhbGciOiJIUzI1NiJ9.notapayload");
  }

  @ParameterizedTest
  @MethodSource("kept")
  void leaves(String in) {
    assertThat(MASK.redact(in)).isEqualTo(in);
  }

  @Test
  void aBase64KeyWrappedAt76IsRedactedOnEveryLine() {
    String encoded = b64(pem("PRIVATE KEY") + pem("PRIVATE KEY"));
    StringBuilder yaml = new StringBuilder("data:\n  tls.key: |\n");
    for (int i = 0; i < encoded.length(); i += 76) {
      yaml.append("    ").append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
    }
    yaml.append("  tls.crt: none\n");
    assertThat(MASK.redact(yaml.toString())).isEqualTo("data:\n  tls.key: |\n    <private_key>\n  tls.crt: none\n");
  }

  /**
   * A base64 PEM whose private key is not its first block: {@code openssl ecparam -genkey} writes EC PARAMETERS
   * first, a TLS bundle often the certificate. Alone, under a secret key, under a kubeconfig's client-key-data, and
   * wrapped at 76; a base64 PEM without a private key stays unless a secret key names it.
   */
  @Test
  void aBase64PemWithThePrivateKeyAfterAnotherBlockIsRedacted() {
    for (String first : new String[] {"EC PARAMETERS", "CERTIFICATE"}) {
      String encoded = b64(pem(first) + pem("EC PRIVATE KEY"));
      assertThat(MASK.redact("key " + encoded + " end")).as(first).isEqualTo("key <private_key> end");
      assertThat(MASK.redact("password: " + encoded)).as(first).isEqualTo("password: <private_key>");
      assertThat(MASK.redact("    client-key-data: " + encoded)).as(first)
          .isEqualTo("    client-key-data: <private_key>");
      StringBuilder wrapped = new StringBuilder("tls.pem: |\n");
      for (int i = 0; i < encoded.length(); i += 76) {
        wrapped.append("  ").append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
      }
      assertThat(MASK.redact(wrapped.toString())).as(first).isEqualTo("tls.pem: |\n  <private_key>\n");
    }
    String certificates = b64(pem("CERTIFICATE") + pem("CERTIFICATE"));
    assertThat(MASK.redact("ca " + certificates)).isEqualTo("ca " + certificates);
    assertThat(MASK.redact("password: " + certificates)).isEqualTo("password: <secret>");
  }

  @Test
  void aDerKeyWrappedAt64AndJsonEscapedIsRedactedWhole() {
    String body = PEM_BODY + "AbCd".repeat(16) + "EfGh".repeat(16) + "xyz=";
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < body.length(); i += 64) {
      escaped.append(body, i, Math.min(body.length(), i + 64)).append("\\n");
    }
    assertThat(MASK.redact("{\"key\":\"" + escaped + "\"}")).isEqualTo("{\"key\":\"<private_key>\\n\"}");
  }

  @Test
  void thePrivateLinesOfAPuttyKeyFileAreRedactedAndThePublicOnesKept() {
    String ppk = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ops\nPublic-Lines: 2\n"
        + "AAAAC3NzaC1lZDI1NTE5AAAAIPublicPublicPublic\nAAAAPublicPublic\nPrivate-Lines: 2\r\n"
        + "AAAAIPrivatePrivatePrivatePrivate\r\nAAAAPrivatePrivate\r\nPrivate-MAC: 0123abcd\n";
    assertThat(MASK.redact(ppk)).isEqualTo("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ops\n"
        + "Public-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIPublicPublicPublic\nAAAAPublicPublic\nPrivate-Lines: 2\r\n"
        + "<private_key>\r\nPrivate-MAC: 0123abcd\n");
  }

  @Test
  void aLongBase64KeyIsCaughtWholeAcrossStreamingWindows() throws IOException {
    // ~40 KiB of wrapped base64 (a key bundle) after ~1 MiB of log lines: the key crosses the 1 MiB window cut
    Random random = new Random(3);
    byte[] der = new byte[30_000];
    random.nextBytes(der);
    der[0] = 0x30;
    der[1] = (byte) 0x82;
    der[2] = 0x75;
    der[3] = 0x2c;
    der[4] = 0x02;
    der[5] = 0x01;
    der[6] = 0x00;
    der[7] = 0x30;
    String key = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    StringBuilder text = new StringBuilder();
    while (text.length() < (1 << 20) - 10_000) {
      text.append("2024-03-04 12:00:00.000 INFO step ok\n");
    }
    text.append("key:\n").append(key).append("\nafter the key\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    String redacted = out.toString(StandardCharsets.UTF_8);
    assertThat(redacted).endsWith("key:\n<private_key>\nafter the key\n");
  }
}
