package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes on a thread of its own what the caller writes here, in large buffers, so that the sealing thread (AES-CFB,
 * the MDC and the OpenPGP packets) does not also spend its time on what comes after it: the receipt's SHA-256 of the
 * encrypted bytes and the write system calls (measured at ~0.5 s of system time per 185 MB into the page cache). The
 * bytes reach {@code out} in order and unchanged; sealing is the export's one serial stretch after staging, and this
 * puts the second core to work during it. {@code agent redact} writes its output through one for the same reason
 * (~0.1 s of {@code write(2)} per 256 MiB off its one redacting thread).
 *
 * <p>A failure of {@code out} is thrown to the caller, once, by a later {@link #write} or by {@link #close} (a
 * {@code close} after a {@code write} threw it returns quietly); an interrupt of
 * the caller while it waits for a free buffer is an {@link InterruptedIOException}. Either way, or after
 * {@link #close}, the writer thread has ended before the method returns, so the caller may then remove the file.
 * {@code out} is never closed here.
 */
public final class WriteBehindOutput extends OutputStream {

  /** Large enough that the hand-over costs nothing against the bytes; three of them in use at most. */
  static final int BUFFER_BYTES = 1024 * 1024;
  private static final int BUFFERS = 3;
  private static final Chunk END = new Chunk(new byte[0], 0);
  private static final long STOP_WAIT_MILLIS = 10_000;

  private record Chunk(byte[] bytes, int length) {}

  private final OutputStream out;
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final Thread writer;
  private volatile Throwable failure;
  private volatile boolean stopped;
  private byte[] current;
  private int position;
  private boolean closed;

  /** @param out written by the writer thread only, from now until {@link #close} or a failure returns */
  public WriteBehindOutput(OutputStream out, String threadName) {
    this.out = out;
    for (int i = 0; i < BUFFERS - 1; i++) {
      free.add(new byte[BUFFER_BYTES]);
    }
    this.current = new byte[BUFFER_BYTES];
    this.writer = new Thread(this::drain, threadName);
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void write(int b) throws IOException {
    if (position == current.length) {
      handOver();
    }
    current[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      if (position == current.length) {
        handOver();
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(b, off, current, position, n);
      position += n;
      off += n;
      len -= n;
    }
  }

  /** Hands over what is buffered (the writer thread writes it when it gets to it). */
  @Override
  public void flush() throws IOException {
    if (position > 0) {
      handOver();
    }
  }

  /**
   * Hands over the rest and waits until the writer thread has written everything (without flushing or closing
   * {@code out}) and ended; throws its failure, if any.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      flush();
      closed = true;
      put(END);
      join();
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
    throwIfFailed();
  }

  /**
   * Ends the writer thread without writing what is still queued (after a failure of the caller) and waits for it,
   * at most {@link #STOP_WAIT_MILLIS}: a write into a file channel ends at the interrupt (which closes the channel),
   * while a write into a blocked pipe cannot be interrupted and would keep the caller forever; the thread is a daemon.
   */
  public void stop() {
    closed = true;
    stopped = true;
    writer.interrupt();
    boolean interrupted = false;
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
    while (writer.isAlive() && until - System.nanoTime() > 0) {
      try {
        writer.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void handOver() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (Thread.currentThread().isInterrupted()) {
      // cancelled (Ctrl-C interrupts the exporting thread): stop here, as a direct write to stdout would
      stop();
      throw new InterruptedIOException("interrupted");
    }
    throwIfFailed();
    put(new Chunk(current, position));
    try {
      current = free.take();
    } catch (InterruptedException e) {
      stop();
      throw interrupted();
    }
    position = 0;
    throwIfFailed();
  }

  private void put(Chunk chunk) throws IOException {
    try {
      full.put(chunk);
    } catch (InterruptedException e) {
      stop();
      throw interrupted();
    }
  }

  private void join() throws IOException {
    try {
      writer.join();
    } catch (InterruptedException e) {
      stop();
      throw interrupted();
    }
  }

  private void throwIfFailed() throws IOException {
    Throwable cause = failure;
    if (cause != null) {
      stop();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("writing failed: " + cause.getClass().getSimpleName(), cause);
    }
  }

  private static InterruptedIOException interrupted() {
    Thread.currentThread().interrupt();
    return new InterruptedIOException("interrupted");
  }

  /** The writer thread: writes each buffer in turn and gives it back; after a failure, only gives them back. */
  private void drain() {
    try {
      while (!stopped) {
        Chunk chunk = full.take();
        if (chunk == END) {
          return;
        }
        if (failure == null) {
          try {
            out.write(chunk.bytes(), 0, chunk.length());
          } catch (Throwable e) {
            failure = e;
          }
        }
        free.put(chunk.bytes());
      }
    } catch (InterruptedException e) {
      // stopped: the caller failed or gave up
    }
  }
}
