package io.companyos.agent.bundle.pgp;

/** A key file that cannot be used: unreadable, of the wrong kind, locked, or unfit for the bundle format. */
public final class KeyException extends Exception {

  /** @param message one line naming the key file or fingerprint and what is wrong; never key material */
  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
