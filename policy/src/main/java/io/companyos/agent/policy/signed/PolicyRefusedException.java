package io.companyos.agent.policy.signed;

/** A signed policy that must not be used; the agent refuses to start (exit 2) with this message. */
public final class PolicyRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the policy was refused. */
  public enum Reason { UNSIGNED, TAMPERED, UNTRUSTED_SIGNER, MALFORMED_SIGNATURE, NO_TRUSTED_KEY, UNREADABLE, INVALID }

  private final Reason reason;

  PolicyRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
