package io.companyos.agent.policy.ledger;

/** A ledger line that is not a well-formed, self-consistent entry. */
final class LedgerFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  LedgerFormatException(String message) {
    super(message);
  }
}
