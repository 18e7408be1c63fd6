package io.companyos.agent.bundle.manifest;

import java.util.Objects;

/**
 * What one collector did for this bundle.
 *
 * @param detail a short, customer-text-free explanation (an exception class, "timed out after 30s"); may be empty
 */
public record CollectorRun(String name, Status status, long durationMillis, String detail) {

  /** How a collector ended. */
  public enum Status { OK, FAILED, TIMED_OUT, SKIPPED }

  public CollectorRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if (durationMillis < 0) {
      throw new IllegalArgumentException("durationMillis must be >= 0, got " + durationMillis);
    }
  }
}
