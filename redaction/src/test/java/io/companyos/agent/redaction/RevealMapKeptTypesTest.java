package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reverse map keeps only the types whose reveal serves correlation: never a credential, a card number, an IBAN,
 * an SSN or a custom rule's match. Assertions that could fail on a credential describe it by its label only, so that
 * no test output shows one (they are fake, but the habit matters).
 */
class RevealMapKeptTypesTest {
  @TempDir Path dir;

  /** Kept types: their labels, as the map must hold them, in the order of {@link #ONE_OF_EVERY_TYPE}. */
  private static final List<String> KEPT = List.of("email", "ipv4", "ipv6", "mac", "phone", "user", "name", "host",
      "keyword", "birthdate", "address", "device_id");

  /** One value of every type, built-in and custom: a line each, the kept ones first. */
  private static final Map<String, String> ONE_OF_EVERY_TYPE = new LinkedHashMap<>();

  static {
    ONE_OF_EVERY_TYPE.put("User jane.doe@example.org logged in", "jane.doe@example.org");
    ONE_OF_EVERY_TYPE.put("connection from 10.1.2.3 port 22", "10.1.2.3");
    ONE_OF_EVERY_TYPE.put("from 2001:db8:85a3::8a2e:370:7334 port", "2001:db8:85a3::8a2e:370:7334");
    ONE_OF_EVERY_TYPE.put("hwaddr 00:1a:2b:3c:4d:5e mtu", "00:1a:2b:3c:4d:5e");
    ONE_OF_EVERY_TYPE.put("sms to +1 (415) 555-2671 queued", "+1 (415) 555-2671");
    ONE_OF_EVERY_TYPE.put("sshd[1]: Invalid user jdoe from 10.1.2.3 port 22", "jdoe");
    ONE_OF_EVERY_TYPE.put("{\"name\": \"Jane Doe\", \"id\": 1}", "Jane Doe");
    ONE_OF_EVERY_TYPE.put("connect db01.acme.com:5432", "db01.acme.com");
    ONE_OF_EVERY_TYPE.put("Rolling out project falcon", "falcon");
    ONE_OF_EVERY_TYPE.put("{\"dob\": \"1985-04-12\"}", "1985-04-12");
    ONE_OF_EVERY_TYPE.put("{\"street\": \"12 Rue de Rivoli\"}", "12 Rue de Rivoli");
    ONE_OF_EVERY_TYPE.put("device enrolled imei=359881234567890 ok", "359881234567890");
    // never kept
    ONE_OF_EVERY_TYPE.put("card 4111111111111111 declined", "card");
    ONE_OF_EVERY_TYPE.put("account DE89370400440532013000 ok", "iban");
    ONE_OF_EVERY_TYPE.put("ssn=078-05-1120 score", "ssn");
    ONE_OF_EVERY_TYPE.put("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk end",
        "jwt");
    ONE_OF_EVERY_TYPE.put("accessKeyId=AKIAIOSFODNN7EXAMPLE region", "aws_key");
    ONE_OF_EVERY_TYPE.put("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret");
    ONE_OF_EVERY_TYPE.put("GH ghp_16C7e42F292c6912E7710c838347Ae178B4a used", "token");
    ONE_OF_EVERY_TYPE.put("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\ndef==\n-----END RSA PRIVATE KEY-----\nnext",
        "private_key");
    ONE_OF_EVERY_TYPE.put("Authorization: Bearer 0123456789abcdefABCDEF.xyz", "auth");
    ONE_OF_EVERY_TYPE.put("DB_PASSWORD=hunter2 # prod", "secret");
    ONE_OF_EVERY_TYPE.put("admin:$apr1$ZjTqBB3f$IF9gdYAGlMrs2fuINjHsz.", "password_hash");
    ONE_OF_EVERY_TYPE.put("{\"passport_number\": \"C03005988\"}", "national_id");
    ONE_OF_EVERY_TYPE.put("payout account_number=000123456789 sent", "bank_account");
    ONE_OF_EVERY_TYPE.put("re PROJ-42 today", "ticket");
  }

  private static Redactor redactor(RevealLog log) {
    return Redactor.builder()
        .customerDomains(List.of("acme.com"))
        .keywords(List.of("Falcon"))
        .rules(List.of(CustomRule.pseudonym("ticket", "PROJ-[0-9]+")))
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .revealLog(log)
        .build();
  }

  private Path map() {
    return dir.resolve(RevealLog.FILE_NAME);
  }

  private static String label(String line) {
    return line.substring(1, line.indexOf(':'));
  }

  private static String value(String line) {
    return new String(Base64.getDecoder().decode(line.substring(line.indexOf('\t') + 1)), StandardCharsets.UTF_8);
  }

