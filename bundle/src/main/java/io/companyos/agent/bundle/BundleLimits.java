package io.companyos.agent.bundle;

import java.time.Duration;
import java.util.Objects;

/**
 * Size and time limits of one export. Every truncation and omission they cause is listed in the manifest.
 *
 * @param perFileBytes a file larger than this keeps only its newest part (its end, from a line boundary)
 * @param totalBytes cap on the sum of the files' (uncompressed, redacted) sizes; filled in priority order
 * @param deadline collection and redaction stop after this; whatever is done by then is sealed
 */
public record BundleLimits(long perFileBytes, long totalBytes, Duration deadline) {

  /** 50 MiB per file, 500 MiB in total, 5 minutes. */
  public static final BundleLimits DEFAULTS = new BundleLimits(50L << 20, 500L << 20, Duration.ofMinutes(5));

  public BundleLimits {
    Objects.requireNonNull(deadline, "deadline");
    if (perFileBytes < 1) {
      throw new IllegalArgumentException("perFileBytes must be >= 1, got " + perFileBytes);
    }
    if (totalBytes < 1) {
      throw new IllegalArgumentException("totalBytes must be >= 1, got " + totalBytes);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, got " + deadline);
    }
  }

  public BundleLimits withPerFileBytes(long bytes) {
    return new BundleLimits(bytes, totalBytes, deadline);
  }

  public BundleLimits withTotalBytes(long bytes) {
    return new BundleLimits(perFileBytes, bytes, deadline);
  }

  public BundleLimits withDeadline(Duration newDeadline) {
    return new BundleLimits(perFileBytes, totalBytes, newDeadline);
  }
}
