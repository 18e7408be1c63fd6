package io.companyos.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A secret value from the configuration or from a mounted secret file. Its {@link #toString()} and its printed form
 * are always masked; only {@link #reveal()} returns the value, for the one place that sends it.
 */
public final class Secret {
  public static final String MASK = "********";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /**
   * Reads a secret file (a Kubernetes secret mount), trimming one trailing newline.
   *
   * @throws InvalidValueException naming the path (never the content) when it cannot be read or is too large
   */
  private static final int MAX_FILE_BYTES = 64 * 1024;

  public static Secret fromFile(Path file) {
    try {
      // a device or FIFO (/dev/zero, a pipe) reports a size of 0 and never ends: only regular files, read bounded
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw new InvalidValueException("secret file " + file + " is not a regular file");
      }
      byte[] bytes;
      try (java.io.InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        throw new InvalidValueException("secret file " + file + " is larger than 64 KiB");
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      return new Secret(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    } catch (IOException e) {
      throw new InvalidValueException("cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && java.security.MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 1;
  }
}
