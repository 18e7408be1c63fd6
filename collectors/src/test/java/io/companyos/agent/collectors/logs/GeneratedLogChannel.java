package io.companyos.agent.collectors.logs;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A read-only log "file" of any size generated on the fly: line {@code i} is a fixed-width,
 * timestamped line {@code start + i * step}; every 10th event is followed by a 3-line stack trace
 * without timestamps. Nothing is stored, so a multi-GiB file costs no disk.
 */
final class GeneratedLogChannel implements SeekableByteChannel {

  static final int LINE = 100;
  private final long lines;
  private final Instant start;
  private final Duration step;
  private long position;
  private boolean open = true;

  GeneratedLogChannel(long sizeBytes, Instant start, Duration step) {
    this.lines = sizeBytes / LINE;
    this.start = start;
    this.step = step;
  }

  /** Text of line {@code i} without its line break (exactly {@code LINE - 1} characters). */
  String line(long i) {
    String text;
    long block = i / 13;
    int inBlock = (int) (i % 13);
    if (inBlock >= 10) {
      text = inBlock == 10 ? "java.lang.IllegalStateException: generated failure " + block
          : "\tat io.companyos.Generated.method" + inBlock + "(Generated.java:" + inBlock + ")";
    } else {
      long event = block * 10 + inBlock;
      text = start.plus(step.multipliedBy(event)) + " INFO  [main] event " + event;
    }
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < LINE - 1) {
      padded.append(' ');
    }
    return padded.toString();
  }

  /** Time of the event on line {@code i}, or null for a stack-trace line. */
  Instant timeOf(long i) {
    long block = i / 13;
    int inBlock = (int) (i % 13);
    return inBlock >= 10 ? null : start.plus(step.multipliedBy(block * 10 + inBlock));
  }

  long lineCount() {
    return lines;
  }

  @Override
  public int read(ByteBuffer dst) {
    long size = size();
    if (position >= size) {
      return -1;
    }
    int count = 0;
    while (dst.hasRemaining() && position < size) {
      long i = position / LINE;
      int offset = (int) (position % LINE);
      byte[] bytes = (line(i) + "\n").getBytes(StandardCharsets.US_ASCII);
      int n = Math.min(dst.remaining(), bytes.length - offset);
      dst.put(bytes, offset, n);
      position += n;
      count += n;
    }
    return count;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new UnsupportedOperationException("read only");
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    this.position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return lines * LINE;
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new UnsupportedOperationException("read only");
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
