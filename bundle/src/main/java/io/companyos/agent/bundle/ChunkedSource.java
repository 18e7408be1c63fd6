package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One large text file staged as line-aligned chunks ({@link LineChunks}) that the writer's workers redact at the same
 * time, each into a zstd frame of its own; the frames in order are the entry's content. So a big file no longer ends
 * the staging alone on one core while the others wait. The file's SHA-256 is taken over the redacted chunks in order:
 * each chunk's redacted bytes are held in memory (in buffers the export's workers reuse, {@link SourceStager#buffer})
 * until every chunk before it has been hashed (at most {@link #MAX_PENDING} waiting, beyond which a finished worker
 * waits for the hash to catch up).
 *
 * <p>Anything unusual — less than the whole file granted by the total cap, redacted output over its share, the file
 * shrinking or not ending where it was measured — discards the chunks and stages the file the ordinary way (one
 * stream, with its truncation rules) in the thread that found it; a chunk that fails (the deadline, a read error, the
 * redactor) leaves the whole file out, as a failed ordinary staging would.
 */
final class ChunkedSource {

  /** Chunks of one file redacted and waiting for an earlier one before a worker that finishes another waits too. */
  static final int MAX_PENDING = 1;

  private final BundleSource source;
  private final int index;
  private final int chunkCount;
  private final long chunkBytes;
  private final SourceStager stager;
  private final CompletableFuture<StagingOutcome> result = new CompletableFuture<>();
  private final LineChunks lines;

  // guarded by this
  private boolean started;
  private boolean ordinary;
  private long granted;
  private String failure;
  private boolean restart;
  private int finished;
  private final Path[] frames;
  private final long[] sizes;
  private long consumed;
  private RedactionCounts counts = RedactionCounts.NONE;
  private final MessageDigest digest = FramedStagingFile.sha256();
  private int nextToHash;
  private final byte[][] pending;
  private final int[] pendingLength;
  private static final byte[] NOTHING = new byte[0];
  private int pendingCount;

  ChunkedSource(BundleSource source, int index, long chunkBytes, SourceStager stager) {
    this.source = source;
    this.index = index;
    this.chunkBytes = chunkBytes;
    this.chunkCount = (int) ((source.sizeHint() + chunkBytes - 1) / chunkBytes);
    this.stager = stager;
    this.lines = stager.lineChunks(source);
    this.frames = new Path[chunkCount];
    this.sizes = new long[chunkCount];
    this.pending = new byte[chunkCount][];
    this.pendingLength = new int[chunkCount];
  }

  int chunkCount() {
    return chunkCount;
  }

  /** Completes when every chunk is done (or the file was staged the ordinary way). */
  CompletableFuture<StagingOutcome> result() {
    return result;
  }

  /** Stages chunk {@code k}; run by a writer thread. Never throws: failures end up in {@link #result()}. */
  void stageChunk(int k) {
    switch (begin()) {
      case ORDINARY -> {
        result.complete(stager.stage(source, index));
        return;
      }
      case SKIP -> {
        chunkDone(k, null, 0, 0, RedactionCounts.NONE, null, null, false);
        return;
      }
      case GO -> { }
    }
    Path frame = stager.framing().dir().resolve(index + "-" + k + ".zst");
    ChunkOutput out = null;
    try {
      long[] range = lines.chunk(k, chunkBytes, chunkCount);
      long from = range[0];
      long to = range[1];
      if (from == LineChunks.END || (to != LineChunks.END && to <= from)) {
        chunkDone(k, null, 0, 0, RedactionCounts.NONE, NOTHING, null, false);
        return;
      }
      long expected = to == LineChunks.END ? -1 : to - from;
      out = new ChunkOutput(frame, stager.framing().zstdLevel(), stager.buffer(chunkBytes));
      long read;
      RedactionCounts chunkCounts;
      try (InputStream raw = stager.open(source, from)) {
        SourceInput in = stager.input(expected < 0 ? raw : new Limited(raw, expected));
        chunkCounts = stager.redact(in, out, source.path());
        read = in.consumed();
      }
      out.finish();
      boolean shortRead = expected >= 0 && read < expected;
      chunkDone(k, frame, out.size, read, chunkCounts, out.buffer, null, shortRead);
    } catch (Exception | StackOverflowError e) {
      if (out != null) {
        out.discard();
        stager.returnBuffer(out.buffer);
      }
      chunkDone(k, null, 0, 0, RedactionCounts.NONE, null, SourceStager.causeReason(e), false);
    }
  }

  private enum Start { GO, ORDINARY, SKIP }

  private synchronized Start begin() {
    if (!started) {
      started = true;
      long wanted = Math.min(stager.perFileBytes(), source.sizeHint() + source.sizeHint() / 8 + 4096);
      if (stager.deadlinePassed()) {
        failure = "deadline reached before this source was collected";
        return Start.SKIP;
      }
      granted = stager.budget().reserve(wanted);
      if (granted < wanted) {
        stager.budget().release(granted);
        ordinary = true;
        return Start.ORDINARY;
      }
    }
    return ordinary || failure != null || restart ? Start.SKIP : Start.GO;
  }

  /**
   * Records a chunk's end: hashes the redacted chunks that are next in order, and when it was the last chunk,
   * completes the file. {@code buffer} null: the chunk failed or was skipped (its bytes are never hashed).
   */
  private void chunkDone(int k, Path frame, long size, long read, RedactionCounts chunkCounts, byte[] buffer,
      String reason, boolean shortRead) {
    boolean last;
    synchronized (this) {
      if (reason != null && failure == null) {
        failure = reason;
      }
      if (shortRead) {
        restart = true;
      }
      frames[k] = frame;
      sizes[k] = size;
      consumed += read;
      counts = counts.plus(chunkCounts);
      pending[k] = buffer == null ? NOTHING : buffer;
      pendingLength[k] = buffer == null ? 0 : (int) size;
      pendingCount++;
      hashReady();
      // bound the memory of chunks waiting for an earlier one: that one is being redacted by another worker
      while (pendingCount > MAX_PENDING && nextToHash <= k && failure == null && !ordinary) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          if (failure == null) {
            failure = "deadline reached while collecting";
          }
          break;
        }
      }
      finished++;
      last = finished == chunkCount;
    }
    if (last && !ordinary) {
      result.complete(complete());
    }
  }

  /** Hashes the chunks that are next in order and ready. */
  private void hashReady() {
    while (nextToHash < chunkCount && pending[nextToHash] != null) {
      if (failure == null && !restart) {
        digest.update(pending[nextToHash], 0, pendingLength[nextToHash]);
      }
      if (pending[nextToHash] != NOTHING) {
        stager.returnBuffer(pending[nextToHash]);
      }
      pendingCount--;
      pending[nextToHash] = NOTHING;
      pendingLength[nextToHash] = 0;
      nextToHash++;
    }
    notifyAll();
  }

  /** Every chunk has ended: the staged file, or its omission, or the ordinary staging after all. */
  private StagingOutcome complete() {
    String why;
    boolean again;
    long total;
    synchronized (this) {
      why = failure;
      total = Arrays.stream(sizes).sum();
      again = why == null && (restart || total > granted || consumed < source.sizeHint());
    }
    if (why != null || again) {
      discardFrames();
      stager.budget().release(granted);
      return why != null ? SourceStager.omitted(source, why) : stager.stage(source, index);
    }
    stager.budget().release(granted - total);
    List<Path> kept = new ArrayList<>();
    for (Path frame : frames) {
      if (frame != null) {
        kept.add(frame);
      }
    }
    return new StagingOutcome.Staged(new FileEntry(source.path(), total, HexFormat.of().formatHex(digest.digest())),
        null, counts, true, kept);
  }

  private void discardFrames() {
    for (Path frame : frames) {
      if (frame != null) {
        try {
          Files.deleteIfExists(frame);
        } catch (IOException ignored) {
          // the staging directory goes at the end of the export
        }
      }
    }
  }

  /** A chunk's redacted bytes: into its zstd frame, and kept in memory until they are hashed in order. */
  private static final class ChunkOutput extends OutputStream {
    private final FramedStagingFile frame;
    private byte[] buffer;
    private long size;

    ChunkOutput(Path frame, int zstdLevel, byte[] buffer) throws IOException {
      this.frame = new FramedStagingFile(frame, zstdLevel, false);
      this.buffer = buffer;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      frame.write(b, off, len);
      if (size + len > buffer.length) {
        if (size + len > Integer.MAX_VALUE - 16) {
          throw new IOException("chunk too large");
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16,
            Math.max(size + len, buffer.length + (long) buffer.length / 2)));
      }
      System.arraycopy(b, off, buffer, (int) size, len);
      size += len;
    }

    void finish() throws IOException {
      frame.finish();
    }

    void discard() {
      try {
        frame.discard();
      } catch (IOException ignored) {
        // the staging directory goes at the end of the export
      }
    }
  }

  /** At most {@code limit} bytes of {@code in}: a chunk ends where the next one starts. */
  private static final class Limited extends java.io.FilterInputStream {
    private long left;

    Limited(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, left));
      left -= Math.max(skipped, 0);
      return skipped;
    }
  }
}
