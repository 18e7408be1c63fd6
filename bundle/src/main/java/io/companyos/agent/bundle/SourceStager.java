package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stages one source: opens it, streams it through the redactor (text) or copies it (binary-safe) into the staging
 * directory under its bundle path, within its share of the size budget. Fails closed: any failure leaves no file
 * behind and comes back as an {@link StagingOutcome.Omitted}.
 */
final class SourceStager {

  /**
   * A file far over its cap is read from {@code 2 * cap + DISCARD_AFTER_SKIP} bytes before its end (a 10 GiB log is
   * not redacted whole to keep its last 50 MiB), and the first {@code DISCARD_AFTER_SKIP} bytes of that output are
   * never kept, so a multi-line secret cut in half where reading started (a PEM block's tail) cannot slip into the
   * bundle unrecognised.
   */
  static final long DISCARD_AFTER_SKIP = 64 * 1024;

  private static final int COPY_BUFFER = 64 * 1024;

  private final ContentRedactor redactor;
  private final long perFileBytes;
  private final SizeBudget budget;
  private final Path stagingDir;
  private final Path scratchDir;
  private final AtomicBoolean deadlinePassed;
  private final ExportProgress progress;
  private final Framing framing;

  /**
   * Compresses each staged file's content into a zstd frame of its own while redacting it (or, when only its tail is
   * kept, right after), in the same worker thread, so that compression runs in parallel with redaction and sealing
   * only adds each entry's header and padding frames around the ready content.
   *
   * @param dir where the frames go ({@code <index>.zst})
   * @param entryTime the tar entries' mtime (the manifest's creation time)
   */
  record Framing(Path dir, java.time.Instant entryTime, int zstdLevel) {}

  SourceStager(ContentRedactor redactor, long perFileBytes, SizeBudget budget, Path stagingDir, Path scratchDir,
      AtomicBoolean deadlinePassed, ExportProgress progress, Framing framing) {
    this.redactor = redactor;
    this.perFileBytes = perFileBytes;
    this.budget = budget;
    this.stagingDir = stagingDir;
    this.scratchDir = scratchDir;
    this.deadlinePassed = deadlinePassed;
    this.progress = progress;
    this.framing = framing;
  }

  StagingOutcome stage(BundleSource source, int index) {
    if (deadlinePassed.get()) {
      return omitted(source, "deadline reached before this source was collected");
    }
    long wanted = source.sizeHint() >= 0
        ? Math.min(perFileBytes, source.sizeHint() + source.sizeHint() / 8 + 4096)
        : perFileBytes;
    long granted = budget.reserve(wanted);
    if (granted == 0) {
      return omitted(source, "total size cap reached");
    }
    Path target = stagingDir.resolve(source.path());
    TailKeepingFile out = null;
    FramedStagingFile framed = null;
    long used = 0;
    try {
      Files.createDirectories(target.getParent());
      try (InputStream raw = open(source)) {
        SourceInput counted = new SourceInput(raw, deadlinePassed, progress);
        // buffered: finding the line break after a skip reads byte by byte, which must not be a system call each
        InputStream in = new java.io.BufferedInputStream(counted, COPY_BUFFER);
        boolean text = source.kind() == ContentKind.TEXT;
        boolean asIs = true;
        if (text) {
          // a compressed, UTF-16 or binary file would pass through the redactor unread: decoded, or refused
          TextContent.Opened opened = TextContent.open(in);
          in = opened.text();
          asIs = opened.plain();
          if (opened.compression() != null && granted < perFileBytes) {
            // its size hint was the compressed size: the text may take up to the per-file cap
            granted += budget.reserve(perFileBytes - granted);
          }
        }
        long window = 2 * granted + DISCARD_AFTER_SKIP;
        long skipped = text && asIs && source.sizeHint() > window ? skipToTail(in, source.sizeHint() - window) : 0;
        RedactionCounts counts;
        TailKeepingFile.Kept kept = null;
        Path frame = null;
        if (framing != null && skipped == 0) {
          // straight into the file's content frame; the plaintext never reaches the disk
          framed = new FramedStagingFile(framing.dir().resolve(index + ".zst"), framing.zstdLevel());
          counts = text ? redact(in, framed, source.path()) : copy(in, framed);
          FramedStagingFile.Done done = framed.finish();
          if (done.size() <= granted) {
            kept = new TailKeepingFile.Kept(done.size(), done.sha256(), done.size(), false);
            frame = framed.path();
          } else {
            // more than its share (it grew, or redaction lengthened it): keep its newest part the plaintext way
            out = new TailKeepingFile(target, scratchDir.resolve("source-" + index), granted, 0, text);
            try (InputStream plain = new com.github.luben.zstd.ZstdInputStreamNoFinalizer(
                Files.newInputStream(framed.path()))) {
              copy(plain, out);
            }
            framed.discard();
          }
        } else {
          out = new TailKeepingFile(target, scratchDir.resolve("source-" + index), granted,
              skipped > 0 ? DISCARD_AFTER_SKIP : 0, text);
          counts = text ? redact(in, out, source.path()) : copy(in, out);
        }
        if (kept == null) {
          kept = out.finish();
        }
        boolean shrank = source.sizeHint() >= 0 && counted.consumed() < source.sizeHint();
        if (!text && kept.truncated()) {
          Files.deleteIfExists(target);
          return omitted(source, "binary file larger than the " + (granted < perFileBytes ? "remaining total"
              : "per-file") + " size cap (" + granted + " bytes)");
        }
        used = kept.size();
        Truncation truncation = shrank
            ? new Truncation(source.path(), source.sizeHint(), kept.size(), "shrank while being collected (truncated"
                + " or replaced): read " + counted.consumed() + " of " + source.sizeHint() + " bytes")
            : kept.truncated() || skipped > 0
            ? new Truncation(source.path(), source.sizeHint(), kept.size(), truncationReason(granted, wanted, kept))
            : null;
        if (framing != null && frame == null) {
          frame = frame(target, index);
        }
        return new StagingOutcome.Staged(new FileEntry(source.path(), kept.size(), kept.sha256()), truncation,
            counts, text, frame == null ? null : List.of(frame));
      }
    } catch (SourceInput.DeadlineReached e) {
      return failed(source, out, framed, target, "deadline reached while collecting");
    } catch (SourceInput.SourceReadFailed | SourceInput.StagingWriteFailed e) {
      return failed(source, out, framed, target, e.getMessage());
    } catch (Exception | StackOverflowError e) {
      String reason = causeReason(e);
      return failed(source, out, framed, target, reason);
    } finally {
      budget.release(granted - used);
    }
  }

