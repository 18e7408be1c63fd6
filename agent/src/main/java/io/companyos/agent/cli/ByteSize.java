package io.companyos.agent.cli;

import io.companyos.agent.config.DataSize;
import java.util.Locale;

/** Sizes on the command line ({@code 500MiB}, {@code 2GiB}, {@code 64KiB}, {@code 1000000}) and in output. */
final class ByteSize {
  private ByteSize() {}

  /**
   * Parses a size with the grammar of the configuration's sizes ({@link DataSize}); units are binary (KiB, MiB, GiB,
   * TiB; K, M, G, KB, MB, GB mean the same).
   *
   * @throws UsageException naming the option when the text is not a positive size
   */
  static long parse(String text, String option) throws UsageException {
    try {
      return DataSize.parse(text).bytes();
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage() + ", got '" + text + "'");
    }
  }

  /** {@code 512 B}, {@code 12.3 KiB}, {@code 1.0 GiB}. */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
