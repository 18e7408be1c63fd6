package io.companyos.agent.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Buffers what is written to it and hands each full buffer to a writer thread, so that the thread that writes here
 * (the one redacting thread of {@code agent redact}) does not wait in the kernel's {@code write(2)}: the copy into
 * the page cache (~0.1 s for 256 MiB) runs on another core beside the redaction.
 *
 * <p>{@link #flush()} waits until every byte written before it has reached the underlying stream, and flushes that;
 * {@link #close()} does the same and ends the writer thread, leaving the underlying stream open (standard output
 * stays open; the caller closes a file). A failed write of the underlying stream is thrown, as the same exception,
 * from the next {@code write}, {@code flush} or {@code close} here (once: a {@code close} after it was thrown does
 * not throw it again, which would make a try-with-resources suppress it in itself); from then on nothing more is
 * written. Not for use by more than one thread at a time.
 */
final class WriteBehindOutputStream extends OutputStream {
  /** Bytes per hand-over: large writes cost the kernel less per byte than the 64 KiB the engine's sink gives. */
  static final int BUFFER = 1 << 20;
  /** Buffers in flight: one being filled, the others queued for or in {@code write(2)}. */
  private static final int BUFFERS = 4;

  /** A filled buffer, or (with {@code done}) a marker the writer counts down when all before it is written. */
  private record Chunk(byte[] bytes, int length, CountDownLatch done) {}

  private static final Chunk END = new Chunk(new byte[0], 0, null);

  private final OutputStream out;
  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BUFFERS);
  private final Thread writer;
  private volatile IOException failure;
  /** Whether {@code failure} reached the caller: thrown again from {@code close} it would suppress itself. */
  private boolean failureThrown;
  private byte[] buf;
  private int n;
  private boolean closed;

  /** Writes to {@code out} from a daemon thread named {@code name}. */
  WriteBehindOutputStream(OutputStream out, String name) {
    this.out = out;
    for (int i = 1; i < BUFFERS; i++) {
      empty.add(new byte[BUFFER]);
    }
    buf = new byte[BUFFER];
    writer = new Thread(this::drain, name);
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (n == buf.length) {
      handOver();
    }
    buf[n++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureOpen();
    while (len > 0) {
      if (n == buf.length) {
        handOver();
      }
      int k = Math.min(len, buf.length - n);
      System.arraycopy(b, off, buf, n, k);
      n += k;
      off += k;
      len -= k;
    }
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    sync();
    try {
      out.flush();
    } catch (IOException e) {
      failure = e;
      failureThrown = true;
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (failure == null) {
        sync();
      }
    } finally {
      closed = true;
      put(END);
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!failureThrown) {
        rethrow();
      }
    }
  }

  /** Hands over what is buffered and waits until the writer has written it and everything before it. */
  private void sync() throws IOException {
    if (n > 0) {
      handOver();
    }
    CountDownLatch written = new CountDownLatch(1);
    put(new Chunk(null, 0, written));
    try {
      written.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
    rethrow();
  }

  private void handOver() throws IOException {
    rethrow();
    put(new Chunk(buf, n, null));
    try {
      buf = empty.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
    n = 0;
  }

  private void put(Chunk chunk) throws InterruptedIOException {
    try {
      filled.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    rethrow();
  }

  private void rethrow() throws IOException {
    IOException failed = failure;
    if (failed != null) {
      failureThrown = true;
      throw failed;
    }
  }

  /** The writer thread: writes each buffer in turn; after a failure it only returns buffers, so nobody blocks. */
  private void drain() {
    try {
      for (Chunk c = filled.take(); c != END; c = filled.take()) {
        if (c.done() != null) {
          c.done().countDown();
          continue;
        }
        if (failure == null) {
          try {
            out.write(c.bytes(), 0, c.length());
          } catch (IOException e) {
            failure = e;
          } catch (RuntimeException e) {
            failure = new IOException("write failed", e);
          }
        }
        empty.add(c.bytes());
      }
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("writer interrupted");
    }
  }
}
