package io.companyos.agent.policy.signed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.pgp.TestSigner;
import io.companyos.agent.policy.signed.PolicyRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedPolicyLoaderTest {
  static TestSigner admin;
  static TestSigner stranger;

  @TempDir
  Path dir;

  @BeforeAll
  static void keys() throws Exception {
    admin = new TestSigner("Site Admin <admin@customer.example>");
    stranger = new TestSigner("Someone Else <x@elsewhere.example>");
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private Path adminKey() throws Exception {
    Path k = dir.resolve("admin.asc");
    admin.writePublicKey(k);
    return k;
  }

  private static final String POLICY = "policyVersion: 1\ntier: heartbeat\n"
      + "allowlist:\n  denyMetrics: [jvm.memory.used]\n  denyAttributes: [service]\n";

  @Test
  void aPolicySignedByATrustedKeyIsAccepted() throws Exception {
    Path policy = write("policy.yaml", POLICY);
    Path sig = admin.signFile(policy);
    SignedPolicy p = SignedPolicyLoader.load(policy, sig, List.of(adminKey()));
    assertThat(p.maxTier()).isEqualTo(Tier.HEARTBEAT);
    assertThat(p.allowlist().denyMetrics()).containsExactly("jvm.memory.used");
    assertThat(p.allowlist().denyAttributes()).containsExactly("service");
    assertThat(p.signerKeyId()).isEqualTo(admin.keyId());
    assertThat(p.effectiveTier(Tier.FULL)).isEqualTo(Tier.HEARTBEAT);
    assertThat(p.effectiveTier(Tier.AIRGAPPED)).isEqualTo(Tier.AIRGAPPED);
  }

  @Test
  void oneOfSeveralTrustedKeysSuffices() throws Exception {
    Path policy = write("policy.yaml", POLICY);
    Path sig = admin.signFile(policy);
    Path other = dir.resolve("stranger.asc");
    stranger.writePublicKey(other);
    assertThat(SignedPolicyLoader.load(policy, sig, List.of(other, adminKey())).maxTier()).isEqualTo(Tier.HEARTBEAT);
  }

  @Test
  void anUnsignedPolicyIsRefused() throws Exception {
    Path policy = write("policy.yaml", POLICY);
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, null, List.of(adminKey())))
        .isInstanceOf(PolicyRefusedException.class)
        .hasMessage("policy file " + policy + " is unsigned: no signature configured (policy.signature)");
    Path absent = dir.resolve("policy.yaml.asc");
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, absent, List.of(adminKey())))
        .hasMessage("policy file " + policy + " is unsigned: signature file " + absent + " does not exist")
        .extracting(e -> ((PolicyRefusedException) e).reason()).isEqualTo(Reason.UNSIGNED);
  }

  @Test
  void aTamperedPolicyIsRefused() throws Exception {
    Path policy = write("policy.yaml", POLICY);
    Path sig = admin.signFile(policy);
    Files.writeString(policy, POLICY.replace("tier: heartbeat", "tier: full"));
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, sig, List.of(adminKey())))
        .hasMessage("policy file " + policy + " does not match its signature: it was changed after signing (tampered?)")
        .extracting(e -> ((PolicyRefusedException) e).reason()).isEqualTo(Reason.TAMPERED);
  }

  @Test
  void aPolicySignedByAnotherKeyIsRefused() throws Exception {
    Path policy = write("policy.yaml", POLICY);
    Path sig = stranger.signFile(policy);
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, sig, List.of(adminKey())))
        .hasMessage("policy file " + policy + " is signed by key " + stranger.keyId()
            + ", which is not among the trusted keys (policy.trustedKeys)")
        .extracting(e -> ((PolicyRefusedException) e).reason()).isEqualTo(Reason.UNTRUSTED_SIGNER);
  }

  @Test
  void garbageSignaturesAndKeysAreNamed() throws Exception {
    Path policy = write("policy.yaml", POLICY);
    Path sig = write("policy.yaml.asc", "-----BEGIN PGP SIGNATURE-----\n\nnonsense\n-----END PGP SIGNATURE-----\n");
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, sig, List.of(adminKey())))
        .hasMessage("signature file " + sig + " is not an OpenPGP signature");
    Path notAKey = write("admin.asc", "hello");
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, admin.signFile(policy), List.of(notAKey)))
        .hasMessage("trusted key " + notAKey + " is not an OpenPGP public key file");
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, sig, List.of()))
        .hasMessage("no trusted keys configured (policy.trustedKeys): a signed policy needs the public keys it may "
            + "be signed by");
  }

  @Test
  void aCorrectlySignedButMalformedPolicyIsRefusedNamingTheProblem() throws Exception {
    Path policy = write("policy.yaml", "policyVersion: 1\ntier: everything\n");
    Path sig = admin.signFile(policy);
    assertThatThrownBy(() -> SignedPolicyLoader.load(policy, sig, List.of(adminKey())))
        .hasMessage("policy file " + policy + ": tier: expected one of airgapped, heartbeat, full");
    Path extra = write("p2.yaml", "policyVersion: 1\ntier: full\nendpoint: https://x\n");
    Path sig2 = admin.signFile(extra);
    assertThatThrownBy(() -> SignedPolicyLoader.load(extra, sig2, List.of(adminKey())))
        .hasMessage("policy file " + extra + ": unknown key endpoint (expected one of: allowlist, policyVersion, tier)");
  }
}
