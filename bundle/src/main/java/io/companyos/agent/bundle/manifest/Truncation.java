package io.companyos.agent.bundle.manifest;

import java.util.Objects;

/**
 * A file kept only in part: its newest bytes (the end), starting at a line boundary.
 *
 * @param originalSize bytes the source had (before redaction), or -1 when unknown
 * @param keptSize bytes of the file in the bundle
 */
public record Truncation(String path, long originalSize, long keptSize, String reason) {
  public Truncation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    if (keptSize < 0) {
      throw new IllegalArgumentException("keptSize must be >= 0, got " + keptSize);
    }
  }
}
