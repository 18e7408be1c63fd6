package io.companyos.agent.bundle.manifest;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file in the bundle.
 *
 * @param path relative path inside the bundle, {@code /}-separated
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record FileEntry(String path, long size, String sha256) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public FileEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (!SHA256_HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
  }
}
