package io.companyos.agent.collectors.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A file matched by a {@link LogSource}.
 *
 * @param path the file
 * @param service the source's service name
 * @param format the source's format (may be AUTO)
 * @param size size in bytes when enumerated
 * @param modified last modification time when enumerated
 */
public record LogFile(Path path, String service, LogFormat format, long size, Instant modified) {

  public LogFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(modified, "modified");
  }
}
