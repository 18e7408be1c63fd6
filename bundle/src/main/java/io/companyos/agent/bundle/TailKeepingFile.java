package io.companyos.agent.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An output that keeps at most {@code cap} bytes: the newest ones. Bytes alternate between two scratch segments of
 * {@code cap} bytes each, so disk use stays under {@code 2 * cap} whatever is written; when more than {@code cap}
 * arrived, the kept tail is assembled into the target, starting after a newline when {@code lineAligned}. The
 * SHA-256 of what is kept comes out of {@link #finish()}.
 */
final class TailKeepingFile extends OutputStream {

  private static final int BUFFER_BYTES = 64 * 1024;

  /** What ended up in the target. {@code truncated} when bytes were dropped. */
  record Kept(long size, String sha256, long written, boolean truncated) {}

  private final Path target;
  private final Path[] segments;
  private final long cap;
  private final long discardPrefix;
  private final boolean lineAligned;
  private final MessageDigest digest = sha256();

  private OutputStream current;
  private int currentIndex;
  private long currentLength;
  private long currentStart;
  private long previousStart = -1;
  private long written;
  private boolean rotated;
  private boolean finished;

  /**
   * @param scratchPrefix path prefix for the two segments ({@code -0}, {@code -1} are appended)
   * @param discardPrefix the first bytes written are never kept (used when reading started mid-file)
   */
  TailKeepingFile(Path target, Path scratchPrefix, long cap, long discardPrefix, boolean lineAligned)
      throws IOException {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be >= 1, got " + cap);
    }
    this.target = target;
    this.segments = new Path[] {
        scratchPrefix.resolveSibling(scratchPrefix.getFileName() + "-0"),
        scratchPrefix.resolveSibling(scratchPrefix.getFileName() + "-1")};
    this.cap = cap;
    this.discardPrefix = discardPrefix;
    this.lineAligned = lineAligned;
    this.current = open(0);
  }

  private OutputStream open(int index) throws IOException {
    currentIndex = index;
    currentLength = 0;
    OutputStream file = Files.newOutputStream(segments[index], StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    return new BufferedOutputStream(file, BUFFER_BYTES);
  }

  /** Bytes written so far (kept or not). */
  long written() {
    return written;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      writeKept(b, off, len);
    } catch (IOException e) {
      throw e instanceof SourceInput.StagingWriteFailed ? e : new SourceInput.StagingWriteFailed(e);
    }
  }

  private void writeKept(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (currentLength == cap) {
        rotate();
      }
      int n = (int) Math.min(len, cap - currentLength);
      current.write(b, off, n);
      if (!rotated) {
        digest.update(b, off, n);
      }
      currentLength += n;
      written += n;
      off += n;
      len -= n;
    }
  }

  private void rotate() throws IOException {
    current.close();
    previousStart = currentStart;
    currentStart = written;
    rotated = true;
    current = open(1 - currentIndex);
  }

  /** Closes the output and puts the kept bytes into the target. */
  Kept finish() throws IOException {
    if (finished) {
      throw new IllegalStateException("already finished");
    }
    finished = true;
    try {
      return assemble();
    } catch (IOException e) {
      throw e instanceof SourceInput.StagingWriteFailed ? e : new SourceInput.StagingWriteFailed(e);
    }
  }

  private Kept assemble() throws IOException {
    current.close();
    if (!rotated && discardPrefix == 0) {
      Files.move(segments[currentIndex], target, StandardCopyOption.REPLACE_EXISTING);
      return new Kept(written, HexFormat.of().formatHex(digest.digest()), written, false);
    }
    long keepFrom = Math.max(written - cap, Math.min(discardPrefix, written));
    if (lineAligned && keepFrom > 0 && keepFrom < written) {
      // the line boundary at or after keepFrom: the first '\n' from the byte before it (when still on disk)
      long earliest = rotated ? previousStart : 0;
      long newline = findNewline(keepFrom - 1 >= earliest ? keepFrom - 1 : keepFrom);
      keepFrom = newline < 0 ? keepFrom : newline + 1;
    }
    MessageDigest keptDigest = sha256();
    long kept = 0;
    try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(target),
        BUFFER_BYTES), keptDigest)) {
      if (rotated) {
        kept += copyRange(segments[1 - currentIndex], previousStart, keepFrom, currentStart, out);
      }
      kept += copyRange(segments[currentIndex], currentStart, keepFrom, written, out);
    }
    discard();
    return new Kept(kept, HexFormat.of().formatHex(keptDigest.digest()), written, true);
  }

  /** Absolute position of the first '\n' at or after {@code from}, or -1. */
  private long findNewline(long from) throws IOException {
    long position = from;
    if (rotated && from < currentStart) {
      long found = scan(segments[1 - currentIndex], previousStart, from, currentStart);
      if (found >= 0) {
        return found;
      }
      position = currentStart;
    }
    return scan(segments[currentIndex], currentStart, position, written);
  }

  private static long scan(Path segment, long segmentStart, long from, long to) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(segment);
        InputStream in = new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(
            channel.position(from - segmentStart)), BUFFER_BYTES)) {
      for (long position = from; position < to; position++) {
        int b = in.read();
        if (b < 0) {
          return -1;
        }
        if (b == '\n') {
          return position;
        }
      }
    }
    return -1;
  }

  /** Copies the absolute range [max(from, segmentStart), to) of a segment starting at {@code segmentStart}. */
  private static long copyRange(Path segment, long segmentStart, long from, long to, OutputStream out)
      throws IOException {
    long start = Math.max(from, segmentStart);
    if (start >= to) {
      return 0;
    }
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      channel.position(start - segmentStart);
      InputStream in = java.nio.channels.Channels.newInputStream(channel);
      byte[] buffer = new byte[BUFFER_BYTES];
      long remaining = to - start;
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          throw new IOException("scratch segment shorter than written");
        }
        out.write(buffer, 0, n);
        remaining -= n;
      }
    }
    return to - start;
  }

  /** Removes the scratch segments (and nothing else); safe to call after a failure. */
  void discard() throws IOException {
    if (!finished) {
      finished = true;
      current.close();
    }
    for (Path segment : segments) {
      Files.deleteIfExists(segment);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
