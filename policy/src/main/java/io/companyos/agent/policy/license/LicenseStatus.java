package io.companyos.agent.policy.license;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The license status computed offline.
 *
 * @param state valid, expiring, expired, invalid or missing
 * @param expiresAt the expiry of a correctly signed license (seconds precision); empty when missing or invalid
 */
public record LicenseStatus(LicenseState state, Optional<Instant> expiresAt) {
  public static final LicenseStatus MISSING = new LicenseStatus(LicenseState.MISSING, Optional.empty());
  public static final LicenseStatus INVALID = new LicenseStatus(LicenseState.INVALID, Optional.empty());

  public LicenseStatus {
    Objects.requireNonNull(state, "state");
    expiresAt = expiresAt.map(t -> t.truncatedTo(ChronoUnit.SECONDS));
    if ((state == LicenseState.MISSING || state == LicenseState.INVALID) && expiresAt.isPresent()) {
      throw new IllegalArgumentException("a " + state.label() + " license has no expiry");
    }
  }
}
