package io.companyos.agent.daemon;

/** The state directory cannot be used: not creatable, not writable, or held by another agent. Exit status 2. */
public final class StateDirectoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateDirectoryException(String message) {
    super(message);
  }
}
