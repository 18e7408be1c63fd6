package io.companyos.agent.exporters.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> parse(Optional<String> header, Clock clock) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String v = header.get().trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Duration d = Duration.between(clock.instant(),
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
