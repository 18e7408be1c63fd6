package io.companyos.agent.collectors.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * Reads the part of a log file written since a given time without reading the file from the
 * start: a binary search on byte offsets, each step reading one small block to find the next
 * timestamped line, locates the first line at or after {@code since}; only the file from there to
 * its end is then read. Lines must be in time order, as log files are. Continuation lines (stack
 * traces) before the first timestamped line of the window belong to an older event and are left
 * out.
 *
 * <p>At most {@link Builder#maxBytes} bytes from the end are ever read, so a file without any
 * timestamps costs no more than that.
 */
public final class TailWindow {

  static final int PROBE_BUFFER = 4 * 1024;
  private static final int READ_BUFFER = 64 * 1024;

  private final Timestamps timestamps;
  private final long maxBytes;
  private final int maxLineBytes;
  private final int maxProbeBytes;

  private TailWindow(Builder b) {
    this.timestamps = new Timestamps(b.zone);
    this.maxBytes = b.maxBytes;
    this.maxLineBytes = b.maxLineBytes;
    this.maxProbeBytes = b.maxProbeBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The byte offset where the window starting at {@code since} begins in {@code file}. */
  public long startOffset(Path file, Instant since) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return startOffset(channel, since);
    }
  }

  /** Streams the window's lines of {@code file} to {@code lines}, in order. */
  public void read(Path file, Instant since, Consumer<String> lines) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      read(channel, since, lines);
    }
  }

  void read(SeekableByteChannel channel, Instant since, Consumer<String> lines) throws IOException {
    ChannelLines reader =
        new ChannelLines(channel, startOffset(channel, since), READ_BUFFER, maxLineBytes);
    for (String line = reader.next(true); line != null; line = reader.next(true)) {
      lines.accept(line);
    }
  }

  long startOffset(SeekableByteChannel channel, Instant since) throws IOException {
    long size = channel.size();
    long floor = Math.max(0, size - maxBytes);
    long lo = floor;
    long hi = size;
    // Invariant: timestamped lines starting before line(lo) are older than since; the first
    // timestamped line at or after line(hi) is not older (or there is none).
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      Found found = firstTimestamped(channel, mid, floor);
      if (found == null || !found.time.isBefore(since)) {
        hi = mid;
      } else {
        lo = found.end;
      }
    }
    Found first = firstTimestamped(channel, lo, floor);
    return first == null ? size : first.start;
  }

  /** The first timestamped line starting at the first line boundary at or after {@code offset}. */
  private Found firstTimestamped(SeekableByteChannel channel, long offset, long floor)
      throws IOException {
    // One reader for both steps: from offset - 1, the first "line" is the rest of the line that
    // offset falls into (empty when offset is a line start); skip it, then look for a time.
    long from = offset > floor ? offset - 1 : offset;
    ChannelLines lines =
        new ChannelLines(channel, from, PROBE_BUFFER, maxLineBytes, from + maxProbeBytes);
    if (offset > floor && lines.next(false) == null) {
      return null; // no line break after offset: no complete line starts there
    }
    for (String line = lines.next(false); line != null; line = lines.next(false)) {
      Instant time = timestamps.find(line);
      if (time != null) {
        return new Found(lines.lastLineStart(), lines.nextLineStart(), time);
      }
    }
    // The file's last line may lack its line break: it still counts when it is whole.
    String last = lines.next(true);
    if (last != null && lines.nextLineStart() == channel.size()) {
      Instant time = timestamps.find(last);
      if (time != null) {
        return new Found(lines.lastLineStart(), lines.nextLineStart(), time);
      }
    }
    return null;
  }

  private record Found(long start, long end, Instant time) {}

  /** Options of a {@link TailWindow}. */
  public static final class Builder {
    private ZoneId zone = ZoneOffset.UTC;
    private long maxBytes = 256L * 1024 * 1024;
    private int maxLineBytes = 1024 * 1024;
    private int maxProbeBytes = 1024 * 1024;

    private Builder() {}

    /** Zone of timestamps written without an offset. Default UTC. */
    public Builder zone(ZoneId zone) {
      this.zone = java.util.Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** Most bytes read from the end of one file. Default 256 MiB. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** Longer lines are cut to this many bytes. Default 1 MiB. */
    public Builder maxLineBytes(int maxLineBytes) {
      if (maxLineBytes <= 0) {
        throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
      }
      this.maxLineBytes = maxLineBytes;
      return this;
    }

    /**
     * Bytes one search step reads looking for a timestamped line before it gives up on that
     * region (a long stack trace). Default 1 MiB.
     */
    public Builder maxProbeBytes(int maxProbeBytes) {
      if (maxProbeBytes <= 0) {
        throw new IllegalArgumentException("maxProbeBytes must be positive, got " + maxProbeBytes);
      }
      this.maxProbeBytes = maxProbeBytes;
      return this;
    }

    public TailWindow build() {
      return new TailWindow(this);
    }
  }
}
