package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static io.companyos.agent.bundle.TestBundles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.pgp.DecryptionKey;
import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.OpenPgpKeyGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

  static final TestKeys KEYS = new TestKeys();
  static byte[] bundle;

  @TempDir
  Path tmp;

  @BeforeAll
  static void writeBundle(@TempDir Path work) throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      log.append("2026-03-01T11:00:00Z INFO request ").append(i).append(" served in ").append(i % 97).append("ms\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KEYS.writer(work).build().export(INFO, List.of(text("logs/api/app.log", SourcePriority.LOGS, log.toString())),
        RUNS, BundleTarget.stream(out));
    bundle = out.toByteArray();
  }

  @Test
  void aWrongKeyIsNamed() throws Exception {
    DecryptionKey other = DecryptionKey.parse(new OpenPgpKeyGenerator(Clock.systemUTC())
        .generateEncryptionKey("Other", null, null).armoredSecretKey().getBytes(StandardCharsets.US_ASCII), "t", null);

    assertFails(() -> new BundleReader(List.of(other)).extract(new ByteArrayInputStream(bundle), tmp.resolve("out")),
        BundleFailure.WRONG_KEY, "cannot decrypt: the bundle is not encrypted to key " + other.fingerprint()
            + " (or its key packet is damaged)");
  }

  @Test
  void aTruncatedFileIsNamed() {
    byte[] cut = Arrays.copyOf(bundle, bundle.length / 2);
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(cut), tmp.resolve("out")),
        BundleFailure.TRUNCATED, "the bundle is truncated: the file ends before the encrypted data does"
            + " (incomplete download or copy?)");
  }

  @Test
  void aFlippedByteIsAnIntegrityFailure() {
    byte[] flipped = bundle.clone();
    flipped[bundle.length / 2] ^= 0x01;
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(flipped), tmp.resolve("out")),
        BundleFailure.INTEGRITY, "integrity check failed: the encrypted bundle was modified or corrupted after it"
            + " was written");
  }

  @Test
  void somethingThatIsNotOpenPgpIsNamed() {
    byte[] text = "just some text, not a bundle\n".getBytes(StandardCharsets.UTF_8);
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(text), tmp.resolve("out")),
        BundleFailure.NOT_A_BUNDLE, "not an encrypted bundle: the input is not an OpenPGP message");
  }

  @Test
  void pathTraversalIsRefused() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).file("../escaped.txt", "x").encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.PATH_TRAVERSAL, "refusing entry '../escaped.txt': path traversal ('..') is not allowed in a"
            + " bundle");
    assertThat(tmp.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void absolutePathsAreRefused() throws Exception {
    Path target = tmp.resolve("abs.txt");
    byte[] crafted = new CraftedBundle(KEYS.signing).file(target.toString(), "x").encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.ABSOLUTE_PATH, "refusing entry '" + target + "': absolute paths are not allowed in a bundle");
    assertThat(target).doesNotExist();
  }

  @Test
  void symbolicLinksPointingOutAreRefused() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).link("logs/evil", "../../../etc/passwd", true)
        .encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.LINK_OUTSIDE, "refusing entry 'logs/evil': symbolic link pointing outside the output"
            + " directory");
  }

  @Test
  void hardLinksPointingOutAreRefused() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).link("evil", "../secret", false).encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.LINK_OUTSIDE, "refusing entry 'evil': hard link pointing outside the output directory");
  }

  @Test
  void linksInsideAreStillNotPartOfTheFormat() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).link("logs/alias", "other.log", true)
        .encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.UNSUPPORTED_ENTRY, "refusing entry 'logs/alias': links are not allowed in a bundle");
  }

  @Test
  void aFileNotInTheManifestIsAMismatch() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).file("logs/a.log", "a\n").unlisted("logs/extra.log", "b\n")
        .encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: 'logs/extra.log' is in the bundle but not listed in the"
            + " manifest");
  }

  @Test
  void aMissingFileIsAMismatch() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).listedOnly("logs/a.log", "a\n").encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: the manifest lists 'logs/a.log' but the bundle does not"
            + " contain it");
  }

  @Test
  void changedContentIsAMismatch() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).listedOnly("logs/a.log", "a\n").unlisted("logs/a.log", "b\n")
        .encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.MANIFEST_MISMATCH, "manifest mismatch: the SHA-256 of 'logs/a.log' differs from the manifest");
  }

  @Test
  void anUnsignedManifestIsRefused() throws Exception {
    byte[] crafted = new CraftedBundle(KEYS.signing).unsigned().encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.SIGNATURE_INVALID, "manifest.json.sig is missing: the manifest is not signed");
  }

  @Test
  void aSignatureByAnotherKeyThanTheNamedOneIsRefused() throws Exception {
    InstallationSigningKey intruder = InstallationSigningKey.loadOrCreate(tmp.resolve("intruder"), "x",
        Clock.systemUTC());
    Manifest.Signer claimed = new Manifest.Signer(KEYS.signing.fingerprint(), KEYS.signing.armoredPublicKey());
    byte[] crafted = new CraftedBundle(KEYS.signing).signedBy(intruder, claimed).encryptTo(KEYS.recipients());
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(crafted), tmp.resolve("out")),
        BundleFailure.SIGNATURE_INVALID, "manifest signature invalid: the signature does not match the manifest or"
            + " was not made by key " + KEYS.signing.fingerprint());
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefused() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("mine.txt"), "keep me");
    assertFails(() -> KEYS.reader().extract(new ByteArrayInputStream(bundle), out), BundleFailure.OUTPUT_UNUSABLE,
        "output directory " + out + " is not empty; give a new or empty directory");
    assertThat(out.resolve("mine.txt")).hasContent("keep me");
  }

  private void assertFails(ThrowingCallable call, BundleFailure failure, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.failure()).isEqualTo(failure))
        .hasMessage(message);
    assertThat(tmp.resolve("out")).satisfiesAnyOf(
        out -> assertThat(out).doesNotExist(),
        out -> assertThat(listRecursively(out)).allMatch(p -> p.getFileName().toString().equals("mine.txt")));
    assertThat(listRecursively(tmp)).allMatch(p -> p.startsWith(tmp.resolve("out"))
        || p.startsWith(tmp.resolve("intruder")));
  }

  private static List<Path> listRecursively(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir) && Files.isRegularFile(p)).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
