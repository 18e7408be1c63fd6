package io.companyos.agent.redaction.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The token cache (one byte array per entry, eight ways per set) never changes which token a value gets. */
class TokenCacheTest {
  private static final String[] LABELS =
      Arrays.stream(DetectorType.values()).map(DetectorType::label).toArray(String[]::new);
  private static final int KINDS = LABELS.length;
  private static final int VALUES = 100_000; // more than the 64 Ki slots: entries are evicted and moved

  private static TokenFactory factory() {
    Strategy[] strategies = new Strategy[KINDS];
    Arrays.fill(strategies, Strategy.PSEUDONYM);
    return new TokenFactory(LABELS, strategies, PseudonymKey.of(new byte[32]), null);
  }

  private static byte[] value(int n) {
    // long values (over the 4096 bytes an entry holds) are never cached, and must get their token all the same
    String v = n % 1000 == 0 ? "v".repeat(5000) + n
        : n % 1000 == 500 ? "w".repeat(300) + n // a JWT's length: cached
        : "10." + (n >> 16) + "." + ((n >> 8) & 255) + "." + (n & 255);
    return ("<<" + v + ">>").getBytes(StandardCharsets.US_ASCII);
  }

  private static String token(TokenFactory f, int n) throws IOException {
    byte[] b = value(n);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MatchList m = new MatchList();
    m.add(2, b.length - 2, n % KINDS);
    long[] hashes = new long[1];
    f.writeReplacement(n % KINDS, b, 2, b.length - 2, hashes[0], f.prepare(b, m, 1, hashes), out);
    String written = out.toString(StandardCharsets.US_ASCII);
    assertThat(new String(f.replacement(n % KINDS, b, 2, b.length - 2), StandardCharsets.US_ASCII))
        .isEqualTo(written);
    return written;
  }

  @Test
  void aValueKeepsItsTokenWhenTheCacheIsFullAndWhenItIsRead() throws IOException {
    TokenFactory fresh = factory();
    List<String> first = new ArrayList<>();
    for (int n = 0; n < VALUES; n++) {
      first.add(token(fresh, n));
    }
    for (int n = VALUES - 1; n >= 0; n--) {
      assertThat(token(fresh, n)).as("value %d again", n).isEqualTo(first.get(n));
    }
    TokenFactory other = factory();
    for (int n = 0; n < VALUES; n += 7) {
      assertThat(token(other, n)).isEqualTo(first.get(n));
    }
  }

  @Test
  void twoThreadsOnOneCacheGetTheTokensOfOne() throws Exception {
    TokenFactory reference = factory();
    String[] expected = new String[VALUES];
    for (int n = 0; n < VALUES; n++) {
      expected[n] = token(reference, n);
    }
    TokenFactory shared = factory();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          int wrong = 0;
          for (int round = 0; round < 2; round++) {
            for (int k = 0; k < VALUES; k++) {
              int n = seed == 0 ? k : VALUES - 1 - k;
              if (!token(shared, n).equals(expected[n])) {
                wrong++;
              }
            }
          }
          return wrong;
        }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
