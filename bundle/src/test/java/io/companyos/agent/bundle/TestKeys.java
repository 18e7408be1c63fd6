package io.companyos.agent.bundle;

import io.companyos.agent.bundle.pgp.DecryptionKey;
import io.companyos.agent.bundle.pgp.GeneratedKey;
import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundle.pgp.OpenPgpKeyGenerator;
import io.companyos.agent.bundle.pgp.RecipientKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A vendor key pair and an installation signing key, made once per test class. */
final class TestKeys {

  final GeneratedKey vendor;
  final DecryptionKey vendorSecret;
  final RecipientKey vendorPublic;
  final InstallationSigningKey signing;
  final Path stateDir;

  TestKeys() {
    try {
      OpenPgpKeyGenerator generator = new OpenPgpKeyGenerator(Clock.systemUTC());
      vendor = generator.generateEncryptionKey("Test Vendor <vendor@example.com>", null, null);
      vendorSecret = DecryptionKey.parse(vendor.armoredSecretKey().getBytes(StandardCharsets.US_ASCII), "test", null);
      vendorPublic = RecipientKey.parse(vendor.armoredPublicKey().getBytes(StandardCharsets.US_ASCII), "test").get(0);
      stateDir = TestDirs.createDeletedAtExit("bundle-test-state");
      signing = InstallationSigningKey.loadOrCreate(stateDir, "inst-test", Clock.systemUTC());
    } catch (KeyException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<RecipientKey> recipients() {
    return List.of(vendorPublic);
  }

  BundleWriter.Builder writer(Path workDir) {
    return BundleWriter.builder()
        .redactor(new PlantedSecretRedactor())
        .canaryCheck(List::of)
        .recipients(recipients())
        .signingKey(signing)
        .workDir(workDir);
  }

  BundleReader reader() {
    return new BundleReader(List.of(vendorSecret));
  }
}
