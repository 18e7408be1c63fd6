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
    return glob.find(source.pathGlob()).stream()
        .map(f -> new LogFile(f.path(), source.service(), source.format(), f.size(), f.modified()))
        .toList();
  }
}
