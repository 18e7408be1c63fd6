package io.companyos.agent.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as written in the configuration and on the command line: {@code 256MiB}, {@code 1GiB},
 * {@code 64KiB}, {@code 1000000}. Units are binary (KiB, MiB, GiB, TiB; K, M, G, T, KB, MB, GB, TB mean the same), so
 * {@code 64MiB} and {@code 64MB} are both 67,108,864 bytes. Printed back in the largest unit that divides it exactly.
 *
 * @param bytes the size, positive
 */
public record DataSize(long bytes) {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");
  static final String EXPECTED = "expected a size like 500MiB, 2GiB or 64KiB";

  public DataSize {
    if (bytes <= 0) {
      throw new InvalidValueException("must be a positive size");
    }
  }

  public static DataSize ofMebibytes(long mib) {
    return new DataSize(mib << 20);
  }

  /**
   * Parses a size.
   *
   * @throws IllegalArgumentException (without the text, which may be anything) when it is not a positive size below
   *     8 EiB
   */
  public static DataSize parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidValueException(EXPECTED);
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
      throw new InvalidValueException("must be a positive size below 8 EiB");
    }
    return new DataSize(n << shift);
  }

  /** {@code 256MiB}, {@code 1GiB}, {@code 1500} (bytes): exact, and parsed back to the same value. */
  @Override
  public String toString() {
    String[] units = {"", "KiB", "MiB", "GiB", "TiB"};
    long v = bytes;
    int i = 0;
    while (i < units.length - 1 && v % 1024 == 0) {
      v /= 1024;
      i++;
    }
    return v + units[i];
  }
}
