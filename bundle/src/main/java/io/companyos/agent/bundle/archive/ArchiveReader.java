package io.companyos.agent.bundle.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a bundle's zstd-compressed tar, entry by entry, refusing any entry that would be unsafe to extract before
 * the caller sees it. Only regular files and directories come out.
 */
public final class ArchiveReader implements AutoCloseable {

  private final ZstdInputStreamNoFinalizer zstd;
  private final TarArchiveInputStream tar;

  public ArchiveReader(InputStream decrypted) throws IOException {
    this.zstd = new ZstdInputStreamNoFinalizer(new BufferedInputStream(decrypted, ArchiveWriter.BUFFER_BYTES));
    this.tar = new TarArchiveInputStream(new BufferedInputStream(zstd, ArchiveWriter.BUFFER_BYTES), "UTF-8");
  }

  /** An entry that passed the safety checks. {@code content} reads exactly {@code size} bytes. */
  public record Entry(String name, boolean directory, long size, InputStream content) {}

  /** The next entry, or {@code null} at the end of the archive. */
  public Entry next() throws IOException {
    TarArchiveEntry entry = tar.getNextEntry();
    if (entry == null) {
      return null;
    }
    String name = EntryNames.requireSafe(entry.getName());
    if (entry.isSymbolicLink() || entry.isLink()) {
      String target = entry.getLinkName();
      if (!EntryNames.linkStaysInside(name, target, entry.isLink())) {
        throw new UnsafeEntryException(UnsafeEntryException.Kind.LINK_OUTSIDE, "refusing entry '" + name + "': "
            + (entry.isLink() ? "hard" : "symbolic") + " link pointing outside the output directory");
      }
      throw new UnsafeEntryException(UnsafeEntryException.Kind.UNSUPPORTED_TYPE,
          "refusing entry '" + name + "': links are not allowed in a bundle");
    }
    if (entry.isDirectory()) {
      return new Entry(name, true, 0, InputStream.nullInputStream());
    }
    if (!entry.isFile()) {
      throw new UnsafeEntryException(UnsafeEntryException.Kind.UNSUPPORTED_TYPE,
          "refusing entry '" + name + "': only regular files and directories are allowed in a bundle");
    }
    return new Entry(name, false, entry.getSize(), tar);
  }

  @Override
  public void close() throws IOException {
    zstd.close();
  }
}
