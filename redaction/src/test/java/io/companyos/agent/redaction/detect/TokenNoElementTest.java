package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token the mask strategy wrote ({@code <user>}, {@code <secret>}) looks like an XML element, {@code <user>x<…}.
 * The scan skips tokens, but not where it goes through the bytes of a match (a match found further on than its
 * trigger): there the key rule took {@code <user> FROM <ipv4>} for an element holding {@code " FROM "}, and redacting
 * twice differed from once (found in session 20 with a login line's user). The key rule itself now refuses a token.
 */
class TokenNoElementTest {
  private static final CatalogScanner SCANNER = TestScanners.allOn(TriggerCatalog.build(List.of(), List.of()));

  @Test
  void aTokenIsNoElementOfItsKey() {
    byte[] in = "BY <user> FROM <ipv4>".getBytes(StandardCharsets.US_ASCII);
    Scan s = SCANNER.newScan(in);
    Trigger user = TriggerCatalog.build(List.of(), List.of()).stream()
        .filter(t -> t.action() == Trigger.Action.KEY_VALUE && t.text().equals("user")).findFirst().orElseThrow();
    int last = 3 + "<user".length() - 1; // the r of <user>

    assertThat(KeyValueDetector.find(s, last, user)).isEqualTo(-1);
    assertThat(s.matches.size()).isZero();
  }

  @Test
  void anElementThatIsNoTokenStillIs() {
    byte[] in = "<password>hunter2</password>".getBytes(StandardCharsets.US_ASCII);
    Scan s = SCANNER.newScan(in);
    SCANNER.scan(s, 0, in.length);

    assertThat(s.matches.size()).isEqualTo(1);
    assertThat(new String(in, s.matches.start(0), s.matches.end(0) - s.matches.start(0), StandardCharsets.US_ASCII))
        .isEqualTo("hunter2");
    assertThat(s.matches.kind(0)).isEqualTo(DetectorType.SECRET.ordinal());
  }
}
