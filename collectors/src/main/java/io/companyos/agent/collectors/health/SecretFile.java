package io.companyos.agent.collectors.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A secret given as a file (a mounted Kubernetes secret). Read at each check so that a rotated
 * secret is picked up; one trailing line break is dropped, as editors and {@code echo} add it.
 */
final class SecretFile {

  private static final long MAX_BYTES = 64 * 1024;

  private SecretFile() {}

  /** The file's content, or an exception whose message names the option and path only. */
  static String read(String option, Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalStateException(option + " " + file + " is larger than 64 KiB");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.endsWith("\r\n")) {
        return text.substring(0, text.length() - 2);
      }
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + option + " " + file, e);
    }
  }
}
