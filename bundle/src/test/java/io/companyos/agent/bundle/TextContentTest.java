package io.companyos.agent.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.junit.jupiter.api.Test;

class TextContentTest {

  private static final String LOG = "2026-11-28T05:00:01Z INFO login user=jdoe password=Hunter2Secret99\n";

  @Test
  void plainTextPassesThroughAsItIs() throws Exception {
    byte[] text = (LOG.repeat(500) + "tail without newline").getBytes(UTF_8);
    TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(text));
    assertThat(opened.plain()).isTrue();
    assertThat(opened.description()).isEqualTo("text");
    assertThat(opened.text().readAllBytes()).isEqualTo(text);
  }

  @Test
  void emptyAndTinyInputsAreText() throws Exception {
    for (String s : new String[] {"", "a", "ab\n", "x^ looks like zlib", "BZh9 looks like bzip2\n"}) {
      TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(s.getBytes(UTF_8)));
      assertThat(opened.plain()).as(s).isTrue();
      assertThat(new String(opened.text().readAllBytes(), UTF_8)).isEqualTo(s);
    }
  }

  @Test
  void rotatedLogsAreDecompressed() throws Exception {
    String text = LOG.repeat(3000);
    assertDecompressed(gzip(text.getBytes(UTF_8)), "gzip", text);
    assertDecompressed(compressed(text.getBytes(UTF_8), BZip2CompressorOutputStream::new), "bzip2", text);
    assertDecompressed(compressed(text.getBytes(UTF_8), ZstdOutputStream::new), "zstd", text);
    assertDecompressed(compressed(text.getBytes(UTF_8), FramedLZ4CompressorOutputStream::new), "lz4", text);
  }

  @Test
  void gzipMembersOneAfterTheOtherAreOneText() throws Exception {
    // `cat a.gz b.gz > c.gz`, and what gzip -c >> writes
    byte[] both = concat(gzip("first part\n".getBytes(UTF_8)), gzip("second part\n".getBytes(UTF_8)));
    assertDecompressed(both, "gzip", "first part\nsecond part\n");
  }

  @Test
  void utf16AndUtf32AreTranscodedToUtf8() throws Exception {
    // non-ASCII letters and a character outside the BMP (a surrogate pair), also where a read's chars end
    String text = ("Zoë Ångström 😀 " + LOG).repeat(700);
    assertTranscoded(withBom(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE), "UTF-16LE text", text);
    assertTranscoded(withBom(text, StandardCharsets.UTF_16BE, 0xFE, 0xFF), "UTF-16BE text", text);
    assertTranscoded(withBom(text, Charset.forName("UTF-32LE"), 0xFF, 0xFE, 0, 0), "UTF-32LE text", text);
    assertTranscoded(withBom(text, Charset.forName("UTF-32BE"), 0, 0, 0xFE, 0xFF), "UTF-32BE text", text);
    // no byte order mark: ASCII text has every second byte zero
    assertTranscoded(LOG.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE text", LOG);
    assertTranscoded(LOG.getBytes(StandardCharsets.UTF_16BE), "UTF-16BE text", LOG);
  }

  @Test
  void compressedUtf16IsBoth() throws Exception {
    TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(
        gzip(withBom(LOG, StandardCharsets.UTF_16LE, 0xFF, 0xFE))));
    assertThat(opened.description()).isEqualTo("gzip-compressed UTF-16LE text");
    assertThat(new String(opened.text().readAllBytes(), UTF_8)).isEqualTo(LOG);
  }

  @Property(tries = 200)
  void anyTextSurvivesUtf16(@ForAll @StringLength(max = 20000) String text) throws Exception {
    // unpaired surrogates cannot be encoded; what can be, comes back exactly. (A U+0000 first makes the mark read as
    // UTF-32LE's, FF FE 00 00: no text starts so.)
    Assume.that(!text.startsWith("\0"));
    String clean = new String(text.getBytes(UTF_8), UTF_8);
    byte[] utf16 = withBom(clean, StandardCharsets.UTF_16LE, 0xFF, 0xFE);
    assertThat(new String(TextContent.open(new ByteArrayInputStream(utf16)).text().readAllBytes(), UTF_8))
        .isEqualTo(clean);
  }

  @Test
  void zerosThatPadALogAreNotBinary() throws Exception {
    // ext4 after a crash: a block of zeros where the last writes were lost, then the log goes on
    byte[] padded = concat(LOG.getBytes(UTF_8), new byte[4096], LOG.getBytes(UTF_8));
    TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(padded));
    assertThat(opened.plain()).isTrue();
    assertThat(opened.text().readAllBytes()).isEqualTo(padded);
    // and a run that the look ends in
    byte[] endsInZeros = concat("short\n".getBytes(UTF_8), new byte[TextContent.SNIFF_BYTES]);
    assertThat(TextContent.open(new ByteArrayInputStream(endsInZeros)).plain()).isTrue();
  }

  @Test
  void binaryFilesAreRefusedSayingWhatTheyAre() {
    byte[] elf = concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0},
        LOG.getBytes(UTF_8));
    assertRefused(elf, "binary content (a zero byte at offset 17); the agent redacts text only");
    // a DER private key (PKCS#8), a Java keystore, an SQLite database
    assertRefused(new byte[] {0x30, (byte) 0x82, 0x04, (byte) 0xBE, 0x02, 0x01, 0x00, 0x30, 0x0D, 0x06},
        "binary content (a zero byte at offset 6)");
    assertRefused(new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0},
        "binary content (a zero byte at offset 4)");
    assertRefused(concat("SQLite format 3".getBytes(UTF_8), new byte[] {0, 0x10, 0, 1, 1}),
        "binary content (a zero byte at offset 15)");
  }

  @Test
  void textWithControlBytesOrGarbageAfterItsFirstLineIsText() throws Exception {
    // a FIX engine's log separates fields with SOH; a log with binary garbage further on is redacted around it
    String fix = "8=FIX.4.2\u00019=65\u000135=A\u000149=SERVER\u000156=CLIENT\u000134=177\u000152=20261128-05:00:00\n";
    byte[] garbage = new byte[6000];
    new java.util.Random(3).nextBytes(garbage);
    for (byte[] text : new byte[][] {fix.repeat(50).getBytes(UTF_8), concat(LOG.getBytes(UTF_8), garbage)}) {
      TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(text));
      assertThat(opened.plain()).isTrue();
      assertThat(opened.text().readAllBytes()).isEqualTo(text);
    }
  }

  @Test
  void otherCompressionIsRefused() {
    assertRefused(compressedXz(), "compressed with xz, which the agent does not read; decompress it first");
  }

  @Test
  void archivesAreRefusedByName() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("app.log"));
      out.write(LOG.getBytes(UTF_8));
    }
    assertRefused(zip.toByteArray(), "a zip archive; give the files in it instead");
    assertRefused(gzip(gzip(LOG.getBytes(UTF_8))), "gzip-compressed data that is compressed again (gz)");
  }

  @Test
  void corruptCompressedDataIsAnErrorNotText() throws Exception {
    byte[] whole = gzip(LOG.repeat(2000).getBytes(UTF_8));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> TextContent.open(new ByteArrayInputStream(cut)).text().readAllBytes())
        .isInstanceOf(CorruptContentException.class)
        .hasMessageStartingWith("gzip data is corrupt or cut short: ");
    byte[] flipped = whole.clone();
    flipped[flipped.length - 6] ^= 0x55; // the CRC-32
    assertThatThrownBy(() -> TextContent.open(new ByteArrayInputStream(flipped)).text().readAllBytes())
        .isInstanceOf(CorruptContentException.class);
  }

  @Test
  void theSourcesOwnReadErrorsPassUnchanged() throws Exception {
    StringBuilder lines = new StringBuilder();
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < 5000; i++) {
      lines.append(LOG, 0, 30).append(random.nextLong()).append(' ').append(random.nextDouble()).append('\n');
    }
    byte[] whole = gzip(lines.toString().getBytes(UTF_8));
    assertThat(whole.length).isGreaterThan(40000);
    IOException failure = new IOException("disk gone");
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(whole)) {
      private int read;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (read > 20000) {
          throw failure;
        }
        int n = super.read(b, off, Math.min(len, 1000));
        read += Math.max(n, 0);
        return n;
      }
    };
    assertThatThrownBy(() -> TextContent.open(failing).text().readAllBytes()).isSameAs(failure);
  }

  @Test
  void compressionSuffixesComeOff() {
    assertThat(TextContent.withoutCompressionSuffix("app.log.2.gz")).isEqualTo("app.log.2");
    assertThat(TextContent.withoutCompressionSuffix("0.log.20261125-101010.GZ")).isEqualTo("0.log.20261125-101010");
    assertThat(TextContent.withoutCompressionSuffix("syslog.3.bz2")).isEqualTo("syslog.3");
    assertThat(TextContent.withoutCompressionSuffix("x.log.zst")).isEqualTo("x.log");
    assertThat(TextContent.withoutCompressionSuffix("app.log")).isEqualTo("app.log");
    assertThat(TextContent.withoutCompressionSuffix(".gz")).isEqualTo(".gz");
  }

  private static void assertDecompressed(byte[] data, String compression, String text) throws IOException {
    TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(data));
    assertThat(opened.compression()).isEqualTo(compression);
    assertThat(opened.plain()).isFalse();
    assertThat(opened.description()).isEqualTo(compression + "-compressed text");
    assertThat(new String(opened.text().readAllBytes(), UTF_8)).isEqualTo(text);
  }

  private static void assertTranscoded(byte[] data, String description, String text) throws IOException {
    TextContent.Opened opened = TextContent.open(new ByteArrayInputStream(data));
    assertThat(opened.description()).isEqualTo(description);
    assertThat(opened.plain()).isFalse();
    assertThat(new String(opened.text().readAllBytes(), UTF_8)).isEqualTo(text);
  }

  private static void assertRefused(byte[] data, String message) {
    assertThatThrownBy(() -> TextContent.open(new ByteArrayInputStream(data)))
        .isInstanceOf(NotTextException.class)
        .hasMessageStartingWith(message);
  }

  private static byte[] withBom(String text, Charset charset, int... bom) {
    byte[] mark = new byte[bom.length];
    for (int i = 0; i < bom.length; i++) {
      mark[i] = (byte) bom[i];
    }
    return concat(mark, text.getBytes(charset));
  }

  private static byte[] gzip(byte[] data) throws IOException {
    return compressed(data, GZIPOutputStream::new);
  }

  /** The start of an xz stream: its magic and stream flags (the agent reads no further). */
  private static byte[] compressedXz() {
    return concat(new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4, (byte) 0xE6, (byte) 0xD6, (byte) 0xB4, 0x46},
        new byte[64]);
  }

  interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compressed(byte[] data, Compressor compressor) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = compressor.wrap(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
