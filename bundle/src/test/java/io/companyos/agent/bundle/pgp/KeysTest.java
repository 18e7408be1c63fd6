package io.companyos.agent.bundle.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysTest {

  static final OpenPgpKeyGenerator GENERATOR = new OpenPgpKeyGenerator(Clock.systemUTC());

  @TempDir
  Path tmp;

  @Test
  void aGeneratedKeyPairIsWrittenWithPrivateSecretAndRefusesToOverwrite() throws Exception {
    GeneratedKey key = GENERATOR.generateEncryptionKey("Support <s@example.com>", "pw".toCharArray(),
        Duration.ofDays(365));
    GeneratedKey.KeyFiles files = key.writeTo(tmp.resolve("keys"), "support");

    assertThat(Files.getPosixFilePermissions(files.secretKey())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(files.publicKey())).isEqualTo(lessUmask("rw-r--r--"));
    assertThat(Files.readString(files.publicKey())).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertThat(Files.readString(files.secretKey())).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
    assertThat(key.toString()).isEqualTo("GeneratedKey[" + key.fingerprint() + "]");
    assertThatThrownBy(() -> key.writeTo(tmp.resolve("keys"), "support"))
        .isInstanceOf(FileAlreadyExistsException.class);

    RecipientKey recipient = RecipientKey.read(files.publicKey()).get(0);
    assertThat(recipient.fingerprint()).isEqualTo(key.fingerprint()).hasSize(40);
    assertThat(recipient.userId()).isEqualTo("Support <s@example.com>");
    assertThat(DecryptionKey.read(files.secretKey(), "pw".toCharArray()).fingerprint()).isEqualTo(key.fingerprint());
  }

  @Test
  void aProtectedKeyNeedsItsPassphrase() throws Exception {
    byte[] secret = GENERATOR.generateEncryptionKey("S", "right".toCharArray(), null).armoredSecretKey()
        .getBytes(StandardCharsets.US_ASCII);
    String fingerprint = DecryptionKey.parse(secret, "k", "right".toCharArray()).fingerprint();

    assertThatThrownBy(() -> DecryptionKey.parse(secret, "k", "wrong".toCharArray()))
        .isInstanceOf(KeyException.class).hasMessage("wrong passphrase for secret key " + fingerprint);
    assertThatThrownBy(() -> DecryptionKey.parse(secret, "k", null))
        .isInstanceOf(KeyException.class)
        .hasMessage("secret key " + fingerprint + " is protected by a passphrase; give a passphrase file");
  }

  @Test
  void aPublicKeyIsNotASecretKeyAndASigningKeyIsNoRecipient() throws Exception {
    GeneratedKey encryption = GENERATOR.generateEncryptionKey("E", null, null);
    GeneratedKey signing = GENERATOR.generateSigningKey("S");

    assertThatThrownBy(() -> DecryptionKey.parse(encryption.armoredPublicKey().getBytes(StandardCharsets.US_ASCII),
        "public.asc", null))
        .isInstanceOf(KeyException.class)
        .hasMessage("public.asc holds no OpenPGP secret key (is it the public key?)");
    assertThatThrownBy(() -> RecipientKey.parse(signing.armoredPublicKey().getBytes(StandardCharsets.US_ASCII),
        "sign.asc"))
        .isInstanceOf(KeyException.class)
        .hasMessage("sign.asc: key " + signing.fingerprint()
            + " has no valid encryption subkey (expired, revoked, or a signing-only key)");
    assertThatThrownBy(() -> RecipientKey.read(tmp.resolve("missing.asc")))
        .isInstanceOf(KeyException.class)
        .hasMessage("recipient key file " + tmp.resolve("missing.asc") + " does not exist");
  }

  @Test
  void theInstallationSigningKeyIsCreatedOncePrivatelyAndReused() throws Exception {
    InstallationSigningKey first = InstallationSigningKey.loadOrCreate(tmp, "inst-1", Clock.systemUTC());
    InstallationSigningKey second = InstallationSigningKey.loadOrCreate(tmp, "inst-1", Clock.systemUTC());

    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(Files.getPosixFilePermissions(tmp.resolve(InstallationSigningKey.FILE_NAME)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
    String signature = first.signDetached(data);
    assertThat(DetachedSignatureCheck.verify(data, signature, first.armoredPublicKey()))
        .isEqualTo(new DetachedSignatureCheck.Result(true, first.fingerprint(), ""));
    assertThat(DetachedSignatureCheck.verify("changed".getBytes(StandardCharsets.UTF_8), signature,
        first.armoredPublicKey()).valid()).isFalse();
  }

  /** {@code mode} less the process's umask, as a new file gets it (CI runs the tests under umask 077 too). */
  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> lessUmask(String mode) throws Exception {
    int umask = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Umask:"))
        .map(l -> Integer.parseInt(l.substring("Umask:".length()).trim(), 8)).findFirst().orElseThrow();
    java.util.Set<java.nio.file.attribute.PosixFilePermission> left = PosixFilePermissions.fromString(mode);
    java.nio.file.attribute.PosixFilePermission[] bits = java.nio.file.attribute.PosixFilePermission.values();
    for (int i = 0; i < bits.length; i++) { // OWNER_READ .. OTHERS_EXECUTE are the bits 0400 .. 0001
      if ((umask & (0400 >> i)) != 0) {
        left.remove(bits[i]);
      }
    }
    return left;
  }
}
