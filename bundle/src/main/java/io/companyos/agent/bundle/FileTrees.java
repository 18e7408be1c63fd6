package io.companyos.agent.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Private directories and their removal. */
final class FileTrees {

  private FileTrees() {}

  /** A new directory only the agent's user can enter (0700). */
  static Path createPrivateTempDir(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    return Files.createTempDirectory(parent, prefix,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /** Deletes a tree without following symbolic links. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** {@link #delete} for cleanup paths, where a failure must not hide the original error. */
  static void deleteQuietly(Path root) {
    try {
      delete(root);
    } catch (IOException ignored) {
      // best effort: the caller is already failing or done
    }
  }
}
