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
