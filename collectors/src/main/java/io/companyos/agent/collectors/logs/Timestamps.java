package io.companyos.agent.collectors.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time of a log line: a leading ISO-8601-like timestamp ({@code 2026-11-25T18:29:42.123Z},
 * {@code 2026-11-25 18:29:42,123}, with or without offset; CRI lines start with one) or, for JSON
 * lines, the {@code @timestamp}, {@code timestamp}, {@code time} or {@code ts} field. Times without
 * an offset are read in the configured zone (default UTC).
 */
final class Timestamps {

  private static final Pattern LEADING = Pattern.compile(
      "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?"
          + "\\s?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern JSON_FIELD = Pattern.compile(
      "\"(?:@timestamp|timestamp|time|ts)\"\\s*:\\s*\"([^\"]{10,40})\"");

  private final ZoneId zone;

  Timestamps(ZoneId zone) {
    this.zone = zone;
  }

  static Timestamps utc() {
    return new Timestamps(ZoneOffset.UTC);
  }

  /** The line's time, or null when it carries none (e.g. a stack-trace line). */
  Instant find(CharSequence line) {
    Matcher leading = LEADING.matcher(line);
    if (leading.lookingAt()) {
      return parse(leading.group(1), leading.group(2), leading.group(3), leading.group(4));
    }
    if (line.length() > 0 && line.charAt(0) == '{') {
      Matcher field = JSON_FIELD.matcher(line);
      if (field.find()) {
        Matcher inner = LEADING.matcher(field.group(1));
        if (inner.lookingAt()) {
          return parse(inner.group(1), inner.group(2), inner.group(3), inner.group(4));
        }
      }
    }
    return null;
  }

  private Instant parse(String date, String time, String fraction, String offset) {
    try {
      LocalDateTime local = LocalDateTime.parse(date + "T" + time);
      if (fraction != null) {
        String nanos = (fraction + "000000000").substring(0, 9);
        local = local.withNano(Integer.parseInt(nanos));
      }
      if (offset == null) {
        return local.atZone(zone).toInstant();
      }
      if (offset.equals("Z")) {
        return local.toInstant(ZoneOffset.UTC);
      }
      String normalized = offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
      return local.toInstant(ZoneOffset.of(normalized));
    } catch (DateTimeException e) { // a bad date, or an offset beyond ±18:00 (found by fuzzing)
      return null;
    }
  }
}
