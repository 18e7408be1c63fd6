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
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(gzip(a));
    both.write(gzip(b));
    byte[] want = new byte[a.length + b.length];
    System.arraycopy(a, 0, want, 0, a.length);
    System.arraycopy(b, 0, want, a.length, b.length);
    assertThat(OtlpBatchSender.gunzip(both.toByteArray())).isEqualTo(want);
    // and the other way round: the last member larger than everything before it
    both.reset();
    both.write(gzip(b));
    both.write(gzip(a));
    byte[] want2 = new byte[a.length + b.length];
    System.arraycopy(b, 0, want2, 0, b.length);
    System.arraycopy(a, 0, want2, b.length, a.length);
    assertThat(OtlpBatchSender.gunzip(both.toByteArray())).isEqualTo(want2);
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
