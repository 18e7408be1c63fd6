package io.companyos.agent.collectors.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the regular files an absolute glob matches ({@code *}, {@code ?}, {@code [..]},
 * {@code {a,b}} within one path segment; {@code **} across segments). Only the directory part
 * before the first wildcard is walked, no deeper than the glob reaches. Unreadable directories and
 * files that vanish during the walk (rotation) are skipped.
 */
public final class FileGlob {

  private final FileSystem fileSystem;

  public FileGlob() {
    this(FileSystems.getDefault());
  }

  FileGlob(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /** The matching regular files, sorted by path; none when the base directory is missing. */
  public List<FoundFile> find(String glob) {
    if (!glob.startsWith("/")) {
      throw new IllegalArgumentException("glob must be an absolute path, got '" + glob + "'");
    }
    Path base = fileSystem.getPath(literalPrefix(glob));
    int depth = glob.contains("**") ? Integer.MAX_VALUE : segments(glob) - segments(base.toString());
    PathMatcher matcher = fileSystem.getPathMatcher("glob:" + glob);
    List<FoundFile> files = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try {
      Files.walkFileTree(base, Set.of(), Math.max(depth, 0), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (matcher.matches(file)) {
            add(files, file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + base, e);
    }
    files.sort(Comparator.comparing(FoundFile::path));
    return List.copyOf(files);
  }

  private static void add(List<FoundFile> files, Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isRegularFile()) {
        files.add(new FoundFile(path, attributes.size(), attributes.lastModifiedTime().toInstant()));
      }
    } catch (IOException e) {
      // vanished between listing and reading
    }
  }

  /** The directory part of the glob before the first segment with a wildcard. */
  static String literalPrefix(String glob) {
    int wildcard = -1;
    for (int i = 0; i < glob.length() && wildcard < 0; i++) {
      if ("*?[{\\".indexOf(glob.charAt(i)) >= 0) {
        wildcard = i;
      }
    }
    int slash = glob.lastIndexOf('/', wildcard < 0 ? glob.length() - 1 : wildcard);
    return slash <= 0 ? "/" : glob.substring(0, slash);
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
