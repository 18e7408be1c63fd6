package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text an IPv6 token is made from: RFC 5952, so that one address written differently gets one token. */
class Ipv6CanonicalTest {
  @ParameterizedTest
  @CsvSource({
      "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
      "2001:DB8::0:1, 2001:db8::1",
      "0:0:0:0:0:0:0:0, ::",
      "fe80:0:0:0:1:2:3:4%ETH0, fe80::1:2:3:4%eth0",
      "1:0:0:0:0:0:0:0, 1::",
      "0:0:0:0:0:ffff:0a01:0203, ::ffff:a01:203",
      "0:0:0:0:0:FFFF:10.1.2.3, ::ffff:10.1.2.3",
      "::ffff:0:10.1.2.3, ::ffff:0:10.1.2.3",
      "1:2:3:4:5:6:10.1.2.3, 1:2:3:4:5:6:10.1.2.3",
      "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::"})
  void nonCanonicalFormsBecomeRfc5952(String in, String canonical) {
    assertThat(canonical(in)).isEqualTo(canonical);
    assertThat(canonical(canonical)).as("canonical text is unchanged").isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "fe80::a033:699b:82cf:305c", "::ffff:192.168.1.2", "fd00:695::1961:e63d",
      "2001:db8:8ef9:b98c::c17a", "1:2:3:4:5:6:7:8", "::1:0:0:0:1"})
  void canonicalFormsAreUnchangedSoTheirTokensAre(String in) {
    assertThat(canonical(in)).isEqualTo(in);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[2001:DB8::1]", "1::2::3", "12345::1", "1:2:3", "g::1"})
  void whatCannotBeReadIsOnlyLowerCased(String in) {
    assertThat(canonical(in)).isEqualTo(in.toLowerCase(java.util.Locale.ROOT));
  }

  @org.junit.jupiter.api.Test
  void oneAddressWrittenThreeWaysGetsOneToken() {
    io.companyos.agent.redaction.Redactor r = io.companyos.agent.redaction.Redactor.builder().build();
    String token = r.redact("2001:db8::1");
    assertThat(token).matches("<ipv6:[0-9a-f]{8}>");
    assertThat(r.redact("from 2001:0DB8:0:0:0:0:0:1 and [2001:db8:0::1]:443"))
        .isEqualTo("from " + token + " and [" + token + "]:443");
    assertThat(r.redact("2001:db8::2")).isNotEqualTo(token);
  }

  private static String canonical(String in) {
    return new String(Ipv6Detector.canonical(in.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.ISO_8859_1);
  }
}
