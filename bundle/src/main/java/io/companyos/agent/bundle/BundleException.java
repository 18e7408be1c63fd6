package io.companyos.agent.bundle;

import java.util.Objects;

/** A bundle could not be written or opened; {@link #failure()} says which way, the message says it in one line. */
public final class BundleException extends Exception {

  private final BundleFailure failure;

  public BundleException(BundleFailure failure, String message) {
    super(message);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  public BundleException(BundleFailure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  public BundleFailure failure() {
    return failure;
  }
}
