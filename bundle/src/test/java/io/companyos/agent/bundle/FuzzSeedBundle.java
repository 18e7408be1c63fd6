package io.companyos.agent.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the fixed seed of {@link BundleReaderFuzzTest}: a small real bundle and the test vendor's secret key it is
 * encrypted to, under {@code src/test/resources/io/companyos/agent/bundle/fuzz/}. Committed, so that a mutation
 * input replays the same bytes every time; regenerate only if the format changes (and re-check the inputs):
 * {@code java -cp <bundle test classpath> io.companyos.agent.bundle.FuzzSeedBundle bundle/src/test/resources/io/companyos/agent/bundle/fuzz}
 */
final class FuzzSeedBundle {
  static final String BUNDLE = "/io/companyos/agent/bundle/fuzz/seed.bundle";
  static final String KEY = "/io/companyos/agent/bundle/fuzz/seed-vendor-secret.asc";

  private FuzzSeedBundle() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    TestKeys keys = BundlePropertiesTest.KEYS;
    byte[] bundle = BundlePropertiesTest.export(List.of(
        TestBundles.text("logs/a.log", SourcePriority.LOGS, "mail bob@example.org\nSECRET-x1\n"),
        TestBundles.binary("metrics/m.bin", new byte[] {1, 2, 3})));
    Files.write(dir.resolve("seed.bundle"), bundle);
    Files.writeString(dir.resolve("seed-vendor-secret.asc"), keys.vendor.armoredSecretKey(), StandardCharsets.US_ASCII);
  }
}