  /** Compresses the staged (kept) plaintext into its content frame, then removes the plaintext. */
  private Path frame(Path staged, int index) throws IOException {
    Path frame = framing.dir().resolve(index + ".zst");
    try (InputStream content = new SourceInput(Files.newInputStream(staged), deadlinePassed, NO_PROGRESS);
        java.io.OutputStream out = io.companyos.agent.bundle.archive.ArchiveWriter.contentFrame(
            Files.newOutputStream(frame), framing.zstdLevel())) {
      content.transferTo(out);
    } catch (SourceInput.DeadlineReached e) {
      Files.deleteIfExists(frame);
      throw e;
    } catch (IOException e) {
      Files.deleteIfExists(frame);
      throw new SourceInput.StagingWriteFailed(e);
    } catch (RuntimeException e) {
      Files.deleteIfExists(frame);
      throw e;
    }
    Files.delete(staged);
    return frame;
  }

  private static final ExportProgress NO_PROGRESS = new ExportProgress();

  /** Where frames go; {@code null} in review. */
  Framing framing() {
    return framing;
  }

  long perFileBytes() {
    return perFileBytes;
  }

  SizeBudget budget() {
    return budget;
  }

  boolean deadlinePassed() {
    return deadlinePassed.get();
  }

  /**
   * Whether {@code source} is staged as chunks of about {@code chunkBytes} redacted in parallel: a text file that can
   * be opened at any offset, at least two chunks long and within the per-file cap, while frames are being made.
   */
  boolean chunkable(BundleSource source, long chunkBytes) {
    return framing != null && source.kind() == ContentKind.TEXT && source.opener() instanceof SeekableContentOpener
        && source.sizeHint() >= 2 * chunkBytes && source.sizeHint() <= perFileBytes
        && redactor.redactsLineByLine(source.path()) && plainText(source);
  }

  /** Whether {@code source} starts as plain text (chunks are cut in its bytes); {@code false} if it cannot be read. */
  private static boolean plainText(BundleSource source) {
    try (InputStream in = source.opener().open()) {
      return in != null && TextContent.isPlain(in);
    } catch (IOException e) {
      return false; // staged the ordinary way, which records the failure
    }
  }

