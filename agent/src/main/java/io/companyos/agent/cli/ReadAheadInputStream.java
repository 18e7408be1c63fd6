package io.companyos.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source ahead on a reader thread, a few MiB at most, so that the thread that reads here (the one
 * redacting thread of {@code agent redact}) does not wait in the kernel's {@code read(2)}: the copy out of the page
 * cache, or the wait for a disk or a pipe's writer, runs beside the redaction. {@link #transferTo} hands the read
 * buffers to the target as they are, without another copy.
 *
 * <p>A failed read of the source is thrown, as the same exception, where the reader of this stream reaches that
 * point. {@link #close()} closes the source and stops the reader thread. Not for use by more than one thread at a
 * time.
 */
final class ReadAheadInputStream extends InputStream {
  /** Bytes per {@code read(2)} of the source. */
  static final int BUFFER = 1 << 20;
  /** Buffers in flight: one being read here, the others filled or being filled ahead. */
  private static final int BUFFERS = 4;

  /** Bytes read ahead; {@code length} -1 ends the stream (with {@code failure}, when it ended in an error). */
  private record Chunk(byte[] bytes, int length, IOException failure) {}

  private final InputStream in;
  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BUFFERS);
  private final Thread reader;
  private volatile boolean closed;
  private Chunk current;
  private int pos;
  private boolean ended;

  /** Reads {@code in} ahead from a daemon thread named {@code name}. */
  ReadAheadInputStream(InputStream in, String name) {
    this.in = in;
    for (int i = 0; i < BUFFERS; i++) {
      empty.add(new byte[BUFFER]);
    }
    reader = new Thread(this::fill, name);
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public int read() throws IOException {
    return next() ? current.bytes()[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!next()) {
      return -1;
    }
    int k = Math.min(len, current.length() - pos);
    System.arraycopy(current.bytes(), pos, b, off, k);
    pos += k;
    return k;
  }

  @Override
  public long transferTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    long total = 0;
    while (next()) {
      int k = current.length() - pos;
      out.write(current.bytes(), pos, k);
      pos += k;
      total += k;
    }
    return total;
  }

  /** True when {@code current} has a byte at {@code pos}, taking the next chunk when needed; false at the end. */
  private boolean next() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    while (current == null || pos == current.length()) {
      if (ended) {
        return false;
      }
      if (current != null) {
        empty.add(current.bytes());
        current = null;
      }
      Chunk c;
      try {
        c = filled.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading");
      }
      if (c.length() < 0) {
        ended = true;
        if (c.failure() != null) {
          throw c.failure();
        }
        return false;
      }
      current = c;
      pos = 0;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    // not joined: a reader blocked on a pipe's writer would hold up the close; it stops at its next step
    reader.interrupt();
    in.close();
  }

  /** The reader thread: fills empty buffers from the source until its end, an error, or {@link #close()}. */
  private void fill() {
    try {
      while (!closed) {
        byte[] b = empty.take();
        // what one read gives (a pipe's writer may pause: what arrived is redacted and written meanwhile)
        int n = in.read(b, 0, b.length);
        if (n < 0) {
          filled.put(new Chunk(null, -1, null));
          return;
        }
        filled.put(new Chunk(b, n, null));
      }
    } catch (InterruptedException e) {
      // close(): the reader of this stream is gone
    } catch (IOException | RuntimeException e) {
      try {
        filled.put(new Chunk(null, -1, e instanceof IOException io ? io : new IOException("read failed", e)));
      } catch (InterruptedException ignored) {
        // closed meanwhile
      }
    }
  }
}
