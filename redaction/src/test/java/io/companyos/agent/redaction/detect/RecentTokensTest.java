package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A thread's memory of recent tokens: what it was told, for that kind and length only, the newest kept. */
class RecentTokensTest {
  /** Hashes that share a set at any size: the same high bits (the set's), different low bits. */
  private static long inSet(int set, int n) {
    return ((long) set << 40) | n;
  }

  @Test
  void findsWhatItWasToldForThatKindAndLengthOnly() {
    RecentTokens r = new RecentTokens(32);
    long h = 0x1234_5678_9abc_def0L;
    assertThat(r.find(h, 3, 12)).isEqualTo(-1);
    r.put(h, 3, 12, 0xdeadbeef);
    assertThat(r.find(h, 3, 12)).isEqualTo(0xdeadbeefL);
    assertThat(r.find(h, 4, 12)).as("another kind").isEqualTo(-1);
    assertThat(r.find(h, 3, 13)).as("another length").isEqualTo(-1);
    assertThat(r.find(h ^ 1, 3, 12)).as("another hash").isEqualTo(-1);
  }

  @Test
  void aSetKeepsTheTwoReadOrWrittenLast() {
    RecentTokens r = new RecentTokens(32);
    long a = inSet(7, 1);
    long b = inSet(7, 2);
    long c = inSet(7, 3);
    r.put(a, 1, 5, 0xa);
    r.put(b, 1, 5, 0xb);
    assertThat(r.find(a, 1, 5)).isEqualTo(0xa); // read: now the newer of the two
    r.put(c, 1, 5, 0xc); // drops the older: b
    assertThat(r.find(a, 1, 5)).isEqualTo(0xa);
    assertThat(r.find(c, 1, 5)).isEqualTo(0xc);
    assertThat(r.find(b, 1, 5)).isEqualTo(-1);
  }

  @Test
  void growsToItsBoundAndKeepsTheNewestEntriesWhenItGrows() {
    RecentTokens r = new RecentTokens(32);
    assertThat(r.capacity()).isEqualTo(2048);
    long[] hashes = new long[300_000];
    SplittableRandom random = new SplittableRandom(1);
    for (int n = 0; n < hashes.length; n++) {
      hashes[n] = random.nextLong();
      r.put(hashes[n], 2, 10, n);
      if (n == 1000) {
        assertThat(r.capacity()).as("not yet half full").isEqualTo(2048);
      }
      if (n == 1100) {
        assertThat(r.capacity()).as("half full: twice the sets").isEqualTo(4096);
      }
    }
    assertThat(r.capacity()).isEqualTo(131_072);
    int found = 0;
    for (int n = hashes.length - 1000; n < hashes.length; n++) {
      if (r.find(hashes[n], 2, 10) == n) {
        found++;
      }
    }
    // the last 1,000 of 300,000 random hashes in 65,536 sets of two: nearly all still there
    assertThat(found).isGreaterThan(990);
    int wrong = 0;
    for (int n = 0; n < hashes.length; n++) {
      long t = r.find(hashes[n], 2, 10);
      if (t != -1 && t != n) {
        wrong++;
      }
    }
    assertThat(wrong).as("a hash found is found with its own token").isZero();
  }

  @Test
  void theSameBytesAsTwoKindsGetTwoTokensEachTheOneTheFactoryMakes() throws IOException {
    String[] labels = Arrays.stream(DetectorType.values()).map(DetectorType::label).toArray(String[]::new);
    Strategy[] strategies = new Strategy[labels.length];
    Arrays.fill(strategies, Strategy.PSEUDONYM);
    TokenFactory f = new TokenFactory(labels, strategies, PseudonymKey.of(new byte[32]), null);
    byte[] v = "x acme.internal y".getBytes(StandardCharsets.US_ASCII);
    int host = DetectorType.HOSTNAME.ordinal();
    int keyword = DetectorType.KEYWORD.ordinal();
    for (int round = 0; round < 3; round++) { // the first writes come from the HMAC, the later from memory
      String asHost = written(f, host, v);
      String asKeyword = written(f, keyword, v);
      assertThat(asHost).startsWith("<host:")
          .isEqualTo(new String(f.replacement(host, v, 2, 15), StandardCharsets.US_ASCII));
      assertThat(asKeyword).startsWith("<keyword:")
          .isEqualTo(new String(f.replacement(keyword, v, 2, 15), StandardCharsets.US_ASCII));
      assertThat(asHost.substring(6)).isNotEqualTo(asKeyword.substring(9));
    }
  }

  private static String written(TokenFactory f, int kind, byte[] v) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MatchList m = new MatchList();
    m.add(2, 15, kind);
    long[] hashes = new long[1];
    f.writeReplacement(kind, v, 2, 15, hashes[0], f.prepare(v, m, 1, hashes), out);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
