package io.companyos.agent.collectors.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Enumerates the regular files that a {@link LogSource}'s glob matches. */
public final class LogFiles {

  private final FileSystem fileSystem;

  public LogFiles() {
    this(FileSystems.getDefault());
  }

  LogFiles(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /**
   * The matching regular files, sorted by path, with size and modification time. A base directory
   * that does not exist yields no files (the service may not have logged yet).
   */
  public List<LogFile> enumerate(LogSource source) {
    String glob = source.pathGlob();
    Path base = fileSystem.getPath(literalPrefix(glob));
    int depth = glob.contains("**") ? Integer.MAX_VALUE : segments(glob) - segments(base.toString());
    PathMatcher matcher = fileSystem.getPathMatcher("glob:" + glob);
    List<LogFile> files = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try {
      Files.walkFileTree(base, Set.of(), Math.max(depth, 0), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (matcher.matches(file)) {
            add(files, file, source);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
          return FileVisitResult.CONTINUE; // unreadable directory or file vanished in rotation
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + base, e);
    }
    files.sort(Comparator.comparing(LogFile::path));
    return List.copyOf(files);
  }

  private static void add(List<LogFile> files, Path path, LogSource source) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isRegularFile()) {
        files.add(new LogFile(path, source.service(), source.format(), attributes.size(),
            attributes.lastModifiedTime().toInstant()));
      }
    } catch (IOException e) {
      // removed between listing and reading (rotation): not a file any more
    }
  }

  /** The directory part of the glob before the first segment with a wildcard. */
  static String literalPrefix(String glob) {
    int wildcard = firstWildcard(glob);
    if (wildcard < 0) {
      int slash = glob.lastIndexOf('/');
      return slash <= 0 ? "/" : glob.substring(0, slash);
    }
    int slash = glob.lastIndexOf('/', wildcard);
    return slash <= 0 ? "/" : glob.substring(0, slash);
  }

  private static int firstWildcard(String glob) {
    for (int i = 0; i < glob.length(); i++) {
      if ("*?[{\\".indexOf(glob.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int segments(String path) {
    int count = 0;
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        count++;
      }
    }
    return count;
  }
}
