package io.companyos.agent.config;

import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.signed.PolicyRefusedException;
import io.companyos.agent.policy.signed.SignedPolicy;
import io.companyos.agent.policy.signed.SignedPolicyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An optional site policy signed by a key the customer trusts (for locked-down sites). When {@code file} is set the
 * agent refuses to start unless {@code signature} is a detached OpenPGP signature over the file by one of
 * {@code trustedKeys}; the configured {@code tier} may then be the policy's tier or lower, never higher.
 *
 * @param file the policy file, e.g. {@code policy.yaml} (default: none, no site policy)
 * @param signature its detached signature, e.g. {@code policy.yaml.asc} (required with {@code file})
 * @param trustedKeys ASCII-armoured public keys that may sign it (required with {@code file})
 */
public record PolicyConfig(Path file, Path signature, List<Path> trustedKeys) {
  public PolicyConfig {
    trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
    if (file == null && (signature != null || !trustedKeys.isEmpty())) {
      throw new InvalidValueException("file", "required when policy.signature or policy.trustedKeys is set");
    }
    if (file != null) {
      verify(file, signature, trustedKeys);
    }
  }

  static PolicyConfig none() {
    return new PolicyConfig(null, null, null);
  }

  /**
   * The verified policy, read and checked again now; empty when no policy is configured.
   *
   * @throws PolicyRefusedException when the files changed since the configuration was loaded
   */
  public Optional<SignedPolicy> verified() throws PolicyRefusedException {
    return file == null ? Optional.empty() : Optional.of(SignedPolicyLoader.load(file, signature, trustedKeys));
  }

  /** Refuses a configured tier above the signed policy's. */
  void requireTierWithin(Tier tier) {
    if (file == null) {
      return;
    }
    Tier max = verify(file, signature, trustedKeys).maxTier();
    if (!max.permitsAtLeast(tier)) {
      throw new InvalidValueException("tier", "'" + tier.configName() + "' is above the signed policy's tier '"
          + max.configName() + "'; lower it, or have a policy allowing it signed");
    }
  }

  private static SignedPolicy verify(Path file, Path signature, List<Path> trustedKeys) {
    try {
      return SignedPolicyLoader.load(file, signature, trustedKeys);
    } catch (PolicyRefusedException e) {
      String key = switch (e.reason()) {
        case UNSIGNED, MALFORMED_SIGNATURE, UNTRUSTED_SIGNER -> "signature";
        case NO_TRUSTED_KEY -> "trustedKeys";
        case UNREADABLE -> e.getMessage().startsWith("trusted key") ? "trustedKeys"
            : e.getMessage().startsWith("signature") ? "signature" : "file";
        case TAMPERED, INVALID -> "file";
      };
      throw new InvalidValueException(key, "refused: " + e.getMessage());
    }
  }
}
