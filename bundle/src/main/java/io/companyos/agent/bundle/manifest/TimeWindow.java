package io.companyos.agent.bundle.manifest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The {@code --since} window the collectors looked at: from {@code from} (inclusive) to {@code to}. */
public record TimeWindow(Instant from, Instant to) {

  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("window starts after it ends: " + from + " > " + to);
    }
  }

  /** The window of length {@code length} that ends at {@code end}. */
  public static TimeWindow endingAt(Instant end, Duration length) {
    return new TimeWindow(end.minus(length), end);
  }
}
