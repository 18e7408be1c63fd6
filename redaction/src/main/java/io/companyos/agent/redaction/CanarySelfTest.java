package io.companyos.agent.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link Redactor} against planted fake secrets of every detector type, each in a realistic line.
 * A canary survives when its secret part is still in the output. Detectors switched {@link Strategy#OFF}
 * are reported as skipped, not as survivors. The agent refuses to start, and a bundle to seal, when
 * {@link Result#survivors()} is not empty.
 */
public final class CanarySelfTest {
  /** A planted line and the part of it that must not survive. */
  private record Canary(DetectorType type, String line, String secret) {}

  private static final List<Canary> CANARIES =
      List.of(
          new Canary(DetectorType.EMAIL, "login ok for canary.user@example-canary.com", "canary.user@example-canary.com"),
          new Canary(DetectorType.EMAIL, "GET /users?mail=canary%40example-canary.org", "canary%40example-canary.org"),
          new Canary(DetectorType.IPV4, "connection from 203.0.113.77 port 50022", "203.0.113.77"),
          new Canary(DetectorType.IPV6, "client [2001:db8:c0de::77]:443 closed", "2001:db8:c0de::77"),
          new Canary(DetectorType.MAC, "eth0 hwaddr 3c:22:fb:a1:b2:c3 up", "3c:22:fb:a1:b2:c3"),
          new Canary(DetectorType.PHONE, "sms queued for +49 30 12345678", "12345678"),
          new Canary(DetectorType.CREDIT_CARD, "card 4111 1111 1111 1111 declined", "1111 1111 1111"),
          new Canary(DetectorType.IBAN, "payout to DE89 3704 0044 0532 0130 00", "3704 0044 0532"),
          new Canary(DetectorType.US_SSN, "applicant ssn=078-05-1120", "078-05-1120"),
          new Canary(DetectorType.JWT,
              "id_token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ",
              "eyJzdWIiOiJjYW5hcnkifQ"),
          new Canary(DetectorType.AWS_ACCESS_KEY, "using key AKIAIOSFODNN7CANARY1", "AKIAIOSFODNN7CANARY1"),
          new Canary(DetectorType.AWS_SECRET_KEY, "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1",
              "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1"),
          new Canary(DetectorType.API_TOKEN, "GITHUB_TOKEN ghp_CanaryCanaryCanaryCanaryCanary123456",
              "ghp_CanaryCanaryCanaryCanaryCanary123456"),
          new Canary(DetectorType.PRIVATE_KEY,
              "-----BEGIN RSA PRIVATE KEY-----\nMIIEcanaryCANARYcanaryCANARY\n-----END RSA PRIVATE KEY-----",
              "MIIEcanaryCANARYcanaryCANARY"),
          new Canary(DetectorType.AUTH_HEADER, "Authorization: Bearer canaryCanaryCanary0123456789",
              "canaryCanaryCanary0123456789"),
          new Canary(DetectorType.SECRET, "spring.datasource.password=Canary-Pa55word!", "Canary-Pa55word!"),
          new Canary(DetectorType.SECRET, "{\"client_secret\":\"canary-client-secret\"}", "canary-client-secret"),
          new Canary(DetectorType.SECRET, "postgresql://app:CanaryUrlPass@db:5432/app", "CanaryUrlPass"),
          new Canary(DetectorType.SECRET, "db:\n  password: |\n    CanaryBlockPass\n  port: 5432", "CanaryBlockPass"),
          new Canary(DetectorType.SECRET, "machine api.example.com login app password CanaryNetrcPass",
              "CanaryNetrcPass"),
          new Canary(DetectorType.SECRET, "sshpass -p 'CanaryFlagPass' ssh deploy@bastion", "CanaryFlagPass"),
          new Canary(DetectorType.SECRET, "curl -u app:CanaryCurlPass https://api.example.com/", "CanaryCurlPass"),
          new Canary(DetectorType.SECRET, "Cookie: theme=dark; JSESSIONID=CanarySessionCookie", "CanarySessionCookie"),
          new Canary(DetectorType.SECRET, "<add key=\"DbPassword\" value=\"CanaryXmlPass\"/>", "CanaryXmlPass"),
          new Canary(DetectorType.USERNAME, "sshd[1]: Invalid user canaryuser from 10.9.8.7", "canaryuser"),
          new Canary(DetectorType.PERSON_NAME, "{\"displayName\":\"Canary Person\"}", "Canary Person"),
          new Canary(DetectorType.HOSTNAME, "resolved canary-node01.prod.internal", "canary-node01"),
          new Canary(DetectorType.BIRTH_DATE, "{\"dob\":\"1901-02-03\"}", "1901-02-03"),
          new Canary(DetectorType.STREET_ADDRESS, "{\"streetAddress\":\"7 Canary Wharf Lane\"}", "Canary Wharf"),
          new Canary(DetectorType.NATIONAL_ID, "{\"passport_number\":\"CANARY0123\"}", "CANARY0123"),
          new Canary(DetectorType.NATIONAL_ID, "employee record NI JG 12 34 56 C", "JG 12 34 56 C"),
          new Canary(DetectorType.BANK_ACCOUNT, "payout account_number=CANARY-7700-1234", "CANARY-7700-1234"),
          new Canary(DetectorType.DEVICE_ID, "device enrolled imei=359881234567890", "359881234567890"),
          // value-shaped plants (session 10): recognised by what the value is, under no telling key
          new Canary(DetectorType.PRIVATE_KEY,
              "  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDYW5hcnlDYW5h"
                  + "cnlDYW5hcnlDYW5hcnkKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=",
              "cnlDYW5hcnlDYW5hcnkKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo"),
          new Canary(DetectorType.PRIVATE_KEY,
              "signer MC4CAQAwBQYDK2VwBCIEICanaryCanaryCanaryCanaryCanaryCanaryCanaryCa loaded",
              "CanaryCanaryCanaryCanaryCanaryCanaryCanaryCa"),
          new Canary(DetectorType.AWS_SECRET_KEY,
              "credentials IQoJb3JpZ2luX2VjECanaryCanaryCanaryCanaryCanaryCanaryCanaryCanaryCanaryCanaryCanaryCanary"
                  + "CanaryCanaryCanary/CanaryCanary+Canary== expire",
              "CanaryCanaryCanary/CanaryCanary+Canary"),
          new Canary(DetectorType.PASSWORD_HASH,
              "canary:$6$canarysalt$CanaryHashCanaryHashCanaryHashCanaryHashCanaryHashCanaryHashCanaryHashCanaryHash"
                  + "Canary./:19000:0:99999:7:::",
              "CanaryHashCanaryHashCanaryHash"),
          new Canary(DetectorType.API_TOKEN,
              "notify https://hooks.slack.com/services/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01 failed",
              "CanaryCanaryCanaryCanary01"),
          new Canary(DetectorType.API_TOKEN, "registry push as ci with dckr_pat_CanaryCanaryCanary0123456",
              "dckr_pat_CanaryCanaryCanary0123456"),
          new Canary(DetectorType.JWT,
              "session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..Q2FuYXJ5Q2FuYXJ5.Q2FuYXJ5Q2FuYXJ5Q2FuYXJ5Q2FuYXJ5"
                  + ".Q2FuYXJ5VGFnQ2FuYXJ5; Path=/",
              "Q2FuYXJ5Q2FuYXJ5Q2FuYXJ5Q2FuYXJ5"),
          new Canary(DetectorType.API_TOKEN,
              "GET https://api.telegram.org/bot123456789:AACanaryCanaryCanaryCanaryCanary012/getMe",
              "AACanaryCanaryCanaryCanaryCanary012"),
          new Canary(DetectorType.PRIVATE_KEY,
              "POST /import key=%2D%2D%2D%2D%2DBEGIN%20PRIVATE%20KEY%2D%2D%2D%2D%2D%0AMIIEcanaryCanaryUrlEncoded%0A&x=1",
              "MIIEcanaryCanaryUrlEncoded"));

  private CanarySelfTest() {}

  /**
   * The outcome.
   *
   * @param survivors detector labels of canaries whose secret survived
   * @param skipped detector labels not checked because they are switched off
   * @param checked number of canaries checked
   */
  public record Result(List<String> survivors, List<String> skipped, int checked) {
    /** Copies the lists. */
    public Result {
      survivors = List.copyOf(survivors);
      skipped = List.copyOf(skipped);
    }

    /** Whether no canary survived. */
    public boolean passed() {
      return survivors.isEmpty();
    }
  }

  /** Runs every canary (plus the configured keywords) through {@code redactor}. */
  public static Result run(Redactor redactor) {
    List<String> survivors = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int checked = 0;
    List<Canary> all = new ArrayList<>(CANARIES);
    for (String kw : redactor.keywords()) {
      if (!kw.isBlank()) {
        all.add(new Canary(DetectorType.KEYWORD, "project " + kw + " rollout", kw));
      }
    }
    for (Canary c : all) {
      String label = c.type().label();
      if (redactor.strategy(c.type()) == Strategy.OFF) {
        if (!skipped.contains(label)) {
          skipped.add(label);
        }
        continue;
      }
      checked++;
      String out;
      try {
        out = redactor.redact(c.line());
      } catch (RuntimeException e) {
        out = c.line();
      }
      if (out.toLowerCase(java.util.Locale.ROOT).contains(c.secret().toLowerCase(java.util.Locale.ROOT))
          && !survivors.contains(label)) {
        survivors.add(label);
      }
    }
    return new Result(survivors, skipped, checked);
  }
}
