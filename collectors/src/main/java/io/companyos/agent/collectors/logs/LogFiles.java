package io.companyos.agent.collectors.logs;

import io.companyos.agent.collectors.files.FileGlob;
import java.util.List;

/** Enumerates the regular files that a {@link LogSource}'s glob matches. */
public final class LogFiles {

  private final FileGlob glob;

  public LogFiles() {
    this(new FileGlob());
  }

  LogFiles(FileGlob glob) {
    this.glob = glob;
  }

  /**
   * The matching regular files, sorted by path, with size and modification time. A base directory
   * that does not exist yields no files (the service may not have logged yet).
   */
  public List<LogFile> enumerate(LogSource source) {
    return scan(source).files();
  }

  /**
   * {@link #enumerate}, with the matches that had to be left out and why (a symbolic link loop, a dangling link, an
   * unreadable directory).
   */
  public Scan scan(LogSource source) {
    FileGlob.Result found = glob.search(source.pathGlob());
    return new Scan(found.files().stream()
        .map(f -> new LogFile(f.path(), source.service(), source.format(), f.size(), f.modified()))
        .toList(), found.skipped());
  }

  /** The usable files of a source and the matches left out. */
  public record Scan(List<LogFile> files, List<FileGlob.Skipped> skipped) {
    public Scan {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }
}
