package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  private static final String NAME = "read-ahead-test";

  private static byte[] data(int n) {
    byte[] b = new byte[n];
    new Random(7).nextBytes(b);
    return b;
  }

  /** A source that gives at most {@code most} bytes per read, as a pipe does. */
  private static InputStream trickling(byte[] data, int most) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, most));
      }
    };
  }

  @Test
  void readsGiveTheSourceBytesInOrderWhateverTheReadSizes() throws IOException {
    byte[] data = data(3 * ReadAheadInputStream.BUFFER + 777);
    Random random = new Random(1);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (ReadAheadInputStream in = new ReadAheadInputStream(trickling(data, 300_001), NAME)) {
      while (true) {
        if (random.nextInt(5) == 0) {
          int c = in.read();
          if (c < 0) {
            break;
          }
          got.write(c);
        } else {
          byte[] b = new byte[1 + random.nextInt(2 * ReadAheadInputStream.BUFFER)];
          int n = in.read(b, 0, b.length);
          if (n < 0) {
            break;
          }
          assertThat(n).isPositive();
          got.write(b, 0, n);
        }
      }
      assertThat(in.read()).isEqualTo(-1);
      assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
    }
    assertThat(got.toByteArray()).isEqualTo(data);
  }

  @Test
  void transferToHandsOverEveryByte() throws IOException {
    byte[] data = data(2 * ReadAheadInputStream.BUFFER + 5);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (ReadAheadInputStream in = new ReadAheadInputStream(trickling(data, 65_536), NAME)) {
      assertThat(in.read()).isEqualTo(data[0] & 0xff);
      assertThat(in.transferTo(got)).isEqualTo(data.length - 1);
    }
    assertThat(got.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 1, data.length));
  }

  @Test
  void aFailedReadComesAfterTheBytesBeforeItAsTheSameException() throws IOException {
    byte[] data = data(ReadAheadInputStream.BUFFER + 10);
    IOException eio = new IOException("Input/output error");
    InputStream failing = new InputStream() {
      private final InputStream first = trickling(data, 4096);

      @Override
      public int read() throws IOException {
        int c = first.read();
        if (c < 0) {
          throw eio;
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = first.read(b, off, len);
        if (n < 0) {
          throw eio;
        }
        return n;
      }
    };
    try (ReadAheadInputStream in = new ReadAheadInputStream(failing, NAME)) {
      byte[] got = in.readNBytes(data.length);
      assertThat(got).isEqualTo(data);
      assertThatThrownBy(in::read).isSameAs(eio);
    }
  }

  @Test
  void whatAPipeGaveIsReadableBeforeItsWriterEndsIt() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream pipe = new PipedInputStream(writer, 1 << 16);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (ReadAheadInputStream in = new ReadAheadInputStream(pipe, NAME)) {
        writer.write("first line\n".getBytes(StandardCharsets.US_ASCII));
        writer.flush();
        byte[] b = new byte[100];
        // a line, not a full buffer: `tail -f app.log | agent redact` shows each line as it comes
        assertThat(new String(b, 0, in.read(b, 0, 100), StandardCharsets.US_ASCII)).isEqualTo("first line\n");
        writer.write("second\n".getBytes(StandardCharsets.US_ASCII));
        writer.close();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second\n");
      }
    });
  }

  @Test
  void closeClosesTheSourceAndStopsTheReaderThreadThatWaitsForRoom() throws Exception {
    AtomicBoolean sourceClosed = new AtomicBoolean();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }

      @Override
      public void close() {
        sourceClosed.set(true);
      }
    };
    String name = "read-ahead-close-test";
    ReadAheadInputStream in = new ReadAheadInputStream(endless, name);
    assertThat(in.read()).isEqualTo('x');
    in.close();
    assertThat(sourceClosed).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals(name) && t.isAlive()));
    assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream closed");
  }
}
