package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.RedactionException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Redacts the bytes written to it, in bounded memory whatever the input: bytes collect in a 1 MiB window;
 * candidates are scanned up to {@link #OVERLAP} bytes before the window's end, so every detector sees all
 * the bytes it may need; output is committed up to the line end before the last one before that (or, in a very
 * long line, a delimiter), extended past any match that crosses it; the rest, with some already written
 * context for key look-behind, moves to the front of the next window. {@link #flush()} only flushes what
 * is committed; {@link #close()} writes the rest.
 *
 * <p>After an error the stream refuses further writes: the caller must withhold the source.
 */
final class RedactingOutputStream extends OutputStream {
  static final int WINDOW = 1 << 20;
  static final int OVERLAP = 64 * 1024;
  static final int CONTEXT = 512;
  private static final int MAX_LINE_BACKOFF = 64 * 1024;
  private static final int OUT_BUFFER = 64 * 1024;

  private final RedactionEngine engine;
  private final OutputStream out;
  private final RedactionCounter counter;
  private final Scan scan;
  private final byte[] buf;
  /** Where the pieces between replacements go: a buffer of this stream's own, or {@code out} when it buffers. */
  private final OutputStream sink;
  private int len;
  private int emitStart;
  private boolean closed;
  private boolean failed;

  RedactingOutputStream(RedactionEngine engine, OutputStream out, RedactionCounter counter) {
    this(engine, out, counter, WINDOW, false);
  }

  /**
   * @param outBuffers whether {@code out} gathers small writes itself (a {@code BufferedOutputStream}, the CLI's
   *     write-behind): the pieces between replacements then go to it directly, not copied through a buffer here
   */
  RedactingOutputStream(RedactionEngine engine, OutputStream out, RedactionCounter counter, int window,
      boolean outBuffers) {
    if (window < 2 * (OVERLAP + MAX_LINE_BACKOFF + CONTEXT)) {
      throw new IllegalArgumentException("window too small: " + window);
    }
    this.engine = engine;
    this.out = out;
    this.counter = counter;
    this.scan = engine.newScan();
    this.buf = new byte[window];
    this.sink = outBuffers ? out : new BufferedSink(out, OUT_BUFFER);
    buf[0] = RedactionEngine.LINE_BEFORE; // scanned, never written
    len = 1;
    emitStart = 1;
  }

  @Override
  public void write(int c) throws IOException {
    write(new byte[] {(byte) c}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int n) throws IOException {
    ensureOpen();
    while (n > 0) {
      int k = Math.min(n, buf.length - len);
      System.arraycopy(b, off, buf, len, k);
      len += k;
      off += k;
      n -= k;
      if (len == buf.length) {
        process(false);
      }
    }
  }

  /**
   * Reads {@code in} to its end straight into the window, as {@link #write} would take the same bytes (without
   * their copy through a caller's buffer); {@link #close()} writes the rest.
   */
  void readFrom(java.io.InputStream in) throws IOException {
    ensureOpen();
    int n;
    while ((n = in.read(buf, len, buf.length - len)) >= 0) {
      len += n;
      if (len == buf.length) {
        process(false);
      }
    }
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    sink.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!failed) {
        process(true);
        sink.flush();
      }
    } finally {
      out.close();
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (failed) {
      throw new RedactionException("an earlier error stopped redaction of this source");
    }
  }

  private void process(boolean eof) throws IOException {
    try {
      commit(eof);
    } catch (RuntimeException e) {
      failed = true;
      throw new RedactionException("redaction failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private void commit(boolean eof) throws IOException {
    Scan s = scan;
    s.b = buf;
    s.lo = 0;
    s.emitFrom = emitStart;
    s.hi = len;
    s.eof = eof;
    int scanLimit = eof ? len : len - OVERLAP;
    engine.scanOnly(s, 0, scanLimit);
    int cut = eof ? len : cutPoint(scanLimit);
    MatchList m = s.matches;
    int keepMatches = m.size();
    while (keepMatches > 0 && m.start(keepMatches - 1) >= cut) {
      keepMatches--;
    }
    if (keepMatches > 0 && m.end(keepMatches - 1) > cut) {
      cut = m.end(keepMatches - 1);
    }
    m.truncate(keepMatches);
    engine.findRules(s, cut);
    engine.emit(s, emitStart, cut, sink, counter);
    int keep = Math.max(0, cut - CONTEXT);
    s.carryTable(cut, keep);
    System.arraycopy(buf, keep, buf, 0, len - keep);
    len -= keep;
    emitStart = cut - keep;
  }

  /**
   * The line end before the last one before {@code limit} (or the last, when only one is near), or a delimiter when
   * the line is very long. One line more stays: a candidate after the limit may look back one line (the
   * {@code login} of a multi-line {@code .netrc} entry before its {@code password}), and what stays is written after
   * the next window's scan.
   */
  private int cutPoint(int limit) {
    int last = -1;
    for (int p = limit - 1; p >= emitStart && limit - p <= MAX_LINE_BACKOFF; p--) {
      if (buf[p] == '\n') {
        if (last >= 0) {
          return p + 1;
        }
        last = p + 1;
      }
    }
    if (last >= 0) {
      return last;
    }
    for (int p = limit - 1; p > emitStart && limit - p <= 4096; p--) {
      int c = buf[p];
      if (c == ' ' || c == '\t' || c == '"' || c == ',' || c == ';' || c == '>' || c == '}') {
        return p + 1;
      }
    }
    return limit;
  }

  /** A plain output buffer (not synchronized, unlike {@link java.io.BufferedOutputStream}). */
  private static final class BufferedSink extends OutputStream {
    private final OutputStream out;
    private final byte[] buf;
    private int n;

    BufferedSink(OutputStream out, int size) {
      this.out = out;
      this.buf = new byte[size];
    }

    @Override
    public void write(int c) throws IOException {
      if (n == buf.length) {
        drain();
      }
      buf[n++] = (byte) c;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > buf.length - n) {
        drain();
        if (len > buf.length) {
          out.write(b, off, len);
          return;
        }
      }
      System.arraycopy(b, off, buf, n, len);
      n += len;
    }

    private void drain() throws IOException {
      if (n > 0) {
        out.write(buf, 0, n);
        n = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      drain();
      out.flush();
    }
  }
}
