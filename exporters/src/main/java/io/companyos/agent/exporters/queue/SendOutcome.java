package io.companyos.agent.exporters.queue;

import java.time.Duration;
import java.util.Optional;

/** What the endpoint did with one batch. */
public sealed interface SendOutcome {
  /**
   * Accepted (2xx): the batch may be deleted. {@code withheld}: of the batches one request carried, how many the egress
   * guard withheld whole (not one of their records left, the request carried the others'); they are deleted too, and
   * counted as refused, as such a batch sent alone is.
   */
  record Accepted(int withheld) implements SendOutcome {
    public Accepted {
      if (withheld < 0) {
        throw new IllegalArgumentException("withheld < 0");
      }
    }

    public Accepted() {
      this(0);
    }
  }

  /**
   * Refused for good (400-class other than 408 and 429): retrying would fail forever, so the batch is dropped and
   * counted. {@code reason} is a short text without payload content.
   */
  record Rejected(int status, String reason) implements SendOutcome {}

  /**
   * Not now (connection refused or reset, timeout, 408, 429, 5xx): keep the batch and retry, no sooner than
   * {@code retryAfter} when the endpoint said so.
   */
  record RetryLater(Optional<Duration> retryAfter, String reason) implements SendOutcome {}

  /** Classifies an HTTP status the way the OTLP/HTTP specification asks. */
  static SendOutcome forStatus(int status, Optional<Duration> retryAfter) {
    if (status >= 200 && status < 300) {
      return new Accepted();
    }
    if (status == 408 || status == 429 || status >= 500) {
      return new RetryLater(retryAfter, "HTTP " + status);
    }
    return new Rejected(status, "HTTP " + status);
  }
}
