package io.companyos.agent.policy.signed;

import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.allowlist.AllowlistOverrides;
import java.util.Objects;

/**
 * A verified policy file: the highest tier this site permits and the narrowing of the allowlist.
 *
 * @param maxTier the configured tier may be this or lower, never higher
 * @param allowlist metrics and attributes removed from the built-in allowlist
 * @param signerKeyId the key id that signed it (16 hex digits)
 */
public record SignedPolicy(Tier maxTier, AllowlistOverrides allowlist, String signerKeyId) {
  public SignedPolicy {
    Objects.requireNonNull(maxTier, "maxTier");
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(signerKeyId, "signerKeyId");
  }

  /** The tier in effect: {@code configured}, lowered to the policy's maximum. */
  public Tier effectiveTier(Tier configured) {
    return configured.permitsAtLeast(maxTier) ? maxTier : configured;
  }
}
