package io.companyos.agent.policy.egress;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the endpoint answered.
 *
 * @param status the HTTP status
 * @param retryAfter the {@code Retry-After} delay, when the response carried one
 */
public record TransportResponse(int status, Optional<Duration> retryAfter) {
  public TransportResponse {
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
