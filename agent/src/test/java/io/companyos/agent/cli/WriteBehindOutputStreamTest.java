package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WriteBehindOutputStreamTest {
  private static final String NAME = "write-behind-test";

  @Test
  void everyByteArrivesInOrderWhateverTheWriteSizes() throws IOException {
    Random random = new Random(42);
    byte[] data = new byte[5 * WriteBehindOutputStream.BUFFER + 12_345];
    random.nextBytes(data);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (WriteBehindOutputStream out = new WriteBehindOutputStream(sink, NAME)) {
      int i = 0;
      while (i < data.length) {
        int kind = random.nextInt(4);
        if (kind == 0) {
          out.write(data[i++]);
        } else {
          // small, buffer-sized and larger than a buffer: across every hand-over point
          int n = Math.min(data.length - i, kind == 1 ? random.nextInt(100) : kind == 2
              ? random.nextInt(WriteBehindOutputStream.BUFFER) : WriteBehindOutputStream.BUFFER + random.nextInt(999));
          out.write(data, i, n);
          i += n;
        }
      }
    }
    assertThat(sink.toByteArray()).isEqualTo(data);
  }

  @Test
  void flushWaitsUntilTheBytesReachedTheUnderlyingStreamAndFlushesIt() throws IOException {
    AtomicBoolean flushed = new AtomicBoolean();
    ByteArrayOutputStream sink = new ByteArrayOutputStream() {
      @Override
      public void flush() {
        flushed.set(true);
      }
    };
    try (WriteBehindOutputStream out = new WriteBehindOutputStream(sink, NAME)) {
      out.write("first line\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(sink.size()).isZero(); // buffered, under a buffer's size
      out.flush();
      assertThat(sink.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("first line\n");
      assertThat(flushed).isTrue();
    }
  }

  @Test
  void closeEndsTheWriterThreadAndLeavesTheUnderlyingStreamOpen() throws IOException {
    AtomicBoolean underlyingClosed = new AtomicBoolean();
    OutputStream sink = new ByteArrayOutputStream() {
      @Override
      public void close() {
        underlyingClosed.set(true);
      }
    };
    WriteBehindOutputStream out = new WriteBehindOutputStream(sink, "write-behind-close-test");
    assertThat(writerAlive("write-behind-close-test")).isTrue();
    out.write(new byte[3 * WriteBehindOutputStream.BUFFER]);
    out.close();
    assertThat(writerAlive("write-behind-close-test")).isFalse();
    assertThat(underlyingClosed).isFalse();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessage("stream closed");
  }

  @Test
  void aFailedWriteIsThrownOnceAsTheSameExceptionAndLaterWritesDoNotBlock() {
    IOException full = new IOException("No space left on device");
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw full;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw full;
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      WriteBehindOutputStream out = new WriteBehindOutputStream(failing, NAME);
      byte[] mib = new byte[WriteBehindOutputStream.BUFFER];
      IOException thrown = null;
      // more than every buffer in flight: were the failed writer to stop returning buffers, this would block
      for (int i = 0; i < 50 && thrown == null; i++) {
        try {
          out.write(mib);
        } catch (IOException e) {
          thrown = e;
        }
      }
      if (thrown == null) {
        thrown = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, out::flush);
      }
      assertThat(thrown).isSameAs(full);
      // as try-with-resources calls it after the failure: no second throw (which would suppress itself)
      out.close();
    });
  }

  @Test
  void aFailureInTheFinalFlushIsThrownFromClose() {
    IOException gone = new IOException("Broken pipe");
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw gone;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw gone;
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      WriteBehindOutputStream out = new WriteBehindOutputStream(failing, NAME);
      out.write(new byte[100]);
      assertThatThrownBy(out::close).isSameAs(gone);
    });
  }

  private static boolean writerAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }
}
