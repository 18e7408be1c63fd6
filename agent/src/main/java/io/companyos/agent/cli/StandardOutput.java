package io.companyos.agent.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard output for commands that stream to it. A write that fails because the reader went away (a closed pipe:
 * {@code agent redact big.log | head -1}) is a {@link ReaderGone}, which a command ends on quietly, as Unix tools
 * do; any other failed write (a full disk behind {@code > file}) is an {@link IOException} that names standard
 * output.
 */
final class StandardOutput extends OutputStream {
  /** The process's standard output is a pipe or socket: a failed write there means its reader went away. */
  private static final Path FD1 = Path.of("/proc/self/fd/1");

  /** The reader of standard output went away; nothing more can be written, and nobody is waiting for it. */
  static final class ReaderGone extends IOException {
    private static final long serialVersionUID = 1L;

    ReaderGone(IOException cause) {
      super("standard output was closed by its reader", cause);
    }
  }

  /** Writing to standard output failed for another reason than its reader going away. */
  static final class WriteFailed extends IOException {
    private static final long serialVersionUID = 1L;

    WriteFailed(IOException cause) {
      super("cannot write to standard output: " + cause.getMessage(), cause);
    }
  }

  private final OutputStream out;
  private final boolean processStdout;

  private StandardOutput(OutputStream out, boolean processStdout) {
    this.out = out;
    this.processStdout = processStdout;
  }

  /** The process's standard output. */
  static StandardOutput process() {
    return new StandardOutput(new FileOutputStream(FileDescriptor.out), true);
  }

  /** {@code out} standing in for standard output (tests, in-process callers). */
  static StandardOutput of(OutputStream out) {
    return out instanceof StandardOutput s ? s : new StandardOutput(out, false);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private IOException failed(IOException e) {
    if (e instanceof ReaderGone || "Broken pipe".equals(e.getMessage()) || (processStdout && isPipe())) {
      return e instanceof ReaderGone gone ? gone : new ReaderGone(e);
    }
    return e instanceof WriteFailed ? e : new WriteFailed(e);
  }

  /** True when file descriptor 1 is a pipe or a socket (Linux names them so in /proc); false when unknown. */
  private static boolean isPipe() {
    try {
      String target = Files.readSymbolicLink(FD1).toString();
      return target.startsWith("pipe:") || target.startsWith("socket:");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * Refuses {@code --out -} when standard output is a terminal: the encrypted bundle's bytes would scroll over it
   * (and can garble it) instead of reaching a file or pipe.
   */
  static void refuseTerminal() throws UsageException {
    if (Terminal.isTerminal(1)) {
      throw new UsageException("--out -: standard output is a terminal; redirect it to a file or a pipe"
          + " (--out - > bundle.tar.zst.pgp), or give --out a path");
    }
  }

  /** True when {@code e} or one of its causes is a {@link ReaderGone}. */
  static boolean readerGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ReaderGone) {
        return true;
      }
    }
    return false;
  }
}
