package io.companyos.agent.policy.license;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.policy.pgp.OpenPgpKeys;
import io.companyos.agent.policy.pgp.TestSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseCheckTest {
  static TestSigner vendor;
  static TestSigner forger;
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @BeforeAll
  static void keys() throws Exception {
    vendor = new TestSigner("CompanyOS Licensing <licensing@companyos.example>");
    forger = new TestSigner("Forger <f@example.org>");
  }

  private LicenseCheck check() throws Exception {
    Path key = dir.resolve("vendor.asc");
    vendor.writePublicKey(key);
    return LicenseCheck.withKeyFile(key, NOW);
  }

  private Path license(String expiresAt) throws Exception {
    Path file = dir.resolve("license.json");
    Files.writeString(file, "{\"licenseId\":\"L-1\",\"licensee\":\"ACME\",\"expiresAt\":\"" + expiresAt + "\"}");
    return file;
  }

  @Test
  void statusFollowsTheSignedExpiry() throws Exception {
    LicenseCheck check = check();
    Path f = license("2027-06-01T00:00:00Z");
    assertThat(check.status(f, vendor.signFile(f)))
        .isEqualTo(new LicenseStatus(LicenseState.VALID, Optional.of(Instant.parse("2027-06-01T00:00:00Z"))));
    f = license("2026-06-30T23:59:59Z");
    assertThat(check.status(f, vendor.signFile(f)).state()).isEqualTo(LicenseState.EXPIRING);
    f = license("2026-07-01T00:00:01Z");
    assertThat(check.status(f, vendor.signFile(f)).state()).isEqualTo(LicenseState.VALID);
    f = license("2026-06-01T00:00:00Z");
    assertThat(check.status(f, vendor.signFile(f))).isEqualTo(
        new LicenseStatus(LicenseState.EXPIRED, Optional.of(Instant.parse("2026-06-01T00:00:00Z"))));
  }

  @Test
  void aMissingLicenseIsMissing() throws Exception {
    assertThat(check().status(null, null)).isEqualTo(LicenseStatus.MISSING);
    assertThat(check().status(dir.resolve("license.json"), dir.resolve("license.json.asc")))
        .isEqualTo(LicenseStatus.MISSING);
  }

  @Test
  void badSignaturesAndContentAreInvalidNeverAnException() throws Exception {
    LicenseCheck check = check();
    Path f = license("2027-06-01T00:00:00Z");
    Path sig = vendor.signFile(f);
    assertThat(check.status(f, dir.resolve("absent.asc"))).as("unsigned").isEqualTo(LicenseStatus.INVALID);
    assertThat(check.status(f, forger.signFile(f))).as("forged").isEqualTo(LicenseStatus.INVALID);
    Files.writeString(f, Files.readString(f).replace("2027", "2099"));
    assertThat(check.status(f, sig)).as("tampered").isEqualTo(LicenseStatus.INVALID);
    Files.writeString(sig, "garbage");
    assertThat(check.status(f, sig)).as("garbage signature").isEqualTo(LicenseStatus.INVALID);
    Path noExpiry = dir.resolve("l2.json");
    Files.writeString(noExpiry, "{\"licenseId\":\"L-2\"}");
    assertThat(check.status(noExpiry, vendor.signFile(noExpiry))).as("no expiry").isEqualTo(LicenseStatus.INVALID);
    Path notJson = dir.resolve("l3.json");
    Files.writeString(notJson, "\u0000\u0001binary");
    assertThat(check.status(notJson, vendor.signFile(notJson))).isEqualTo(LicenseStatus.INVALID);
  }

  @Test
  void theShippedVendorKeyLoads() throws Exception {
    try (var in = LicenseCheck.class.getResourceAsStream(LicenseCheck.VENDOR_KEY_RESOURCE)) {
      assertThat(OpenPgpKeys.read(in, "shipped")).hasSize(1);
    }
    Path f = license("2027-06-01T00:00:00Z");
    assertThat(LicenseCheck.withShippedKey(NOW).status(f, vendor.signFile(f)))
        .as("a license signed by any other key is invalid").isEqualTo(LicenseStatus.INVALID);
  }
}
