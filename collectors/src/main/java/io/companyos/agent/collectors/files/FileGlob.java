package io.companyos.agent.collectors.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * before the first wildcard is walked, no deeper than the glob reaches; directory links are not
 * followed, so a link cycle cannot make the walk loop. A matching symbolic link counts when it leads
 * to a regular file. Files that vanish during the walk (rotation) are left out silently; a match
 * that cannot be used (a symbolic link loop or a dangling link, an unreadable directory) is left out
 * and listed in {@link Result#skipped()} with the system's reason.
 */
public final class FileGlob {

  private final FileSystem fileSystem;

  public FileGlob() {
    this(FileSystems.getDefault());
  }

  FileGlob(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /**
   * What a search found: the matching regular files, sorted by path, and the matches left out.
   *
   * @param skipped each left-out path with its reason (e.g. {@code Too many levels of symbolic links})
   */
  public record Result(List<FoundFile> files, List<Skipped> skipped) {
    public Result {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }

  /** A match left out, and why (the operating system's reason, never file content). */
  public record Skipped(Path path, String reason) {}

  /** The matching regular files, sorted by path; none when the base directory is missing. */
  public List<FoundFile> find(String glob) {
    return search(glob).files();
  }

  /** {@link #find}, with the matches that had to be left out. */
  public Result search(String glob) {
    if (!glob.startsWith("/")) {
      throw new IllegalArgumentException("glob must be an absolute path, got '" + glob + "'");
    }
    Path base = fileSystem.getPath(literalPrefix(glob));
    int depth = glob.contains("**") ? Integer.MAX_VALUE : segments(glob) - segments(base.toString());
    PathMatcher matcher = fileSystem.getPathMatcher("glob:" + glob);
    List<FoundFile> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return new Result(List.of(), List.of());
    }
    try {
      Files.walkFileTree(base, Set.of(), Math.max(depth, 0), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (matcher.matches(file)) {
            add(files, skipped, file, attributes);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException error) {
          if (!(error instanceof NoSuchFileException)) {
            skipped.add(new Skipped(file, reason(error)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + base, e);
    }
    files.sort(Comparator.comparing(FoundFile::path));
    skipped.sort(Comparator.comparing(Skipped::path));
    return new Result(files, skipped);
  }

  private static void add(List<FoundFile> files, List<Skipped> skipped, Path path, BasicFileAttributes own) {
    try {
      BasicFileAttributes attributes = own.isSymbolicLink()
          ? Files.readAttributes(path, BasicFileAttributes.class) : own;
      if (attributes.isRegularFile()) {
        files.add(new FoundFile(path, attributes.size(), attributes.lastModifiedTime().toInstant()));
      } else if (!attributes.isDirectory()) {
        skipped.add(new Skipped(path, "not a regular file")); // a FIFO, a socket, a device
      }
    } catch (NoSuchFileException e) {
      if (own.isSymbolicLink() && Files.isSymbolicLink(path)) {
        skipped.add(new Skipped(path, "dangling symbolic link"));
      } // else: vanished between listing and reading (rotation)
    } catch (IOException e) {
      skipped.add(new Skipped(path, reason(e)));
    }
  }

  /** The system's reason for a failure on a path, without the path. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      // ELOOP reads differently across JDKs ("Too many levels of symbolic links or unable to access …")
      return fs.getReason().startsWith("Too many levels of symbolic links") ? "symbolic link loop" : fs.getReason();
    }
    return e.getClass().getSimpleName();
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
