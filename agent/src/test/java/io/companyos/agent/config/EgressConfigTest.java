package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.policy.Tier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy, license, proxy and tls keys; signed-policy acceptance and each refusal, exit status 2 messages. */
class EgressConfigTest {
  static TestPolicySigner admin;
  static TestPolicySigner stranger;

  @TempDir
  Path dir;

  private final ConfigLoader loader = new ConfigLoader(Map.of());

  @BeforeAll
  static void keys() throws Exception {
    admin = new TestPolicySigner("Site Admin <admin@customer.example>");
    stranger = new TestPolicySigner("Other <other@example.org>");
  }

  private Path policy(String tier) throws Exception {
    Path p = dir.resolve("policy.yaml");
    Files.writeString(p, "policyVersion: 1\ntier: " + tier + "\nallowlist:\n  denyMetrics: [jvm.memory.used]\n");
    return p;
  }

  private String policyBlock(Path file, Path signature, Path key) {
    return "policy:\n  file: " + file + "\n"
        + (signature == null ? "" : "  signature: " + signature + "\n")
        + "  trustedKeys: [" + key + "]\n";
  }

  private Path adminKey() throws Exception {
    Path k = dir.resolve("admin.asc");
    admin.writePublicKey(k);
    return k;
  }

  @Test
  void aSignedPolicyIsAcceptedAndTheTierMayBeItsOrLower() throws Exception {
    Path p = policy("heartbeat");
    Path sig = admin.signFile(p);
    AgentConfig c = loader.bind("tier: heartbeat\n" + policyBlock(p, sig, adminKey()));
    assertThat(c.tier()).isEqualTo(Tier.HEARTBEAT);
    assertThat(c.policy().verified()).get().extracting(s -> s.maxTier()).isEqualTo(Tier.HEARTBEAT);
    assertThat(loader.bind("tier: airgapped\n" + policyBlock(p, sig, adminKey())).tier()).isEqualTo(Tier.AIRGAPPED);
  }

  @Test
  void raisingTheTierPastTheSignedPolicyIsRefused() throws Exception {
    Path p = policy("heartbeat");
    Path sig = admin.signFile(p);
    assertThatThrownBy(() -> loader.bind("tier: full\n" + policyBlock(p, sig, adminKey())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config error: tier (line 1): 'full' is above the signed policy's tier 'heartbeat'; lower it, "
            + "or have a policy allowing it signed");
    ConfigLoader env = new ConfigLoader(Map.of("COMPANYOS_AGENT_TIER", "full"));
    assertThatThrownBy(() -> env.bind("tier: airgapped\n" + policyBlock(p, sig, adminKey())))
        .hasMessageStartingWith("config error: tier (env COMPANYOS_AGENT_TIER): 'full' is above");
  }

  @Test
  void anUnsignedPolicyIsRefusedNamingTheKey() throws Exception {
    Path p = policy("full");
    assertThatThrownBy(() -> loader.bind("tier: airgapped\n" + policyBlock(p, null, adminKey())))
        .hasMessage("config error: policy.signature (line 2): refused: policy file " + p
            + " is unsigned: no signature configured (policy.signature)");
  }

  @Test
  void aTamperedPolicyIsRefused() throws Exception {
    Path p = policy("heartbeat");
    Path sig = admin.signFile(p);
    Files.writeString(p, Files.readString(p).replace("heartbeat", "full"));
    assertThatThrownBy(() -> loader.bind(policyBlock(p, sig, adminKey())))
        .hasMessage("config error: policy.file (line 2): refused: policy file " + p
            + " does not match its signature: it was changed after signing (tampered?)");
  }

  @Test
  void aPolicySignedByAnUntrustedKeyIsRefused() throws Exception {
    Path p = policy("heartbeat");
    Path sig = stranger.signFile(p);
    assertThatThrownBy(() -> loader.bind(policyBlock(p, sig, adminKey())))
        .hasMessage("config error: policy.signature (line 3): refused: policy file " + p + " is signed by key "
            + stranger.keyId() + ", which is not among the trusted keys (policy.trustedKeys)");
  }

  @Test
  void aSignatureWithoutAFileIsAConfigError() {
    assertThatThrownBy(() -> loader.bind("policy:\n  signature: /etc/p.asc\n"))
        .hasMessage("config error: policy.file (line 1): required when policy.signature or policy.trustedKeys is set");
  }

  @Test
  void proxyTlsAndLicenseKeysAreValidated() throws Exception {
    AgentConfig c = loader.bind("proxy:\n  url: http://proxy.corp.example:3128\n  noProxy: [.corp.example]\n");
    assertThat(c.proxy().uri()).contains(URI.create("http://proxy.corp.example:3128"));
    assertThat(c.proxy().noProxy()).containsExactly(".corp.example");
    assertThat(AgentConfig.defaults().proxy().uri()).isEmpty();
    assertThatThrownBy(() -> loader.bind("proxy:\n  url: https://user:pw@proxy:3128\n"))
        .hasMessage("config error: proxy.url (line 2): " + ProxyConfig.EXPECTED);
    assertThatThrownBy(() -> loader.bind("tls:\n  clientCertificate: /etc/c.pem\n"))
        .hasMessage("config error: tls.clientKey (line 1): clientCertificate and clientKey go together");
    Path missing = dir.resolve("ca.pem");
    assertThatThrownBy(() -> loader.bind("tls:\n  caBundle: " + missing + "\n"))
        .hasMessage("config error: tls.caBundle (line 2): cannot read " + missing);
    Path notAKey = dir.resolve("vendor.asc");
    Files.writeString(notAKey, "hello");
    assertThatThrownBy(() -> loader.bind("license:\n  file: /etc/license.json\n  vendorKey: " + notAKey + "\n"))
        .hasMessage("config error: license.vendorKey (line 3): " + notAKey + " is not an OpenPGP public key file");
    LicenseConfig lic = loader.bind("license:\n  file: /etc/companyos/license.json\n").license();
    assertThat(lic.signature()).isEqualTo(Path.of("/etc/companyos/license.json.asc"));
  }

  @Test
  void theNewKeysHaveEnvironmentVariables() {
    assertThat(EnvOverrides.variables()).extracting(EnvOverrides.Variable::name).contains(
        "COMPANYOS_AGENT_POLICY_FILE", "COMPANYOS_AGENT_POLICY_SIGNATURE", "COMPANYOS_AGENT_POLICY_TRUSTED_KEYS",
        "COMPANYOS_AGENT_LICENSE_FILE", "COMPANYOS_AGENT_LICENSE_SIGNATURE", "COMPANYOS_AGENT_LICENSE_VENDOR_KEY",
        "COMPANYOS_AGENT_PROXY_URL", "COMPANYOS_AGENT_PROXY_NO_PROXY", "COMPANYOS_AGENT_TLS_CA_BUNDLE",
        "COMPANYOS_AGENT_TLS_CLIENT_CERTIFICATE", "COMPANYOS_AGENT_TLS_CLIENT_KEY");
  }
}
