package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.bundle.manifest.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/** Laws of the format: decrypt(export(x)) == redact(x) byte for byte; any single change or cut is detected. */
class BundlePropertiesTest {

  static final TestKeys KEYS = new TestKeys();
  static final Path WORK = tempDir();
  static final byte[] SMALL_BUNDLE = export(List.of(
      TestBundles.text("logs/a.log", SourcePriority.LOGS, "mail bob@example.org\nSECRET-x1\n"),
      TestBundles.binary("metrics/m.bin", new byte[] {1, 2, 3})));

  /** The undamaged small bundle, extracted: path to Base64 of the bytes. */
  static final Map<String, String> REFERENCE = reference();

  record SourceSpec(String path, boolean binary, String text, byte[] bytes) {}

  @Property(tries = 25)
  void anySetOfFilesSurvivesExportAndDecryptAfterRedaction(@ForAll("sourceSets") List<SourceSpec> specs)
      throws Exception {
    List<BundleSource> sources = new ArrayList<>();
    Map<String, byte[]> expected = new LinkedHashMap<>();
    for (SourceSpec spec : specs) {
      if (spec.binary()) {
        sources.add(TestBundles.binary(spec.path(), spec.bytes()));
        expected.put(spec.path(), spec.bytes());
      } else {
        sources.add(TestBundles.text(spec.path(), SourcePriority.LOGS, spec.text()));
        expected.put(spec.path(), PlantedSecretRedactor.redactAll(spec.text()).getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bundle = export(sources);
    Path out = Files.createTempDirectory(WORK, "x");
    BundleContents contents = KEYS.reader().extract(new ByteArrayInputStream(bundle), out);

    assertThat(contents.manifest().files()).extracting(FileEntry::path)
        .containsExactlyInAnyOrderElementsOf(concat("redaction-report.json", expected.keySet()));
    for (Map.Entry<String, byte[]> file : expected.entrySet()) {
      assertThat(Files.readAllBytes(out.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
    }
    assertThat(allText(out)).doesNotContain("SECRET-").doesNotContain("@example.");
    FileTrees.delete(out);
  }

  @Property(tries = 60)
  void aFlippedByteIsDetectedOrChangesNothing(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
    byte[] damaged = SMALL_BUNDLE.clone();
    int position = where % damaged.length;
    damaged[position] ^= (byte) mask;
    Path out = WORK.resolve("flip-" + position + "-" + mask);
    try {
      KEYS.reader().extract(new ByteArrayInputStream(damaged), out);
    } catch (BundleException refused) {
      assertThat(out).doesNotExist();
      return;
    }
    // OpenPGP authenticates everything encrypted (the MDC) and the manifest is signed, but not every header bit of the
    // session-key packet: e.g. the low bit of an MPI's bit count, when it does not change the MPI's byte length
    // (found by this property: byte 13, mask 1). Such a flip cannot change content, and must not: every extracted
    // byte is the undamaged bundle's.
    assertThat(tree(out)).isEqualTo(REFERENCE);
    FileTrees.delete(out);
  }

  @Example
  void theFlipThatOpenPgpCannotSeeChangesNothing() throws Exception {
    aFlippedByteIsDetectedOrChangesNothing(13, 1);
  }

  @Property(tries = 60)
  void anyTruncationIsDetected(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where) throws Exception {
    byte[] cut = Arrays.copyOf(SMALL_BUNDLE, where % SMALL_BUNDLE.length);
    Path out = WORK.resolve("cut-" + cut.length);

    assertThatThrownBy(() -> KEYS.reader().extract(new ByteArrayInputStream(cut), out))
        .isInstanceOf(BundleException.class);
    assertThat(out).doesNotExist();
  }

  @Provide
  Arbitrary<List<SourceSpec>> sourceSets() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> folders = Arbitraries.of("logs", "logs/api", "config", "health", "system", "agent");
    Arbitrary<String> lines = Arbitraries.oneOf(
        // no U+0000: a zero byte in a file's first line makes it binary (TextContent), left out, not redacted
        Arbitraries.strings().all().ofMaxLength(40).filter(s -> !s.contains("\uFFFD") && s.indexOf('\0') < 0
            && isWellFormed(s)),
        Arbitraries.of("user ann@example.com", "token SECRET-abc", "plain line", "", "\r"));
    Arbitrary<String> texts = lines.list().ofMaxSize(30).map(l -> String.join("\n", l));
    Arbitrary<SourceSpec> textSpecs = Combinators.combine(folders, names, texts)
        .as((folder, name, text) -> new SourceSpec(folder + "/" + name + ".log", false, text, null));
    Arbitrary<SourceSpec> binarySpecs = Combinators.combine(names, Arbitraries.bytes().array(byte[].class)
        .ofMaxSize(3000)).as((name, bytes) -> new SourceSpec("metrics/" + name + ".bin", true, null, bytes));
    return Arbitraries.oneOf(textSpecs, binarySpecs).list().ofMaxSize(8).uniqueElements(SourceSpec::path);
  }

  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static byte[] export(List<BundleSource> sources) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      KEYS.writer(WORK).zstdWorkers(0).build().export(INFO, sources, RUNS, BundleTarget.stream(out));
      return out.toByteArray();
    } catch (BundleException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> concat(String first, java.util.Collection<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static Map<String, String> reference() {
    try {
      Path out = WORK.resolve("reference");
      KEYS.reader().extract(new ByteArrayInputStream(SMALL_BUNDLE), out);
      return tree(out);
    } catch (IOException | BundleException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(dir.relativize(file).toString(), java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
      }
    }
    return files;
  }

  private static String allText(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        if (!file.getFileName().toString().endsWith(".bin")) {
          text.append(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return text.toString();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bundle-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    FileTrees.delete(WORK);
    FileTrees.delete(KEYS.stateDir);
  }
}
