package io.companyos.agent.bundle.manifest;

import java.util.Objects;

/**
 * A source left out of the bundle.
 *
 * @param path where it would have been in the bundle
 * @param reason why, without customer text (e.g. "redaction failed: IllegalStateException")
 */
public record Omission(String path, String reason) {
  public Omission {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
