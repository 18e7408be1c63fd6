package io.companyos.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.companyos.agent.bundle.pgp.DecryptionKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz targets for the bundle reader (decrypt, integrity, tar, manifest, signature, extraction): whatever the bytes,
 * {@link BundleReader#extract} returns verified contents or throws a {@link BundleException} with a reason, never
 * another exception, leaves nothing behind on refusal and never writes outside its output directory. Regression
 * inputs: {@code src/test/resources/io/companyos/agent/bundle/BundleReaderFuzzTestInputs/<method>/}.
 */
class BundleReaderFuzzTest {
  private static final Path WORK = tempDir();
  private static final byte[] SEED = resource(FuzzSeedBundle.BUNDLE);
  private static final BundleReader READER = new BundleReader(List.of(seedKey()));
  /** The seed bundle, extracted: path to Base64 of the bytes. */
  private static final Map<String, String> SEED_TREE = extractSeed();
  /** Keys for crafted bundles: made once per run (their ciphertext differs per run, their content does not). */
  private static TestKeys craftingKeys;
  private static int runs;

  /** Arbitrary bytes as a bundle. */
  @FuzzTest
  void arbitraryBytesAreRefusedCleanly(byte[] bytes) throws IOException {
    Path sandbox = Files.createDirectory(WORK.resolve("raw-" + runs++));
    Map<String, String> tree = extractOrRefuse(bytes, sandbox);
    if (tree != null) {
      assertThat(tree).containsKey("manifest.json");
    }
    FileTrees.delete(sandbox);
  }

  /**
   * The seed bundle with fuzzer-chosen byte flips, a cut, or bytes inserted: refused with a reason, or (a flip
   * OpenPGP cannot see, such as the low bit of an MPI's bit count) extracted to exactly the seed's files.
   */
  @FuzzTest
  void mutationsOfARealBundleAreDetected(FuzzedDataProvider data) throws IOException {
    byte[] bundle = SEED.clone();
    int flips = data.consumeInt(0, 4);
    for (int i = 0; i < flips; i++) {
      bundle[data.consumeInt(0, bundle.length - 1)] ^= (byte) data.consumeInt(1, 255);
    }
    if (data.consumeBoolean()) {
      bundle = Arrays.copyOf(bundle, data.consumeInt(0, bundle.length));
    }
    if (data.consumeBoolean()) {
      int at = data.consumeInt(0, bundle.length);
      byte[] inserted = data.consumeBytes(64);
      byte[] longer = new byte[bundle.length + inserted.length];
      System.arraycopy(bundle, 0, longer, 0, at);
      System.arraycopy(inserted, 0, longer, at, inserted.length);
      System.arraycopy(bundle, at, longer, at + inserted.length, bundle.length - at);
      bundle = longer;
    }
    Path sandbox = Files.createDirectory(WORK.resolve("mut-" + runs++));
    Map<String, String> tree = extractOrRefuse(bundle, sandbox);
    if (tree != null) {
      assertThat(tree).isEqualTo(SEED_TREE);
    }
    FileTrees.delete(sandbox);
  }

  /**
   * Validly encrypted and signed bundles with fuzzer-chosen archive entries (names, links and their targets, listed
   * in the manifest or not), as an attacker holding the vendor's public key could make: extracted only when every
   * file matches the manifest, and never a path outside the output directory.
   */
  @FuzzTest
  void craftedArchivesStayInside(FuzzedDataProvider data) throws Exception {
    TestKeys keys = craftingKeys();
    CraftedBundle crafted = new CraftedBundle(keys.signing);
    int entries = data.consumeInt(0, 4);
    for (int i = 0; i < entries; i++) {
      String name = data.consumeString(40);
      String content = data.consumeString(20);
      switch (data.consumeInt(0, 4)) {
        case 0 -> crafted.file(name, content);
        case 1 -> crafted.unlisted(name, content);
        case 2 -> crafted.listedOnly(name, content);
        default -> crafted.link(name, data.consumeString(40), data.consumeBoolean());
      }
    }
    if (data.consumeBoolean()) {
      crafted.unsigned();
    }
    byte[] bundle;
    try {
      bundle = crafted.encryptTo(keys.recipients());
    } catch (IllegalArgumentException | IOException cannotWrite) {
      return; // commons-compress refuses to write such an entry (e.g. a name it cannot encode)
    }
    Path sandbox = Files.createDirectory(WORK.resolve("craft-" + runs++));
    BundleReader reader = keys.reader();
    Path out = sandbox.resolve("out");
    try {
      reader.extract(new ByteArrayInputStream(bundle), out);
      assertThat(listing(sandbox)).allMatch(p -> p.equals("out") || p.startsWith("out/"));
      try (Stream<Path> files = Files.walk(out)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          if (Files.isSymbolicLink(p)) {
            assertThat(p.getParent().resolve(Files.readSymbolicLink(p)).normalize()).startsWith(out);
          }
        }
      }
    } catch (BundleException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      assertThat(listing(sandbox)).isEmpty();
    }
    FileTrees.delete(sandbox);
  }

  /** Extracts into {@code sandbox/out}: the tree on success; null on refusal, after checking it left nothing. */
  private static Map<String, String> extractOrRefuse(byte[] bundle, Path sandbox) throws IOException {
    Path out = sandbox.resolve("out");
    try {
      READER.extract(new ByteArrayInputStream(bundle), out);
    } catch (BundleException refused) {
      assertThat(refused.failure()).isNotNull();
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
      assertThat(listing(sandbox)).isEmpty();
      return null;
    }
    assertThat(listing(sandbox)).allMatch(p -> p.equals("out") || p.startsWith("out/"));
    return tree(out);
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList();
    }
  }

  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))::iterator) {
        files.put(dir.relativize(file).toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
      }
    }
    return files;
  }

  private static synchronized TestKeys craftingKeys() {
    if (craftingKeys == null) {
      craftingKeys = new TestKeys();
    }
    return craftingKeys;
  }

  private static Map<String, String> extractSeed() {
    try {
      Path out = WORK.resolve("seed");
      READER.extract(new ByteArrayInputStream(SEED), out);
      return tree(out);
    } catch (IOException | BundleException e) {
      throw new IllegalStateException("the committed seed bundle does not open", e);
    }
  }

  private static DecryptionKey seedKey() {
    try {
      return DecryptionKey.parse(resource(FuzzSeedBundle.KEY), "seed", null);
    } catch (Exception e) {
      throw new IllegalStateException("the committed seed key does not load", e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = BundleReaderFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bundle-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void cleanUp() throws IOException {
    FileTrees.delete(WORK);
    if (craftingKeys != null) {
      FileTrees.delete(craftingKeys.stateDir);
    }
  }
}
