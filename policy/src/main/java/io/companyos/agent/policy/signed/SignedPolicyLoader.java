package io.companyos.agent.policy.signed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.allowlist.AllowlistOverrides;
import io.companyos.agent.policy.pgp.DetachedSignatures;
import io.companyos.agent.policy.pgp.OpenPgpKeys;
import io.companyos.agent.policy.signed.PolicyRefusedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Loads a site policy ({@code policy.yaml}) only if a detached OpenPGP signature over its exact bytes verifies with
 * one of the customer's trusted keys. The signature is checked before the content is even parsed. Format:
 *
 * <pre>
 * policyVersion: 1
 * tier: heartbeat            # the highest tier this site permits
 * allowlist:                 # optional narrowing of the built-in allowlist
 *   denyMetrics: [jvm.memory.used]
 *   denyAttributes: [service]
 * </pre>
 */
public final class SignedPolicyLoader {
  private static final long MAX_BYTES = 64 * 1024;
  private static final Set<String> TOP_KEYS = Set.of("policyVersion", "tier", "allowlist");
  private static final Set<String> ALLOWLIST_KEYS = Set.of("denyMetrics", "denyAttributes");

  private SignedPolicyLoader() {}

  /**
   * @param file the policy file
   * @param signature its detached signature, or null when none is configured
   * @param trustedKeys public key files of the keys that may sign it
   * @throws PolicyRefusedException saying which: unsigned, tampered, signed by an untrusted key, unreadable, invalid
   */
  public static SignedPolicy load(Path file, Path signature, List<Path> trustedKeys) throws PolicyRefusedException {
    if (signature == null) {
      throw new PolicyRefusedException(Reason.UNSIGNED, "policy file " + file
          + " is unsigned: no signature configured (policy.signature)");
    }
    if (trustedKeys.isEmpty()) {
      throw new PolicyRefusedException(Reason.NO_TRUSTED_KEY, "no trusted keys configured (policy.trustedKeys): "
          + "a signed policy needs the public keys it may be signed by");
    }
    byte[] data = read(file, "policy file");
    byte[] sig;
    try {
      sig = read(signature, "signature file");
    } catch (PolicyRefusedException e) {
      if (e.reason() == Reason.UNREADABLE && !Files.exists(signature)) {
        throw new PolicyRefusedException(Reason.UNSIGNED, "policy file " + file + " is unsigned: signature file "
            + signature + " does not exist");
      }
      throw e;
    }
    List<PGPPublicKeyRing> keys = new ArrayList<>();
    for (Path k : trustedKeys) {
      try {
        keys.addAll(OpenPgpKeys.read(k));
      } catch (NoSuchFileException e) {
        throw new PolicyRefusedException(Reason.UNREADABLE, "trusted key file " + k + " does not exist");
      } catch (IOException e) {
        throw new PolicyRefusedException(Reason.UNREADABLE, "trusted key " + e.getMessage());
      }
    }
    DetachedSignatures.Result result = DetachedSignatures.verify(data, sig, keys);
    switch (result.verdict()) {
      case MALFORMED:
        throw new PolicyRefusedException(Reason.MALFORMED_SIGNATURE, "signature file " + signature
            + " is not an OpenPGP signature");
      case UNTRUSTED_KEY:
        throw new PolicyRefusedException(Reason.UNTRUSTED_SIGNER, "policy file " + file + " is signed by key "
            + result.signerKeyId().orElse("?") + ", which is not among the trusted keys (policy.trustedKeys)");
      case BAD_SIGNATURE:
        throw new PolicyRefusedException(Reason.TAMPERED, "policy file " + file
            + " does not match its signature: it was changed after signing (tampered?)");
      default:
        break;
    }
    return parse(file, data, result.signerKeyId().orElseThrow());
  }

  private static SignedPolicy parse(Path file, byte[] data, String signer) throws PolicyRefusedException {
    ObjectMapper yaml = new YAMLMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    JsonNode root;
    try {
      root = yaml.readTree(data);
    } catch (IOException e) {
      throw invalid(file, "not valid YAML");
    }
    if (root == null || !root.isObject()) {
      throw invalid(file, "expected a mapping with policyVersion and tier");
    }
    for (String key : iterable(root)) {
      if (!TOP_KEYS.contains(key)) {
        throw invalid(file, "unknown key " + key + " (expected one of: allowlist, policyVersion, tier)");
      }
    }
    if (root.path("policyVersion").asInt(-1) != 1 || !root.path("policyVersion").isInt()) {
      throw invalid(file, "policyVersion must be 1");
    }
    Tier tier;
    try {
      tier = Tier.fromConfigName(root.path("tier").isTextual() ? root.get("tier").asText() : null);
    } catch (IllegalArgumentException e) {
      throw invalid(file, "tier: " + e.getMessage());
    }
    JsonNode allow = root.path("allowlist");
    AllowlistOverrides overrides = AllowlistOverrides.NONE;
    if (!allow.isMissingNode()) {
      if (!allow.isObject()) {
        throw invalid(file, "allowlist must be a mapping");
      }
      for (String key : iterable(allow)) {
        if (!ALLOWLIST_KEYS.contains(key)) {
          throw invalid(file, "unknown key allowlist." + key + " (expected one of: denyAttributes, denyMetrics)");
        }
      }
      overrides = new AllowlistOverrides(texts(file, allow, "denyMetrics"), texts(file, allow, "denyAttributes"));
    }
    return new SignedPolicy(tier, overrides, signer);
  }

  private static List<String> texts(Path file, JsonNode parent, String key) throws PolicyRefusedException {
    JsonNode n = parent.path(key);
    List<String> out = new ArrayList<>();
    if (n.isMissingNode()) {
      return out;
    }
    if (!n.isArray()) {
      throw invalid(file, "allowlist." + key + " must be a list of names");
    }
    for (JsonNode v : n) {
      if (!v.isTextual()) {
        throw invalid(file, "allowlist." + key + " must be a list of names");
      }
      out.add(v.asText());
    }
    return out;
  }

  private static Iterable<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static PolicyRefusedException invalid(Path file, String problem) {
    return new PolicyRefusedException(Reason.INVALID, "policy file " + file + ": " + problem);
  }

  private static byte[] read(Path file, String what) throws PolicyRefusedException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new PolicyRefusedException(Reason.UNREADABLE, what + " " + file + " is larger than 64 KiB");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PolicyRefusedException(Reason.UNREADABLE, what + " " + file + " does not exist");
    } catch (IOException e) {
      throw new PolicyRefusedException(Reason.UNREADABLE, "cannot read " + what + " " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
