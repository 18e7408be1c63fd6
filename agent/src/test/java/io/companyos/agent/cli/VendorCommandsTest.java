package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, decrypt-bundle and inspect-bundle, with each main failure class as one line and its exit status. */
class VendorCommandsTest {
  @TempDir
  Path dir;

  private BundleFixture fx;
  private Path keys;
  private Path passphrase;
  private Path bundle;

  @BeforeEach
  void exportToAFreshVendorKey() throws Exception {
    fx = new BundleFixture(dir);
    keys = dir.resolve("keys");
    passphrase = dir.resolve("pass.txt");
    Files.writeString(passphrase, "correct horse battery staple\n");
    assertThat(fx.run("keygen", "--name", "CompanyOS Support <support@example.com>", "--out-dir", keys.toString(),
        "--passphrase-file", passphrase.toString())).as(fx.err.toString()).isZero();
    assertThat(fx.out.toString()).startsWith("fingerprint ")
        .contains("public key  " + keys.resolve("companyos-support.pub.asc"));
    assertThat(Files.getPosixFilePermissions(keys.resolve("companyos-support.sec.asc")))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(fx.export("--include", "config,system", "--recipient",
        keys.resolve("companyos-support.pub.asc").toString())).as(fx.err.toString()).isZero();
    assertThat(fx.err.toString()).doesNotContain("DEMO");
    bundle = fx.onlyBundle();
    fx.out.getBuffer().setLength(0);
    fx.err.getBuffer().setLength(0);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private int decrypt(Path in, Path out, String... keyArgs) {
    String[] base = {"decrypt-bundle", "--in", in.toString(), "--out", out.toString()};
    String[] all = new String[base.length + keyArgs.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(keyArgs, 0, all, base.length, keyArgs.length);
    return fx.run(all);
  }

  private String[] vendorKey() {
    return new String[] {"--key", keys.resolve("companyos-support.sec.asc").toString(), "--passphrase-file",
        passphrase.toString()};
  }

  @Test
  void theVendorKeyOpensTheBundleAndTheSummaryNamesTheInstallation() throws Exception {
    Path out = dir.resolve("case");
    assertThat(decrypt(bundle, out, vendorKey())).as(fx.err.toString()).isZero();
    assertThat(fx.out.toString()).startsWith("verified      " + bundle + "\ninstallation  ")
        .contains("(cluster test, node node-1, tier airgapped)")
        .contains("collectors    ").contains("config OK").contains("health SKIPPED")
        .contains("files         3, ").contains("omissions     0").endsWith("extracted to  " + out + "\n");
    assertThat(out.resolve("config/agent.yaml")).exists();
  }

  @Test
  void keygenRefusesToOverwriteAKey() {
    assertThat(fx.run("keygen", "--name", "CompanyOS Support", "--out-dir", keys.toString())).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: " + keys.resolve("companyos-support.pub.asc")
        + " already exists; choose another --out-dir or --file-name\n");
  }

  @Test
  void keygenIntoAFileIsRefusedAsNotADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("keys.txt"), "x");
    assertThat(fx.run("keygen", "--name", "CompanyOS Support", "--out-dir", file.toString())).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: --out-dir " + file + " is not a directory\n");
  }

  @Test
  void aWrongKeyIsExit1AndWritesNothing() throws Exception {
    Path out = dir.resolve("case");
    assertThat(decrypt(bundle, out, "--key", BundleFixture.DEMO_SECRET_KEY.toString())).isEqualTo(1);
    assertThat(fx.err.toString()).isEqualTo("error: cannot decrypt: the bundle is not encrypted to key"
        + " 64D44288549C552116FCD4D7132163CD9CBDD2A4 (or its key packet is damaged)\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aProtectedKeyWithoutItsPassphraseIsExit1() throws Exception {
    assertThat(decrypt(bundle, dir.resolve("case"), "--key", keys.resolve("companyos-support.sec.asc").toString()))
        .isEqualTo(1);
    assertThat(fx.err.toString()).startsWith("error: secret key ")
        .endsWith(" is protected by a passphrase; give a passphrase file\n");
  }

  @Test
  void aTruncatedBundleIsExit1() throws Exception {
    byte[] all = Files.readAllBytes(bundle);
    Path cut = dir.resolve("cut.pgp");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length - 100));
    assertThat(decrypt(cut, dir.resolve("case"), vendorKey())).isEqualTo(1);
    assertThat(fx.err.toString()).startsWith("error: the bundle is truncated: ");
    assertThat(dir.resolve("case")).doesNotExist();
  }

  @Test
  void aFlippedByteIsExit1() throws Exception {
    byte[] all = Files.readAllBytes(bundle);
    all[all.length - 40] ^= 0x01;
    Path flipped = dir.resolve("flipped.pgp");
    Files.write(flipped, all);
    assertThat(decrypt(flipped, dir.resolve("case"), vendorKey())).isEqualTo(1);
    assertThat(fx.err.toString()).startsWith("error: integrity check failed: ");
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefusedAndLeftAlone() throws Exception {
    Path out = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertThat(decrypt(bundle, out, vendorKey())).isEqualTo(2); // bad usage: nothing was attempted
    assertThat(fx.err.toString()).isEqualTo("error: output directory " + out
        + " is not empty; give a new or empty directory\n");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
    }
  }

  @Test
  void aMissingBundleIsUsageExit2() {
    assertThat(decrypt(dir.resolve("nope.pgp"), dir.resolve("case"), vendorKey())).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: bundle file " + dir.resolve("nope.pgp") + " does not exist\n");
  }

  @Test
  void aMissingKeyFileIsUsageExit2() {
    Path missing = dir.resolve("nope.sec.asc");
    assertThat(decrypt(bundle, dir.resolve("case"), "--key", missing.toString())).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: secret key file " + missing + " does not exist\n");
    assertThat(dir.resolve("case")).doesNotExist();
  }

  @Test
  void decryptAndInspectShowProgressOnATerminal() throws Exception {
    String size = ByteSize.format(Files.size(bundle));
    String[] key = vendorKey();
    DecryptBundleCommand decrypt = new DecryptBundleCommand();
    decrypt.progressTerminal = () -> true;
    InspectBundleCommand inspect = new InspectBundleCommand();
    inspect.progressTerminal = () -> true;
    String[][] commands = {
        {"decrypt-bundle", "--in", bundle.toString(), "--out", dir.resolve("case").toString()},
        {"inspect-bundle", bundle.toString()}};
    Object[] instances = {decrypt, inspect};
    for (int i = 0; i < 2; i++) {
      java.io.StringWriter err = new java.io.StringWriter();
      picocli.CommandLine cl = AgentCommand.commandLineWith(instances[i]);
      cl.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
      cl.setErr(new java.io.PrintWriter(err, true));
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(commands[i]), java.util.Arrays.stream(key))
          .toArray(String[]::new);
      assertThat(cl.execute(args)).as(err.toString()).isZero();
      assertThat(err.toString()).as(commands[i][0]).startsWith("\rdecrypting and verifying: read ")
          .containsPattern("read " + java.util.regex.Pattern.quote(size) + " of "
              + java.util.regex.Pattern.quote(size) + " \\([^)]+/s\\) *\n$");
    }
  }

  @Test
  void inspectPrintsTheManifestAndWritesNothing() throws Exception {
    assertThat(fx.run("inspect-bundle", "--summary", bundle.toString(), "--key",
        keys.resolve("companyos-support.sec.asc").toString(), "--passphrase-file", passphrase.toString()))
        .as(fx.err.toString()).isZero();
    assertThat(fx.out.toString()).startsWith("verified      " + bundle).contains("redactions    ");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("agent.yaml", "bundles", "keys", "logs", "pass.txt", "state");
    }
  }
}
