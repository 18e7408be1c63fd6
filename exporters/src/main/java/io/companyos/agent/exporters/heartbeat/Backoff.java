package io.companyos.agent.exporters.heartbeat;

import java.time.Duration;
import java.util.Optional;

/**
 * Capped exponential backoff: {@code min}, doubling per consecutive failure, at most {@code max}; a
 * {@code Retry-After} from the endpoint is honoured (never retried earlier), though never beyond {@code limit}.
 */
record Backoff(Duration min, Duration max) {
  Backoff {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < min <= max");
    }
  }

  Duration delay(int consecutiveFailures, Optional<Duration> retryAfter, Duration limit) {
    int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
    Duration exp = min.multipliedBy(1L << doublings);
    Duration d = exp.compareTo(max) > 0 ? max : exp;
    if (retryAfter.isPresent() && retryAfter.get().compareTo(d) > 0) {
      d = retryAfter.get();
    }
    return d.compareTo(limit) > 0 ? limit : d;
  }
}
