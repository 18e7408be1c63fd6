package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StreamingTest {
  private static final Redactor REDACTOR = Redactor.builder().pseudonymKey(PseudonymKey.of(new byte[32])).build();
  private static final String SECRET_LINE = "login bob.jones@example.org from 10.1.2.3 card 4111111111111111\n";

  @Test
  void streamingEqualsRedactingTheWholeString() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      sb.append(i % 7 == 0 ? SECRET_LINE : "2024-03-04 12:00:00.000 INFO ok step " + i + "\n");
    }
    String text = sb.toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    REDACTOR.redact(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(REDACTOR.redact(text));
  }

  /**
   * Into an output that buffers itself, the text between replacements is written to it directly, in pieces of any
   * size: the same bytes as through the redactor's own buffer, over several windows, from an input that gives few
   * bytes per read (a pipe), and the output is flushed, not closed.
   */
  @Test
  void redactingIntoABufferedOutputWritesTheSameBytes() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      sb.append(i % 7 == 0 ? SECRET_LINE : "2024-03-04 12:00:00.000 INFO ok step " + i + "\n");
    }
    byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream viaBuffer = new ByteArrayOutputStream();
    REDACTOR.redact(new ByteArrayInputStream(text), viaBuffer, new RedactionCounter());
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    int[] writes = new int[1];
    boolean[] closed = new boolean[1];
    OutputStream counting = new java.io.FilterOutputStream(direct) {
      @Override
      public void write(byte[] b, int off, int len) {
        writes[0]++;
        direct.write(b, off, len);
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    java.io.InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(text)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 4093));
      }
    };
    RedactionCounter counter = new RedactionCounter();
    REDACTOR.redactToBuffered(trickle, counting, counter);
    assertThat(direct.toByteArray()).isEqualTo(viaBuffer.toByteArray());
    assertThat(counter.count(DetectorType.EMAIL)).isEqualTo(60_000 / 7 + 1);
    assertThat(writes[0]).as("a write per piece between replacements").isGreaterThan(2 * (60_000 / 7));
    assertThat(closed[0]).isFalse();
  }

  @Test
  void aFiftyMegabyteLineIsRedactedInBoundedMemoryWithSecretsOnWindowEdges() throws IOException {
    RedactionCounter counter = new RedactionCounter();
    CountingSink sink = new CountingSink();
    byte[] filler = "abcdefgh ".getBytes(StandardCharsets.US_ASCII);
    byte[] secret = " mallory@example.org ".getBytes(StandardCharsets.US_ASCII);
    long total = 0;
    int planted = 0;
    try (OutputStream s = REDACTOR.newRedactingStream(sink, counter)) {
      while (total < 50L * 1024 * 1024) {
        // plant a secret straddling every multiple of 1 MiB (the window size) and some odd offsets
        long next = ((total >> 20) + 1) << 20;
        while (total + filler.length < next - 7) {
          s.write(filler);
          total += filler.length;
        }
        s.write(secret);
        total += secret.length;
        planted++;
      }
    }
    assertThat(counter.count(DetectorType.EMAIL)).isEqualTo(planted);
    assertThat(sink.containsRaw).isFalse();
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(1L << 30); // surefire runs us with -Xmx512m
  }

  @Test
  void readerAndWriterGoThroughUtf8() throws IOException {
    StringWriter w = new StringWriter();
    REDACTOR.redact(new StringReader("Grüße an zoë.müller@example.org — ok\n"), w, new RedactionCounter());
    assertThat(w.toString()).matches("Grüße an <email:[0-9a-f]{8}> — ok\n");
  }

  @Test
  void afterAFailureTheStreamRefusesMoreInput() throws IOException {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("disk full");
      }
    };
    OutputStream s = REDACTOR.newRedactingStream(broken, new RedactionCounter());
    s.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(s::close).isInstanceOf(IOException.class).hasMessage("disk full");
  }

  /** Remembers only whether the raw secret went through (it must not). */
  private static final class CountingSink extends OutputStream {
    private static final Pattern RAW = Pattern.compile("mallory|llory@ex|@example\\.org");
    boolean containsRaw;
    private String tail = "";

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      String chunk = tail + new String(b, off, len, StandardCharsets.ISO_8859_1);
      Matcher m = RAW.matcher(chunk);
      containsRaw |= m.find();
      tail = chunk.substring(Math.max(0, chunk.length() - 32));
    }
  }
}
