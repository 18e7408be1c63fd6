package io.companyos.agent.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A source's stream as the redactor sees it: stops with {@link DeadlineReached} once the export's deadline passed, and
 * marks the source's own read errors ({@link SourceReadFailed}) so they are not blamed on the redactor.
 */
final class SourceInput extends FilterInputStream {

  /** The deadline passed while this source was being read. */
  static final class DeadlineReached extends IOException {
    DeadlineReached() {
      super("deadline reached");
    }
  }

  /**
   * Reading the source itself failed. The cause's message is not kept: it may quote customer data; a file system's
   * own reason ("not a regular file", "Permission denied") is.
   */
  static final class SourceReadFailed extends IOException {
    SourceReadFailed(IOException cause) {
      super("read failed: " + cause.getClass().getSimpleName()
          + (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
              ? " (" + fs.getReason() + ")" : ""));
    }
  }

  /** Writing the staged copy failed (the staging disk is full, say): not the source's fault nor the redactor's. */
  static final class StagingWriteFailed extends IOException {
    StagingWriteFailed(IOException cause) {
      super("could not write its staged copy (" + reason(cause) + ")", cause);
    }

    /** The operating system's reason ("No space left on device"), never a path or content. */
    private static String reason(IOException e) {
      if (e instanceof java.nio.file.FileSystemException fs) {
        return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      }
      String message = e.getMessage();
      return message != null && message.length() <= 80 && !message.contains("/") ? message
          : e.getClass().getSimpleName();
    }
  }

  private final AtomicBoolean deadlinePassed;
  private final ExportProgress progress;
  private long consumed;

  SourceInput(InputStream in, AtomicBoolean deadlinePassed, ExportProgress progress) {
    super(in);
    this.deadlinePassed = deadlinePassed;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    checkDeadline();
    try {
      int b = in.read();
      if (b >= 0) {
        progress.read(1);
        consumed++;
      }
      return b;
    } catch (IOException e) {
      throw new SourceReadFailed(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkDeadline();
    try {
      int n = in.read(b, off, len);
      if (n > 0) {
        progress.read(n);
        consumed += n;
      }
      return n;
    } catch (IOException e) {
      throw new SourceReadFailed(e);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    checkDeadline();
    try {
      long skipped = in.skip(n);
      progress.read(Math.max(skipped, 0));
      consumed += Math.max(skipped, 0);
      return skipped;
    } catch (IOException e) {
      throw new SourceReadFailed(e);
    }
  }

  /** Bytes read or skipped so far. A skip past the end of a file counts in full: callers compare to the size. */
  long consumed() {
    return consumed;
  }

  private void checkDeadline() throws DeadlineReached {
    if (deadlinePassed.get() || Thread.currentThread().isInterrupted()) {
      throw new DeadlineReached();
    }
  }
}