  /** Where {@code source}, a {@link #chunkable} one, may be cut: as its chunks are redacted. */
  LineChunks lineChunks(BundleSource source) {
    return new LineChunks((SeekableContentOpener) source.opener(), redactor, source.path());
  }

  /** The source from {@code offset}, its own read errors marked as such. */
  InputStream open(BundleSource source, long offset) throws SourceInput.SourceReadFailed {
    try {
      InputStream in = ((SeekableContentOpener) source.opener()).openAt(offset);
      if (in == null) {
        throw new java.io.FileNotFoundException();
      }
      return in;
    } catch (IOException e) {
      throw new SourceInput.SourceReadFailed(e);
    }
  }

  private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> chunkBuffers =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * A buffer for one chunk's redacted bytes, reused across the export's chunks: allocating one per chunk made the
   * serial collector commit the whole heap (peak RSS +120 MiB for 1 GiB).
   */
  byte[] buffer(long chunkBytes) {
    byte[] buffer = chunkBuffers.poll();
    return buffer != null ? buffer : new byte[(int) Math.min(chunkBytes + chunkBytes / 8, Integer.MAX_VALUE - 16)];
  }

  void returnBuffer(byte[] buffer) {
    if (buffer.length > 0 && chunkBuffers.size() < 4) {
      chunkBuffers.offer(buffer);
    }
  }

  /** A source's stream with the export's deadline and progress. */
  SourceInput input(InputStream raw) {
    return new SourceInput(raw, deadlinePassed, progress);
  }

  private static InputStream open(BundleSource source) throws SourceInput.SourceReadFailed {
    try {
      InputStream in = source.opener().open();
      if (in == null) {
        throw new java.io.FileNotFoundException();
      }
      return in;
    } catch (IOException e) {
      throw new SourceInput.SourceReadFailed(e);
    }
  }

  private String truncationReason(long granted, long wanted, TailKeepingFile.Kept kept) {
    String why;
    if (granted < wanted) {
      why = "total size cap reached";
    } else if (granted == perFileBytes) {
      why = "larger than the per-file cap";
    } else {
      why = "grew while being collected";
    }
    return why + ": kept the newest " + kept.size() + " bytes";
  }

  RedactionCounts redact(InputStream in, java.io.OutputStream out, String path) throws IOException {
    // large writes into the file's SHA-256: the digest is several times faster on whole 64 KiB chunks than on the
    // small pieces a redactor emits
    java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, COPY_BUFFER);
    RedactionCounts counts = redactor.redact(in, buffered, path);
    buffered.flush();
    if (counts == null) {
      throw new IllegalStateException("redactor returned no counts");
    }
    return counts;
  }

  private static RedactionCounts copy(InputStream in, java.io.OutputStream out) throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
    return RedactionCounts.NONE;
  }

  /** Skips {@code bytes}, then the rest of the line they end in. Returns the bytes skipped. */
  private static long skipToTail(InputStream in, long bytes) throws IOException {
    long skipped = 0;
    while (skipped < bytes) {
      long n = in.skip(bytes - skipped);
      if (n <= 0) {
        if (in.read() < 0) {
          return skipped;
        }
        n = 1;
      }
      skipped += n;
    }
    int b;
    while ((b = in.read()) >= 0) {
      skipped++;
      if (b == '\n') {
        break;
      }
    }
    return skipped;
  }

  static String causeReason(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SourceInput.DeadlineReached) {
        return "deadline reached while collecting";
      }
      if (cause instanceof SourceInput.SourceReadFailed || cause instanceof SourceInput.StagingWriteFailed) {
        return cause.getMessage();
      }
      if (cause instanceof NotTextException || cause instanceof CorruptContentException) {
        // says what the content is or why it did not decompress, never any of it
        return "not redactable text: " + cause.getMessage();
      }
    }
    // the exception's message may quote the text being redacted: only its type goes into the manifest
    return "redaction failed: " + e.getClass().getSimpleName();
  }

  private static StagingOutcome failed(BundleSource source, TailKeepingFile out, FramedStagingFile framed,
      Path target, String reason) {
    try {
      if (out != null) {
        out.discard();
      }
      if (framed != null) {
        framed.discard();
      }
      Files.deleteIfExists(target);
    } catch (IOException cleanupFailed) {
      reason = reason + " (and its partial file could not be removed: "
          + cleanupFailed.getClass().getSimpleName() + ")";
    }
    return omitted(source, reason);
  }

  static StagingOutcome omitted(BundleSource source, String reason) {
    return new StagingOutcome.Omitted(new Omission(source.path(), reason));
  }
}
