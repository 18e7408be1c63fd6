package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User names, host labels and e-mail addresses with letters of other scripts are taken whole: the detectors read
 * such names byte by byte, and stopped at the first non-ASCII letter, which left most of {@code jürgen} or
 * {@code münchen} in the text (or all of {@code jane@münchen.de}); a non-letter such as {@code «} stays outside.
 */
class NonAsciiNamesTest {
  private static final Redactor MASK =
      DetectorCatalogTest.masking(Redactor.builder().customerDomains(List.of("acme.com")));
  private static final Redactor PSEUDONYMS = Redactor.builder().customerDomains(List.of("acme.com")).build();

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Invalid user jürgen from 10.1.2.3 port 22          | Invalid user <user> from <ipv4> port 22
      2026-11-27 10:00:00.123 UTC [4242] jürgen@billing ERROR:  x | 2026-11-27 10:00:00.123 UTC [4242] <user>@billing ERROR:  x
      Failed password for jürgen from 10.1.2.3 port 22   | Failed password for <user> from <ipv4> port 22
      sudo:  jürgen : TTY=pts/1 ; PWD=/tmp               | sudo:  <user> : TTY=pts/1 ; PWD=/tmp
      session closed by jürgen(uid=1001)                 | session closed by <user>(uid=1001)
      ssh jürgen@10.1.2.3                                | ssh <user>@<ipv4>
      ssh 田中@10.1.2.3                                   | ssh <user>@<ipv4>
      host münchen.acme.com down                         | host <host> down
      host dbü.acme.com down                             | host <host> down
      host λ.corp down                                   | host <host> down
      mail jürgen@acme.com ok                            | mail <email> ok
      mail jane@münchen.de ok                            | mail <email> ok
      mail user@пример.рф ok                             | mail <email> ok
      mail to «jane@example.org».                        | mail to «<email>».
      →db.acme.com←                                      | →<host>←
      """)
  void aNameInAnotherScriptIsTakenWholeAndNothingAroundIt(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
  }

  /**
   * The same, JSON-escaped: an encoder that writes ASCII only (Python's {@code json.dumps} by default) puts
   * <code>j&#92;u00fcrgen</code> into a log line for {@code jürgen}, and the scans stopped at the backslash (or took
   * the hex digits of an escaped quote, <code>&#92;u201c</code>, into the name). And JSON's escaped slashes (PHP's
   * {@code json_encode} writes every URL and path so) and escaped quotes.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"msg": "Invalid user j\\u00fcrgen from 10.1.2.3 port 22"} | {"msg": "Invalid user <user> from <ipv4> port 22"}
      {"msg": "mail j\\u00fcrgen@acme.com"}                     | {"msg": "mail <email>"}
      {"email": "jane@m\\u00fcnchen.de"}                        | {"email": "<email>"}
      {"host": "m\\u00FCnchen.acme.com"}                        | {"host": "<host>"}
      {"name": "J\\u00fcrgen M\\u00fcller"}                    | {"name": "<name>"}
      {"msg": "path /home/j\\u00fcrgen/x"}                      | {"msg": "path /home/<user>/x"}
      {"msg": "ssh j\\u00fcrgen@10.1.2.3"}                      | {"msg": "ssh <user>@<ipv4>"}
      {"msg": "closed by j\\u00fcrgen(uid=1001)"}               | {"msg": "closed by <user>(uid=1001)"}
      {"msg": "emoji \\ud83d\\ude00 x@acme.com"}               | {"msg": "emoji \\ud83d\\ude00 <email>"}
      {"msg": "quote \\u00abjane@example.org\\u00bb"}          | {"msg": "quote \\u00ab<email>\\u00bb"}
      {"msg": "to \\u201cjane@example.org\\u201d"}             | {"msg": "to \\u201c<email>\\u201d"}
      {"msg": "\\u201cdb7.acme.com\\u201d"}                    | {"msg": "\\u201c<host>\\u201d"}
      {"msg": "\\u201cjane@10.1.2.3\\u201d"}                   | {"msg": "\\u201c<user>@<ipv4>\\u201d"}
      {"msg": "connect \\u201c10.1.2.3\\u201d"}                | {"msg": "connect \\u201c<ipv4>\\u201d"}
      {"msg": "card \\u00ab4111 1111 1111 1111\\u00bb"}         | {"msg": "card \\u00ab<card>\\u00bb"}
      {"msg": "IBAN\\u00a0DE89370400440532013000"}               | {"msg": "IBAN\\u00a0<iban>"}
      {"msg": "T\\u00e9l.\\u00a0+33 1 23 45 67 89"}             | {"msg": "T\\u00e9l.\\u00a0<phone>"}
      {"msg": "call\\u00a0(415) 555-1234"}                      | {"msg": "call\\u00a0<phone>"}
      {"msg": "caf\\u00e9+49 30 1234567, caf\\u00e910.1.2.3"}   | {"msg": "caf\\u00e9<phone>, caf\\u00e9<ipv4>"}
      {"msg": "at \\ud83d\\udcde10.9.8.7"}                      | {"msg": "at \\ud83d\\udcde<ipv4>"}
      {"url": "https:\\/\\/bob:S3cretPw@db.example.org\\/x"} | {"url": "https:\\/\\/<user>:<secret>@db.example.org\\/x"}
      {"url": "redis:\\/\\/:pw123@cache:6379"}                 | {"url": "redis:\\/\\/:<secret>@cache:6379"}
      {"path": "\\/home\\/jane\\/.ssh"}                       | {"path": "\\/home\\/<user>\\/.ssh"}
      {"path": "\\/var\\/home\\/x"}                           | {"path": "\\/var\\/home\\/x"}
      {"h": "https:\\/\\/hooks.slack.com\\/services\\/T00000000\\/B00000000\\/XXXXXXXXXXXXXXXXXXXXXXXX"} | {"h": "https:\\/\\/hooks.slack.com\\/services\\/<token>"}
      {"h": "https:\\/\\/discord.com\\/api\\/v10\\/webhooks\\/123456789012345678\\/abcdefghijklmnopqrstuvwxyz0123"} | {"h": "https:\\/\\/discord.com\\/api\\/v10\\/webhooks\\/<token>"}
      {"h": "https:\\/\\/acme.webhook.office.com\\/webhookb2\\/abcdef01-2345-6789-abcd-ef0123456789@x"} | {"h": "https:\\/\\/acme.webhook.office.com\\/webhookb2\\/<token>"}
      {"msg": "hash $2b$12$R9h\\/cIPz0gi.URNNX3kh2OPST9\\/PgBkqquzi.Ss7KIUgO2t0jWMUW"} | {"msg": "hash <password_hash>"}
      {"log": "{\\"body\\": {\\\\\\"password\\\\\\": \\\\\\"hunter2\\\\\\"}}"} | {"log": "{\\"body\\": {\\\\\\"password\\\\\\": \\\\\\"<secret>\\\\\\"}}"}
      {"msg": "Invalid user \\"bob\\" from 10.1.2.3 port 22"}    | {"msg": "Invalid user \\"<user>\\" from <ipv4> port 22"}
      {"msg": "Failed password for \\"bob\\" from 10.1.2.3"}     | {"msg": "Failed password for \\"<user>\\" from <ipv4>"}
      """)
  void jsonEscapedLettersArePartOfTheNameAndOtherEscapesAreNot(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
  }

  /**
   * Numbers whose digit groups are separated by a no-break space (U+00A0) or a narrow one (U+202F, as French
   * typography writes them) are found as with plain spaces, with the same token.
   */
  @Test
  void numbersGroupedWithNoBreakOrNarrowSpaces() {
    for (String space : List.of("\u00a0", "\u202f", "\u2009")) {
      assertThat(MASK.redact("tel +33" + space + "1" + space + "23" + space + "45" + space + "67" + space + "89"))
          .as("phone %h", space).isEqualTo("tel <phone>");
      assertThat(MASK.redact("card " + String.join(space, "4111", "1111", "1111", "1111")))
          .as("card %h", space).isEqualTo("card <card>");
      assertThat(MASK.redact("IBAN " + String.join(space, "DE89", "3704", "0044", "0532", "0130", "00")))
          .as("iban %h", space).isEqualTo("IBAN <iban>");
      assertThat(MASK.redact("tel 030" + space + "12345678")).as("national %h", space).isEqualTo("tel <phone>");
      assertThat(PSEUDONYMS.redact("card " + String.join(space, "4111", "1111", "1111", "1111")))
          .isEqualTo(PSEUDONYMS.redact("card 4111 1111 1111 1111"));
    }
    assertThat(MASK.redact("2024\u00a0items, 12\u00a0ms")).isEqualTo("2024\u00a0items, 12\u00a0ms");
  }

  /**
   * Every cut of inputs with escapes, other scripts and wide blanks redacts without failing: the new scans read
   * ahead and behind, and an input may end anywhere (a backslash as the last byte of {@code /home/ab\} read past
   * it once).
   */
  @Test
  void everyCutOfSuchInputsRedacts() {
    List<String> inputs = List.of("x /home/j\\u00fcrgen/x", "Invalid user \\\"b\\u00f6b\\\" from 10.1.2.3 port 22",
        "to \\u201cjane@m\\u00fcnchen.de\\u201d", "\\ud83d\\udcde10.9.8.7 caf\\u00e9+49 30 1234567",
        "https:\\/\\/hooks.slack.com\\/services\\/T0000\\/B0000\\/XXXXXXXXXXXXXXXXXXXXXXXX",
        "[4242] j\u00fcrgen@billing/psql LOG:  x", "card 4111\u00a01111\u202f1111\u20091111",
        "{\\\\\\\"password\\\\\\\": \\\\\\\"x\\\\\\\"}", "PASSWORD 'it''s'", "hash $2b$12$R9h\\/cIPz0gi.URNNX3kh2OPST9\\/Pg");
    for (String in : inputs) {
      for (int cut = 0; cut <= in.length(); cut++) {
        String prefix = in.substring(0, cut);
        assertThat(MASK.redact(prefix)).as(prefix).isNotNull();
        assertThat(MASK.redact(in.substring(cut))).as(in.substring(cut)).isNotNull();
      }
    }
  }

  @Test
  void aNameGetsOneTokenWrittenInUtf8OrJsonEscaped() {
    Redactor keyword = Redactor.builder().keywords(List.of("Müller")).build();
    assertThat(keyword.redact("M\\u00fcller")).isEqualTo(keyword.redact("Müller")).startsWith("<keyword:");
    assertThat(keyword.redact("M\\u00DCLLER")).isEqualTo(keyword.redact("MÜLLER"));
    assertThat(PSEUDONYMS.redact("Invalid user j\\u00fcrgen from 10.1.2.3 port 22"))
        .isEqualTo(PSEUDONYMS.redact("Invalid user jürgen from 10.1.2.3 port 22"));
    assertThat(PSEUDONYMS.redact("j\\u00fcrgen@m\\u00fcnchen.de")).isEqualTo(PSEUDONYMS.redact("jürgen@münchen.de"));
    assertThat(PSEUDONYMS.redact("m\\u00fcnchen.acme.com")).isEqualTo(PSEUDONYMS.redact("münchen.acme.com"));
  }

  @Test
  void theSameAddressGetsTheSameTokenWithOrWithoutPunctuationOfOtherScriptsAroundIt() {
    String plain = PSEUDONYMS.redact("jane@example.org");
    assertThat(PSEUDONYMS.redact("«jane@example.org»")).isEqualTo("«" + plain + "»");
    String user = PSEUDONYMS.redact("Invalid user jürgen from 10.1.2.3 port 22").split(" ")[2];
    assertThat(PSEUDONYMS.redact("ssh jürgen@10.1.2.3")).startsWith("ssh " + user + "@");
  }
}
