package io.companyos.agent.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an export stopped outright ({@code kill -9}, power loss, OOM kill) leaves behind, which no shutdown hook
 * removed: the bundle's temp file ({@code .<name>.<n>.partial}, never under the final name) and the private staging
 * directory of redacted plaintext ({@code companyos-bundle-<n>/}). Each live export holds an exclusive lock on its
 * temp file and on its staging directory's {@value #LOCK} file for as long as it runs; the next export removes a
 * leftover only when nobody holds its lock (its process is gone) and it has not changed for {@link #MIN_AGE}, so an
 * export running at the same moment (the daemon's and the CLI's) is never disturbed.
 */
final class Leftovers {
  private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

  /** The lock file inside a staging directory. */
  static final String LOCK = ".lock";
  static final String STAGING_PREFIX = "companyos-bundle-";
  /** A leftover untouched for this long whose lock is free is stale. */
  static final Duration MIN_AGE = Duration.ofMinutes(1);
  private static final Pattern PARTIAL = Pattern.compile("\\..+\\.[0-9]+\\.partial");

  private Leftovers() {}

  static boolean isPartial(String name) {
    return PARTIAL.matcher(name).matches();
  }

  /**
   * Removes stale temp files and staging directories directly in {@code dir}; never throws.
   *
   * @return how many were removed
   */
  static int sweep(Path dir) {
    int removed = 0;
    Instant cutoff = Instant.now().minus(MIN_AGE);
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        try {
          BasicFileAttributes attributes =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (attributes.isRegularFile() && isPartial(name)) {
            if (stale(entry, attributes, cutoff)) {
              Files.deleteIfExists(entry);
              removed++;
            }
          } else if (attributes.isDirectory() && name.startsWith(STAGING_PREFIX)) {
            Path lock = entry.resolve(LOCK);
            BasicFileAttributes lockAttributes = Files.exists(lock, LinkOption.NOFOLLOW_LINKS)
                ? Files.readAttributes(lock, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS) : attributes;
            if (stale(Files.exists(lock, LinkOption.NOFOLLOW_LINKS) ? lock : null, lockAttributes, cutoff)
                && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
              FileTrees.delete(entry);
              removed++;
            }
          }
        } catch (IOException | RuntimeException e) {
          // vanished meanwhile, or not ours to remove: leave it
        }
      }
    } catch (IOException | RuntimeException e) {
      return removed;
    }
    if (removed > 0) {
      LOG.info("removed {} leftover(s) of an export that was stopped outright (kill -9, power loss) from {}",
          removed, dir);
    }
    return removed;
  }

  /** Old enough, and no live process holds its lock ({@code file} null: no lock file, age decides). */
  private static boolean stale(Path file, BasicFileAttributes attributes, Instant cutoff) throws IOException {
    if (!attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
      return false;
    }
    if (file == null) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (OverlappingFileLockException heldInThisProcess) {
      return false;
    }
  }

  /** Takes the exclusive lock that marks {@code channel}'s file as in use by a live export. */
  static FileLock hold(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }
}
