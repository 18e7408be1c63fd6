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

  @Test
  void theSameAddressGetsTheSameTokenWithOrWithoutPunctuationOfOtherScriptsAroundIt() {
    String plain = PSEUDONYMS.redact("jane@example.org");
    assertThat(PSEUDONYMS.redact("«jane@example.org»")).isEqualTo("«" + plain + "»");
    String user = PSEUDONYMS.redact("Invalid user jürgen from 10.1.2.3 port 22").split(" ")[2];
    assertThat(PSEUDONYMS.redact("ssh jürgen@10.1.2.3")).startsWith("ssh " + user + "@");
  }
}
