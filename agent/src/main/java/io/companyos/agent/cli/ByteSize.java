package io.companyos.agent.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes on the command line ({@code 500MiB}, {@code 2GiB}, {@code 64KiB}, {@code 1000000}) and in output. */
final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

  private ByteSize() {}

  /**
   * Parses a size; units are binary (KiB, MiB, GiB, TiB; K, M, G, KB, MB, GB mean the same).
   *
   * @throws UsageException naming the option when the text is not a positive size
   */
  static long parse(String text, String option) throws UsageException {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException(option + ": expected a size like 500MiB, 2GiB or 64KiB, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    int shift = switch (unit.charAt(0)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      case 't' -> 40;
      default -> 0;
    };
    if (n <= 0 || Long.numberOfLeadingZeros(n) <= shift) {
      throw new UsageException(option + ": must be a positive size below 8 EiB, got '" + text + "'");
    }
    return n << shift;
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
