package io.companyos.agent.collectors.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A regular file matched by a glob.
 *
 * @param path the file
 * @param size bytes when found
 * @param modified last modification when found
 */
public record FoundFile(Path path, long size, Instant modified) {

  public FoundFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(modified, "modified");
  }
}
