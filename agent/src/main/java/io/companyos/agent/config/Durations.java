package io.companyos.agent.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the durations of the configuration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 7d}. */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,15})\\s*(ms|s|m|h|d)");
  static final String EXPECTED = "expected a duration like 500ms, 30s, 5m, 24h or 7d";

  private Durations() {}

  /**
   * Parses a configuration duration; ISO-8601 ({@code PT1M}) is accepted too.
   *
   * @throws IllegalArgumentException when the text is not a positive duration
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      try {
        d = toDuration(n, m.group(2));
      } catch (ArithmeticException e) {
        throw new InvalidValueException(EXPECTED);
      }
    } else if (t.startsWith("p")) {
      try {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new InvalidValueException(EXPECTED);
      }
    } else {
      throw new InvalidValueException(EXPECTED);
    }
    if (d.isZero() || d.isNegative()) {
      throw new InvalidValueException("must be a positive duration");
    }
    return d;
  }

  private static Duration toDuration(long n, String unit) {
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    d.toMillis(); // throws ArithmeticException when it does not fit
    return d;
  }

  /** Prints a duration in the largest unit that divides it exactly: {@code 60s} stays {@code 1m}, 1500 ms stays ms. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }
}
