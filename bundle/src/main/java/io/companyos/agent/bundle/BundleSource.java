package io.companyos.agent.bundle;

import io.companyos.agent.bundle.archive.EntryNames;
import io.companyos.agent.bundle.archive.UnsafeEntryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One file to put into a bundle, as a collector hands it over.
 *
 * @param path where it goes inside the bundle, e.g. {@code logs/api/app.log}; relative, {@code /}-separated
 * @param kind whether it is redacted ({@link ContentKind#TEXT}) or copied
 * @param priority what is kept first under the total size cap
 * @param sizeHint the source's size in bytes if known, else {@link #UNKNOWN_SIZE}; lets a file far over the per-file
 *     cap be read from near its end instead of from the start
 * @param lastModified orders logs newest-first; {@link Instant#EPOCH} when unknown
 * @param opener opens the content when the writer gets to it
 */
public record BundleSource(
    String path, ContentKind kind, SourcePriority priority, long sizeHint, Instant lastModified,
    ContentOpener opener) {

  /** {@link #sizeHint} when the size is not known in advance. */
  public static final long UNKNOWN_SIZE = -1;

  /** Names the writer puts at the bundle's root itself. */
  static final Set<String> RESERVED = Set.of("manifest.json", "manifest.json.sig", "redaction-report.json");

  public BundleSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(opener, "opener");
    try {
      EntryNames.requireSafe(path);
    } catch (UnsafeEntryException e) {
      throw new IllegalArgumentException("invalid bundle path: " + e.getMessage(), e);
    }
    if (path.endsWith("/")) {
      throw new IllegalArgumentException("bundle path must name a file, not a directory: " + path);
    }
    if (RESERVED.contains(path)) {
      throw new IllegalArgumentException("bundle path " + path + " is reserved for the writer");
    }
    if (sizeHint < UNKNOWN_SIZE) {
      throw new IllegalArgumentException("sizeHint must be >= 0 or UNKNOWN_SIZE, got " + sizeHint);
    }
  }

  /** A text file on disk, with its current size and modification time as hints. */
  public static BundleSource textFile(String path, Path file, SourcePriority priority) throws IOException {
    return new BundleSource(path, ContentKind.TEXT, priority, Files.size(file),
        Files.getLastModifiedTime(file).toInstant(), (SeekableContentOpener) offset -> openAt(file, offset));
  }

  private static java.io.InputStream openAt(Path file, long offset) throws IOException {
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.READ);
    try {
      channel.position(offset);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return java.nio.channels.Channels.newInputStream(channel);
  }

  /** Text produced in memory or by a stream of unknown length (a probe result, a scrape). */
  public static BundleSource text(String path, SourcePriority priority, ContentOpener opener) {
    return new BundleSource(path, ContentKind.TEXT, priority, UNKNOWN_SIZE, Instant.EPOCH, opener);
  }
}
