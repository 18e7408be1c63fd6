package io.companyos.agent.policy.license;

/** The license as the heartbeat reports it. */
public enum LicenseState {
  /** Correctly signed and not expiring within 30 days. */
  VALID("valid"),
  /** Correctly signed and expiring within 30 days. */
  EXPIRING("expiring"),
  /** Correctly signed and past its expiry. */
  EXPIRED("expired"),
  /** Present but unreadable, unsigned, or not signed by the vendor key. */
  INVALID("invalid"),
  /** No license file configured, or the file does not exist. */
  MISSING("missing");

  private final String label;

  LicenseState(String label) {
    this.label = label;
  }

  /** The value in the heartbeat, e.g. {@code expiring}. */
  public String label() {
    return label;
  }
}
