package io.companyos.agent.bundling;

/**
 * A collector's failure whose message is a short line written for the manifest ({@code HTTP 503},
 * {@code connection refused}); it is still redacted on its way there. Other exceptions are recorded by type only.
 */
final class CollectorFailure extends Exception {
  private static final long serialVersionUID = 1L;

  CollectorFailure(String message) {
    super(message);
  }
}
