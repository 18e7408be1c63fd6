package io.companyos.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WriteBehindOutputTest {

  private static final int BUFFER = WriteBehindOutput.BUFFER_BYTES;

  /**
   * Whatever the sizes of the writes (single bytes, empty, within a buffer, across several buffers) and the flushes
   * between them, the bytes arrive in order and unchanged, and the writer thread has ended after close.
   */
  @Property(tries = 60)
  void deliversEveryByteInOrder(
      @ForAll @Size(max = 24) List<@IntRange(min = -1, max = 2_600_000) Integer> writes,
      @ForAll @Size(max = 24) List<Boolean> flushes, @ForAll long seed) throws IOException {
    Random random = new Random(seed);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    String name = "write-behind-test-" + seed;
    WriteBehindOutput out = new WriteBehindOutput(actual, name);
    for (int i = 0; i < writes.size(); i++) {
      int size = writes.get(i);
      if (size < 0) {
        int b = random.nextInt(256);
        out.write(b);
        expected.write(b);
      } else {
        byte[] bytes = new byte[size + 10];
        random.nextBytes(bytes);
        out.write(bytes, 5, size);
        expected.write(bytes, 5, size);
      }
      if (i < flushes.size() && flushes.get(i)) {
        out.flush();
      }
    }
    out.close();
    assertThat(alive(name)).isFalse();
    assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void aFailureOfTheTargetReachesTheCallerAndEndsTheThread() {
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    WriteBehindOutput out = new WriteBehindOutput(failing, "write-behind-failing");
    byte[] block = new byte[BUFFER];
    assertThatThrownBy(() -> {
      // the first hand-over fails in the thread; a later write or the close reports it
      for (int i = 0; i < 8; i++) {
        out.write(block);
      }
      out.close();
    }).isInstanceOf(IOException.class).hasMessage("No space left on device");
    assertThat(alive("write-behind-failing")).isFalse();
  }

  @Test
  void anInterruptedCallerStopsAtItsNextHandOver() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    WriteBehindOutput out = new WriteBehindOutput(target, "write-behind-interrupted");
    out.write(new byte[BUFFER / 2]);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> out.write(new byte[BUFFER])).isInstanceOf(InterruptedIOException.class);
      assertThat(alive("write-behind-interrupted")).isFalse();
    } finally {
      Thread.interrupted();
    }
    assertThatThrownBy(() -> out.write(new byte[BUFFER])).isInstanceOf(IOException.class);
  }

  /** A target that blocks (a full pipe on stdout) does not keep the thread once the caller gives up. */
  @Test
  void stopEndsAThreadBlockedInTheTarget() throws IOException {
    CountDownLatch entered = new CountDownLatch(1);
    OutputStream blocking = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        entered.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          throw new InterruptedIOException("interrupted");
        }
      }
    };
    WriteBehindOutput out = new WriteBehindOutput(blocking, "write-behind-blocked");
    out.write(new byte[BUFFER + 1]);
    try {
      entered.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    out.stop();
    assertThat(alive("write-behind-blocked")).isFalse();
  }

  /** As a try-with-resources uses it: a close after a write threw the failure does not throw it again. */
  @Test
  void aFailureIsThrownOnceAndTheTargetIsNeverClosed() throws IOException {
    IOException full = new IOException("No space left on device");
    boolean[] closed = {false};
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw full;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw full;
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    WriteBehindOutput out = new WriteBehindOutput(failing, "write-behind-once");
    IOException thrown = null;
    for (int i = 0; i < 16 && thrown == null; i++) {
      try {
        out.write(new byte[BUFFER]);
      } catch (IOException e) {
        thrown = e;
      }
    }
    assertThat(thrown).isSameAs(full);
    out.close();
    assertThat(alive("write-behind-once")).isFalse();
    assertThat(closed[0]).isFalse();
  }

  private static boolean alive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }
}