  @Test
  void aRedactionOfEveryTypeRecordsExactlyTheKeptTypes() throws Exception {
    RedactionCounter counter = new RedactionCounter();
    String out;
    try (RevealLog log = RevealLog.open(dir)) {
      out = redactor(log).redact(String.join("\n", ONE_OF_EVERY_TYPE.keySet()) + "\n", counter);
    }
    // the text really holds every type: each detector and the rule fired
    for (DetectorType t : DetectorType.values()) {
      assertThat(counter.count(t)).as(t.label()).isPositive();
    }
    assertThat(counter.counts()).containsKey("ticket");
    assertThat(out).contains("<secret:", "<card:", "<ticket:");

    List<String> lines = Files.readAllLines(map(), StandardCharsets.US_ASCII);
    assertThat(lines.stream().map(RevealMapKeptTypesTest::label).toList()).as("the labels of the map's lines")
        .containsExactlyElementsOf(KEPT);
    assertThat(lines.stream().map(RevealMapKeptTypesTest::value).toList())
        .containsExactlyElementsOf(ONE_OF_EVERY_TYPE.values().stream().limit(KEPT.size()).toList());
    // each line is the token the redacted text shows for its value
    for (String line : lines) {
      assertThat(out).contains(line.substring(0, line.indexOf('\t')));
    }
    assertThat(KEPT).allSatisfy(l -> assertThat(RevealLog.keeps(l)).as(l).isTrue());
    assertThat(Arrays.stream(DetectorType.values()).filter(RevealLog::keeps).map(DetectorType::label).toList())
        .containsExactlyInAnyOrderElementsOf(KEPT);
    assertThat(RevealLog.keeps("ticket")).isFalse();
  }

  @Test
  void aPairOfATypeNeverKeptIsNotWrittenNorLookedUp() throws Exception {
    try (RevealLog log = RevealLog.open(dir)) {
      log.record("<secret:0a1b2c3d>", "hunter2");
      log.record("<card:0a1b2c3d>", "4111111111111111");
      log.record("<ticket:0a1b2c3d>", "PROJ-42");
      log.record("<email:0a1b2c3d>", "jane@example.org");
      assertThat(log.lookup("<secret:0a1b2c3d>")).isEmpty();
    }
    assertThat(Files.readAllLines(map()).stream().map(RevealMapKeptTypesTest::label).toList())
        .containsExactly("email");
  }

  /** A map as an earlier version wrote it: one pair of every type, kept and not, in the order of the types. */
  private static List<String> earlierMap() {
    List<String> lines = new ArrayList<>();
    Base64.Encoder base64 = Base64.getEncoder();
    int i = 0;
    for (DetectorType t : DetectorType.values()) {
      lines.add(String.format("<%s:%08x>\t", t.label(), i++)
          + base64.encodeToString(("value " + i).getBytes(StandardCharsets.UTF_8)));
    }
    lines.add("<ticket:0000ffff>\t" + base64.encodeToString("PROJ-7".getBytes(StandardCharsets.UTF_8)));
    lines.add("<email:000fffff>\t" + base64.encodeToString("late@example.org".getBytes(StandardCharsets.UTF_8)));
    return lines;
  }

  @Test
  void openingTheMapOfAnEarlierVersionRemovesItsPairsNeverKeptOnceKeepingTheRestInOrder() throws Exception {
    List<String> earlier = earlierMap();
    Files.write(map(), earlier, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(map(), PosixFilePermissions.fromString("rw-------"));
    // before it is opened for recording, --reveal already looks none of them up
    List<String> neverKept = earlier.stream().filter(l -> !RevealLog.keeps(label(l)))
        .map(l -> l.substring(0, l.indexOf('\t'))).toList();
    assertThat(neverKept).hasSize(DetectorType.values().length - KEPT.size() + 1);
    assertThat(RevealLog.lookup(dir, neverKept).values()).allSatisfy(v -> assertThat(v).isEmpty());

    try (RevealLog log = RevealLog.open(dir)) {
      assertThat(log.lookup("<email:000fffff>")).containsExactly("late@example.org");
      log.record("<ipv4:0000000a>", "10.9.8.7");
    }
    List<String> expected = new ArrayList<>(earlier.stream().filter(l -> RevealLog.keeps(label(l))).toList());
    expected.add("<ipv4:0000000a>\t" + Base64.getEncoder().encodeToString("10.9.8.7".getBytes(StandardCharsets.US_ASCII)));
    List<String> lines = Files.readAllLines(map(), StandardCharsets.US_ASCII);
    assertThat(lines.stream().map(RevealMapKeptTypesTest::label).toList()).as("the labels of the map's lines")
        .containsExactlyElementsOf(expected.stream().map(RevealMapKeptTypesTest::label).toList());
    assertThat(lines.equals(expected)).as("the kept lines, unchanged and in their order").isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(map()))).isEqualTo("rw-------");
    assertThat(dir.toFile().list()).containsExactly(RevealLog.FILE_NAME);

    // once: a second open neither rewrites nor changes the file
    byte[] bytes = Files.readAllBytes(map());
    Object fileKey = Files.readAttributes(map(), BasicFileAttributes.class).fileKey();
    try (RevealLog log = RevealLog.open(dir)) {
      assertThat(log.lookup("<ipv4:0000000a>")).containsExactly("10.9.8.7");
    }
    assertThat(Files.readAllBytes(map())).isEqualTo(bytes);
    assertThat(Files.readAttributes(map(), BasicFileAttributes.class).fileKey()).isEqualTo(fileKey);
  }

  @Test
  void theRemovalKeepsLinesCutShortAndEndsTheLastLine() throws Exception {
    // a pair never kept between \r\n ends, a kept one cut short by a crash without its end
    String earlier = "<email:00000001>\tYQ==\r\n<secret:00000002>\teA==\r\n<host:00000003>\tZGIx\n<user:0000";
    Files.writeString(map(), earlier, StandardCharsets.US_ASCII);
    try (RevealLog log = RevealLog.open(dir)) {
      log.record("<user:00000004>", "bob");
    }
    assertThat(Files.readString(map(), StandardCharsets.US_ASCII))
        .isEqualTo("<email:00000001>\tYQ==\n<host:00000003>\tZGIx\n<user:0000\n<user:00000004>\tYm9i\n");
  }
}
