package io.companyos.agent.bundle;

import io.companyos.agent.bundle.archive.ArchiveWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A staged file that is never written out as plaintext: what it is given is hashed (SHA-256) and compressed into a
 * zstd frame of its own in one pass, which the sealer wraps in the file's tar header and padding
 * ({@link ArchiveWriter#addContentFrames}). Against staging the plaintext and compressing it afterwards, this saves
 * writing the redacted bytes to disk, reading them back and copying them through tar.
 */
final class FramedStagingFile extends OutputStream {

  /** What was written: its size and SHA-256. */
  record Done(long size, String sha256) {}

  private final Path frame;
  private final OutputStream file;
  private final OutputStream zstd;
  private final MessageDigest digest;
  private long written;
  private boolean closed;

  FramedStagingFile(Path frame, int zstdLevel) throws IOException {
    this(frame, zstdLevel, true);
  }

  /**
   * @param hashing whether the bytes are hashed here; a chunk of a larger file is hashed with the others, in order,
   *     by its {@link ChunkedSource} ({@link Done#sha256()} is then null)
   */
  FramedStagingFile(Path frame, int zstdLevel, boolean hashing) throws IOException {
    this.frame = frame;
    this.digest = hashing ? sha256() : null;
    try {
      this.file = Files.newOutputStream(frame, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new SourceInput.StagingWriteFailed(e);
    }
    try {
      this.zstd = ArchiveWriter.contentFrame(file, zstdLevel);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** The frame file. */
  Path path() {
    return frame;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      zstd.write(b, off, len);
    } catch (IOException e) {
      throw new SourceInput.StagingWriteFailed(e);
    }
    if (digest != null) {
      digest.update(b, off, len);
    }
    written += len;
  }

  /** Ends the frame and closes its file. */
  Done finish() throws IOException {
    if (closed) {
      throw new IllegalStateException("already finished");
    }
    closed = true;
    try {
      zstd.close();
    } catch (IOException e) {
      throw new SourceInput.StagingWriteFailed(e);
    }
    return new Done(written, digest == null ? null : HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Closes and removes the frame file; safe to call after a failure (a full disk: zstd's last flush fails too, and the
   * file must still be closed, or its deleted blocks stay in use).
   */
  void discard() throws IOException {
    closed = true;
    try {
      zstd.close();
    } catch (IOException ignored) {
      // the file goes next
    } finally {
      file.close();
    }
    Files.deleteIfExists(frame);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
