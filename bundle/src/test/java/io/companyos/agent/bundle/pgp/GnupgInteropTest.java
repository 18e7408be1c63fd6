package io.companyos.agent.bundle.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with Debian's stock GnuPG 2.2 at the OpenPGP layer; {@code GnupgBundleTest} does whole bundles through
 * {@code gpg | zstd -d | tar x}. Keys are made once per class.
 */
class GnupgInteropTest {

  @TempDir
  static Path home;

  static Gpg gpg;
  static RecipientKey gpgRsa;
  static RecipientKey gpgCurve25519;

  @BeforeAll
  static void makeGpgKeys() throws Exception {
    gpg = new Gpg(home.resolve("gnupg"));
    gpgRsa = gpg.generate("GPG RSA <rsa@example.com>", "default");
    gpgCurve25519 = gpg.generate("GPG Curve <curve@example.com>", "future-default");
  }

  @Test
  void aGpgGeneratedKeyEncryptsWithTheAgentAndDecryptsWithGpg() throws Exception {
    for (RecipientKey key : List.of(gpgRsa, gpgCurve25519)) {
      Path message = home.resolve("to-" + key.fingerprint() + ".pgp");
      encrypt(message, List.of(key), "for " + key.userId());

      assertThat(gpg.decrypt(message)).isEqualTo("for " + key.userId());
      assertThat(gpg.run("--list-packets", message.toString()))
          .contains(":encrypted data packet:").contains("mdc_method: 2").doesNotContain("compressed packet");
    }
  }

  @Test
  void anAgentGeneratedKeyImportsIntoGpgAndDecrypts() throws Exception {
    GeneratedKey key = new OpenPgpKeyGenerator(Clock.systemUTC())
        .generateEncryptionKey("Agent Made <agent@example.com>", "s3cret".toCharArray(), null);
    GeneratedKey.KeyFiles files = key.writeTo(home.resolve("agent-key"), "support");
    gpg.run("--import", files.secretKey().toString());
    Path message = home.resolve("to-agent-key.pgp");
    encrypt(message, RecipientKey.read(files.publicKey()), "hello agent key");

    assertThat(gpg.decrypt(message, "s3cret")).isEqualTo("hello agent key");
    assertThat(gpg.run("--list-packets", message.toString())).doesNotContain("WARNING");
  }

  @Test
  void aMessageForTwoRecipientsOpensWithEitherKey() throws Exception {
    Path message = home.resolve("two.pgp");
    encrypt(message, List.of(gpgRsa, gpgCurve25519), "for both");

    String packets = gpg.run("--list-packets", message.toString());
    assertThat(packets.split(":pubkey enc packet:", -1)).hasSize(3);
    Path single = home.resolve("gnupg-single");
    Gpg onlyCurve = new Gpg(single);
    onlyCurve.importSecret(gpg.exportSecret(gpgCurve25519.fingerprint()));
    assertThat(onlyCurve.decrypt(message)).isEqualTo("for both");
    Gpg onlyRsa = new Gpg(home.resolve("gnupg-rsa"));
    onlyRsa.importSecret(gpg.exportSecret(gpgRsa.fingerprint()));
    assertThat(onlyRsa.decrypt(message)).isEqualTo("for both");
  }

  @Test
  void aGpgSecretKeyOpensAgentMessagesInTheAgent() throws Exception {
    Path message = home.resolve("roundtrip.pgp");
    encrypt(message, List.of(gpgRsa), "agent reads gpg key");
    DecryptionKey key = DecryptionKey.parse(gpg.exportSecret(gpgRsa.fingerprint()), "gpg export", null);

    try (var in = MessageDecryption.open(Files.newInputStream(message), List.of(key))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("agent reads gpg key");
    }
  }

  private static void encrypt(Path file, List<RecipientKey> recipients, String text) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        OutputStream message = MessageEncryption.open(out, recipients)) {
      message.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A throw-away GNUPGHOME driven in batch mode. */
  static final class Gpg {
    final Path homeDir;

    Gpg(Path homeDir) throws IOException {
      this.homeDir = Files.createDirectories(homeDir);
      Files.setPosixFilePermissions(homeDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    RecipientKey generate(String userId, String algorithm) throws Exception {
      run("--passphrase", "", "--quick-gen-key", userId, algorithm, "default", "never");
      String armored = run("--armor", "--export", userId);
      return RecipientKey.parse(armored.getBytes(StandardCharsets.US_ASCII), userId).get(0);
    }

    byte[] exportSecret(String fingerprint) throws Exception {
      return run("--pinentry-mode", "loopback", "--passphrase", "", "--armor", "--export-secret-keys", fingerprint)
          .getBytes(StandardCharsets.US_ASCII);
    }

    void importSecret(byte[] armored) throws Exception {
      Path file = Files.createTempFile(homeDir, "import", ".asc");
      Files.write(file, armored);
      run("--import", file.toString());
    }

    String decrypt(Path message) throws Exception {
      return run("--decrypt", message.toString());
    }

    String decrypt(Path message, String passphrase) throws Exception {
      return run("--pinentry-mode", "loopback", "--passphrase", passphrase, "--decrypt", message.toString());
    }

    String run(String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of("gpg", "--homedir", homeDir.toString(), "--batch", "--yes",
          "--quiet", "--no-tty"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      process.getInputStream().transferTo(stdout);
      String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("gpg " + String.join(" ", args) + " failed: " + stderr);
      }
      return stdout.toString(StandardCharsets.UTF_8) + (args[0].equals("--list-packets") ? stderr : "");
    }
  }
}
