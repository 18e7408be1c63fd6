package io.companyos.agent.redaction;

/**
 * Redaction of a source failed; the caller must withhold the source (fail closed). The message never
 * contains the text being redacted.
 */
public final class RedactionException extends RuntimeException {
  /** Creates the exception with a message and a cause. */
  public RedactionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message. */
  public RedactionException(String message) {
    super(message);
  }
}
