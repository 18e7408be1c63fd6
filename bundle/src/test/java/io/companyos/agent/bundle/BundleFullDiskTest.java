package io.companyos.agent.bundle;

import io.companyos.agent.collectors.testing.SmallFileSystem;
import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.bundle.manifest.Omission;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up during an export (a real 2 MiB tmpfs, mounted by the test as root, as here and in CI): a full
 * output disk fails the export with the file system's reason and leaves neither a bundle nor its temp file nor the
 * staging directory; a full staging disk leaves the file that did not fit out, with the reason in the manifest, and
 * seals the rest.
 */
class BundleFullDiskTest {
  private static final int BIG = 6 * 1024 * 1024; // incompressible: three times the disk
  private static final TestKeys keys = new TestKeys();

  @TempDir
  Path tmp;

  private static byte[] noise(int size) {
    byte[] b = new byte[size];
    new SplittableRandom(5).nextBytes(b);
    return b;
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void aFullOutputDiskFailsTheExportWithItsReasonAndLeavesNothingBehind() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    List<BundleSource> sources = List.of(TestBundles.binary("metrics/big.bin", noise(BIG)),
        TestBundles.text("health/health.json", SourcePriority.HEALTH, "{\"status\":\"UP\"}\n"));
    SmallFileSystem tmpfs = SmallFileSystem.mount(tmp, "2m");
    try {
      BundleTarget target;
      Path out;
      if (tmpfs != null) {
        out = tmpfs.root();
        target = BundleTarget.directory(out);
      } else { // mount refused: the same failure from a stream that runs out of space
        out = Files.createDirectories(tmp.resolve("out"));
        target = BundleTarget.stream(new FullAfter(new ByteArrayOutputStream(), 2 * 1024 * 1024));
      }
      assertThatThrownBy(() -> keys.writer(work).build().export(INFO, sources, RUNS, target))
          .as(SmallFileSystem.describe(tmpfs))
          .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.failure())
              .isEqualTo(BundleFailure.EXPORT_FAILED))
          .hasMessage("writing the bundle failed: IOException: No space left on device");
      assertThat(entries(out)).as("no bundle, no temp file").isEmpty();
      assertThat(entries(work)).as("no staging directory").isEmpty();
    } finally {
      if (tmpfs != null) {
        tmpfs.close();
      }
    }
  }

  @Test
  void aFullStagingDiskLeavesTheFileOutWithItsReasonAndSealsTheRest() throws Exception {
    SmallFileSystem tmpfs = SmallFileSystem.mount(tmp, "2m");
    assertThat(tmpfs).as("this test mounts a tmpfs: it runs as root, as CI does").isNotNull();
    try {
      List<BundleSource> sources = List.of(TestBundles.binary("metrics/big.bin", noise(BIG)),
          TestBundles.text("logs/app/app.log", SourcePriority.LOGS, "2026-03-01T11:00:00Z INFO started\n"));
      ByteArrayOutputStream bundle = new ByteArrayOutputStream();

      ExportReceipt receipt = keys.writer(tmpfs.root()).parallelism(1).build()
          .export(INFO, sources, RUNS, BundleTarget.stream(bundle));

      assertThat(receipt.manifest().omissions()).containsExactly(
          new Omission("metrics/big.bin", "could not write its staged copy (No space left on device)"));
      assertThat(receipt.manifest().files()).extracting(f -> f.path()).contains("logs/app/app.log");
      BundleContents contents = keys.reader().verify(new java.io.ByteArrayInputStream(bundle.toByteArray()));
      assertThat(contents.manifest().omissions()).hasSize(1);
      assertThat(entries(tmpfs.root())).as("the staging directory is removed").isEmpty();
    } finally {
      tmpfs.close();
    }
  }

  /** Accepts {@code capacity} bytes, then fails as a full disk does. */
  private static final class FullAfter extends FilterOutputStream {
    private long left;

    FullAfter(OutputStream out, long capacity) {
      super(out);
      this.left = capacity;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("No space left on device");
      }
      left -= len;
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
