package io.companyos.agent.exporters.transport;

/** The transport cannot be built from its options (unreadable CA bundle or client key); names the file, never key material. */
public final class TransportSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public TransportSetupException(String message) {
    super(message);
  }
}
