package io.companyos.agent.cli;

/** A problem with how the command was called, detected after parsing; exit status 2. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
