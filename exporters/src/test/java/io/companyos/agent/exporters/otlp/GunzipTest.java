package io.companyos.agent.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The sender's gunzip: the trailer's size is only a hint; what comes out is always the whole decoded stream. */
class GunzipTest {
  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  private static byte[] data(int n, long seed) {
    byte[] b = new byte[n];
    Random rnd = new Random(seed);
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + rnd.nextInt(4)); // compressible, like a batch
    }
    return b;
  }

  @Test
  void decodesOneMemberOfAnySize() throws IOException {
    for (int n : new int[] {0, 1, 100, 8191, 8192, 70_000, 1_500_000}) {
      byte[] raw = data(n, n);
      assertThat(OtlpBatchSender.gunzip(gzip(raw))).as("%d bytes", n).isEqualTo(raw);
    }
  }

  @Test
  void concatenatedMembersAreDecodedWholeThoughTheTrailerNamesOnlyTheLast() throws IOException {
    byte[] a = data(50_000, 1);
    byte[] b = data(3_000, 2);
    assertMembersDecodeWhole(a, b);
    // and the other way round: the last member larger than everything before it
    assertMembersDecodeWhole(b, a);
  }

  /** Two gzip members one after the other decode to both contents, in order. */
  private static void assertMembersDecodeWhole(byte[] first, byte[] second) throws IOException {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(gzip(first));
    both.write(gzip(second));
    byte[] want = new byte[first.length + second.length];
    System.arraycopy(first, 0, want, 0, first.length);
    System.arraycopy(second, 0, want, first.length, second.length);
    assertThat(OtlpBatchSender.gunzip(both.toByteArray())).isEqualTo(want);
  }

  @Test
  void aForgedSizeInTheTrailerIsRefusedOrIgnoredNeverTrusted() throws IOException {
    byte[] raw = data(20_000, 3);
    byte[] gz = gzip(raw);
    for (int forged : new int[] {1, 19_999, 20_001, 8 * 1024 * 1024, Integer.MAX_VALUE, -1}) {
      byte[] bad = gz.clone();
      for (int i = 0; i < 4; i++) {
        bad[bad.length - 4 + i] = (byte) (forged >>> (8 * i));
      }
      // GZIPInputStream checks the trailer against what it decoded: a wrong size is a corrupt stream
      assertThatThrownBy(() -> OtlpBatchSender.gunzip(bad)).as("%d", forged).isInstanceOf(IOException.class);
    }
  }
}
