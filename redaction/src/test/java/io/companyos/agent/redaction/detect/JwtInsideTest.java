package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link JwtDetector#end} remembers a three-part token not followed by a dot ({@link Scan#jwtFrom}) and answers -1
 * for every start inside it without parsing again: the look inside matches met each token's payload {@code eyJ}
 * (and a signature's) a second time. This checks the claim that makes it exact: on a fresh scan, which remembers
 * nothing, {@code end} at each position strictly inside such a token is -1 too; and the scan misses no byte that
 * every pattern tried at every position, with nothing remembered, finds.
 */
class JwtInsideTest {
  private static final CatalogScanner SCANNER =
      TestScanners.allOn(TriggerCatalog.build(List.of("acme-corp.com"), List.of("acme")));
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** A segment: base64url, often starting with {@code eyJ} (as a header, payload or even signature may). */
  @Provide
  Arbitrary<String> segment() {
    Arbitrary<String> body = Arbitraries.strings().withChars(B64.toCharArray()).ofMinLength(0).ofMaxLength(24);
    return Combinators.combine(Arbitraries.of("", "eyJ", "eyJ", "ey", "J"), body).as((a, b) -> a + b);
  }

  @Provide
  Arbitrary<String> tokenish() {
    Arbitrary<List<String>> parts = segment().list().ofMinSize(1).ofMaxSize(7);
    Arbitrary<String> padding = Arbitraries.of("", "=", "==");
    Arbitrary<String> after = Arbitraries.of("", " ", ".", ".eyJabcdefghijk", "\"", "=", ".x.y", ",", "\n");
    Arbitrary<String> before = Arbitraries.of("", " ", "Bearer ", "a", ".", "token=");
    return Combinators.combine(before, parts, padding, after)
        .as((b, p, pad, a) -> b + "eyJ" + String.join(".", p) + pad + a);
  }

  @Property(tries = 5000)
  void noJwtStartsInsideARememberedToken(@ForAll("tokenish") String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    Scan s = scan(b);
    for (int start = 0; start < b.length; start++) {
      JwtDetector.end(s, start);
      if (s.jwtTo > s.jwtFrom) {
        for (int x = s.jwtFrom + 1; x < s.jwtTo; x++) {
          assertThat(JwtDetector.end(scan(b), x)).as("a JWT at %d inside [%d, %d) of %s", x, s.jwtFrom, s.jwtTo, text)
              .isEqualTo(-1);
        }
      }
    }
  }

  @Property(tries = 2000)
  void theScanMissesNothingThatTryingEveryPositionWithoutTheMemoryFinds(@ForAll("tokenish") String a,
      @ForAll("tokenish") String b) {
    byte[] bytes = (a + " x " + b).getBytes(StandardCharsets.US_ASCII);
    Scan remembering = SCANNER.newScan(bytes);
    SCANNER.scan(remembering, 0, bytes.length);
    Scan fresh = SCANNER.newScan(bytes);
    for (int p = 0; p < bytes.length; p++) {
      fresh.jwtFrom = 0; // nothing remembered from one position to the next
      fresh.jwtTo = 0;
      SCANNER.onPatternsAt(fresh, p);
    }
    BitSet missed = TestScanners.covered(fresh);
    missed.andNot(TestScanners.covered(remembering));
    assertThat(missed.toString()).as(a + " x " + b).isEqualTo("{}");
  }

  @Test
  void aBearerTokenIsParsedOnceAndFoundWhole() {
    byte[] b = "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlLXh5eg rest"
        .getBytes(StandardCharsets.US_ASCII);
    String text = new String(b, StandardCharsets.US_ASCII);
    int start = text.indexOf("eyJ");
    int end = text.indexOf(" rest");
    int payload = text.indexOf("eyJ", start + 3);
    Scan s = scan(b);
    assertThat(JwtDetector.end(s, start)).isEqualTo(end);
    assertThat(s.jwtFrom).isEqualTo(start);
    assertThat(s.jwtTo).isEqualTo(end);
    // the payload's eyJ: -1 from the memory, and -1 on a fresh scan
    assertThat(JwtDetector.end(s, payload)).isEqualTo(-1);
    assertThat(JwtDetector.end(scan(b), payload)).isEqualTo(-1);
  }

  @Test
  void aTokenFollowedByADotIsNotRemembered() {
    // header.payload.sig.more: a JWT starting at the payload (eyJ….sig.more) is one; nothing may be skipped
    byte[] b = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.eyJzaWduYXR1cmUifQ.c2lnbmF0dXJlLXh5eg"
        .getBytes(StandardCharsets.US_ASCII);
    Scan s = scan(b);
    assertThat(JwtDetector.end(s, 0)).isPositive();
    assertThat(s.jwtTo).isZero();
    assertThat(JwtDetector.end(s, "eyJhbGciOiJIUzI1NiJ9.".length())).isEqualTo(b.length);
  }

  private static Scan scan(byte[] b) {
    Scan s = new Scan(new boolean[io.companyos.agent.redaction.DetectorType.values().length]);
    s.b = b;
    s.hi = b.length;
    s.eof = true;
    return s;
  }
}
