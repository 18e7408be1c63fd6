package io.companyos.agent.exporters.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: the n-th consecutive failure waits between half and all of
 * {@code min(max, initial * 2^n)}, so that a fleet recovering from the same outage does not retry in lockstep. A
 * {@code Retry-After} from the endpoint is honoured as a lower bound, itself capped at {@code maxRetryAfter} so that a
 * misbehaving endpoint cannot park the queue for days.
 */
public record Backoff(Duration initial, Duration max, Duration maxRetryAfter) {
  /** 1 s doubling to 5 min; Retry-After honoured up to 1 h. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max and maxRetryAfter >= 0");
    }
  }

  /**
   * The wait before attempt {@code failures + 1}.
   *
   * @param failures consecutive failures so far (at least 1)
   * @param retryAfter what the endpoint asked for, if anything
   * @param random a source of uniform values in [0, 1)
   */
  public Duration delay(int failures, Optional<Duration> retryAfter, DoubleSupplier random) {
    int exp = Math.min(Math.max(failures - 1, 0), 30);
    long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(exp, 40));
    if (ceiling < 0) {
      ceiling = max.toMillis();
    }
    long jittered = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
    long floor = retryAfter.map(d -> Math.min(d.toMillis(), maxRetryAfter.toMillis())).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, floor));
  }
}
