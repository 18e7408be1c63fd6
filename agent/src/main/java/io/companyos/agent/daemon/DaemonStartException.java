package io.companyos.agent.daemon;

/** The daemon could not start (a port in use, a pipeline that failed); exit status 1. */
public final class DaemonStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public DaemonStartException(String message) {
    super(message);
  }
}
