package io.companyos.agent.bundle.archive;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The inner layers of the bundle onion: a POSIX/PAX tar, compressed as a sequence of zstd frames, each tar entry in
 * frames of its own — one frame (its header records, its content, its padding), or for a file whose content was
 * compressed ahead of time a header frame, its content frames (one, or one per chunk of a large file redacted in
 * parallel) and a padding frame — and a last frame with the end-of-archive records. zstd
 * reads concatenated frames as one stream ({@code zstd -d}, zstd-jni), so the result is one ordinary {@code .tar.zst}.
 * Because each entry's frames stand alone, the content of large files can be compressed in parallel ahead of time
 * ({@link #contentFrame}, {@link #writeEntryFrame}) and sealing only concatenates ({@link #addContentFrames},
 * {@link #addFrame}).
 *
 * <p>Tar records are written with a blocking factor of 1 (512-byte blocks), so an entry's frame holds exactly its own
 * records; GNU tar and Commons Compress read such archives.
 */
public final class ArchiveWriter {

  /** Between tar's 512-byte records and zstd. */
  static final int BUFFER_BYTES = 128 * 1024;
  private static final int RECORD = 512;

  private final OutputStream out;
  private final int zstdLevel;
  private final int zstdWorkers;
  private final Instant modificationTime;

  /**
   * @param out where the frames go (the OpenPGP literal data); never closed here
   * @param zstdLevel the frames' zstd level (the bundle's is {@code BundleWriter.DEFAULT_ZSTD_LEVEL})
   * @param zstdWorkers threads zstd compresses each frame made here with besides the caller's (0 = in the caller's)
   * @param modificationTime every entry's mtime (the bundle's creation time)
   */
  public ArchiveWriter(OutputStream out, int zstdLevel, int zstdWorkers, Instant modificationTime) {
    this.out = out;
    this.zstdLevel = zstdLevel;
    this.zstdWorkers = zstdWorkers;
    this.modificationTime = modificationTime;
  }

  /** Adds a regular file of exactly {@code size} bytes read from {@code content}, as one frame compressed now. */
  public void addFile(String path, long size, InputStream content) throws IOException {
    writeEntryFrame(out, path, size, content, modificationTime, zstdLevel, zstdWorkers);
  }

  /** Adds a small regular file held in memory (manifest, signature, report). */
  public void addBytes(String path, byte[] content) throws IOException {
    addFile(path, content.length, new java.io.ByteArrayInputStream(content));
  }

  /** Copies a frame made ahead of time by {@link #writeEntryFrame} (with this writer's mtime), byte for byte. */
  public void addFrame(InputStream frame) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    int n;
    while ((n = frame.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
  }

  /**
   * Adds a regular file of exactly {@code size} bytes whose content was compressed ahead of time, alone, by a
   * {@link #contentFrame} stream: writes the entry's header records as a frame, copies the content frames byte for
   * byte, then the padding to 512 as a last frame. Decompressed, the same bytes as {@link #addFile} writes.
   */
  public void addContentFrames(String path, long size, InputStream contentFrames) throws IOException {
    writeFrame(out, headerRecords(path, size, modificationTime), zstdLevel);
    addFrame(contentFrames);
    int padding = (int) ((RECORD - size % RECORD) % RECORD);
    if (padding > 0) {
      writeFrame(out, new byte[padding], zstdLevel);
    }
  }

  /**
   * A zstd frame of a file's content alone, for {@link #addContentFrames}: a staged file is compressed while it is
   * redacted, before its size (which its tar header needs) is known. Closing it ends the frame and closes {@code out}.
   */
  public static OutputStream contentFrame(OutputStream out, int zstdLevel) throws IOException {
    return frame(out, zstdLevel, 0);
  }

  /** Writes tar's end-of-archive records as the last frame; the underlying stream stays open. */
  public void finish() throws IOException {
    writeFrame(out, new byte[2 * RECORD], zstdLevel);
  }

  /**
   * Writes one tar entry (PAX header when needed, header record, {@code size} bytes of {@code content}, padding to
   * 512) as one complete zstd frame into {@code out}, which stays open.
   */
  public static void writeEntryFrame(OutputStream out, String path, long size, InputStream content,
      Instant modificationTime, int zstdLevel, int zstdWorkers) throws IOException {
    ZstdOutputStreamNoFinalizer zstd = frame(out, zstdLevel, zstdWorkers);
    BufferedOutputStream buffer = new BufferedOutputStream(new KeepOpen(zstd), BUFFER_BYTES);
    // never finished: the end-of-archive records come once, in the last frame
    TarArchiveOutputStream tar = tar(buffer);
    tar.putArchiveEntry(entry(path, size, modificationTime));
    byte[] copyBuffer = new byte[BUFFER_BYTES];
    long remaining = size;
    while (remaining > 0) {
      int n = content.read(copyBuffer, 0, (int) Math.min(copyBuffer.length, remaining));
      if (n < 0) {
        throw new IOException("staged file " + path + " is shorter than its recorded size");
      }
      tar.write(copyBuffer, 0, n);
      remaining -= n;
    }
    tar.closeArchiveEntry();
    buffer.flush();
    zstd.closeWithoutClosingParentStream();
  }

  /** The header records of one entry (a PAX extended header first when needed), as {@link #addFile} writes them. */
  static byte[] headerRecords(String path, long size, Instant modificationTime) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * RECORD);
    // never closed: the content and padding come from elsewhere; every header record is written when complete
    TarArchiveOutputStream tar = tar(bytes);
    tar.putArchiveEntry(entry(path, size, modificationTime));
    tar.flush();
    if (bytes.size() == 0 || bytes.size() % RECORD != 0) {
      throw new IllegalStateException("tar header of " + bytes.size() + " bytes is not whole records");
    }
    return bytes.toByteArray();
  }

  private static TarArchiveOutputStream tar(OutputStream out) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, RECORD, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  private static void writeFrame(OutputStream out, byte[] content, int level) throws IOException {
    ZstdOutputStreamNoFinalizer zstd = frame(out, level, 0);
    zstd.write(content);
    zstd.closeWithoutClosingParentStream();
  }

  private static ZstdOutputStreamNoFinalizer frame(OutputStream out, int level, int workers) throws IOException {
    ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, level);
    zstd.setChecksum(true);
    if (workers > 0) {
      zstd.setWorkers(workers);
    }
    return zstd;
  }

  private static TarArchiveEntry entry(String path, long size, Instant modificationTime)
      throws UnsafeEntryException {
    TarArchiveEntry entry = new TarArchiveEntry(EntryNames.requireSafe(path), true);
    entry.setSize(size);
    entry.setMode(0100644);
    entry.setModTime(Date.from(modificationTime));
    entry.setIds(0, 0);
    entry.setNames("", "");
    return entry;
  }

  /** The tar writer is never closed; this keeps a stray close from ending the frame early. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
