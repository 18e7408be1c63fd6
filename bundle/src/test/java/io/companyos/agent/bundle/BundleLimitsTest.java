package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static io.companyos.agent.bundle.TestBundles.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLimitsTest {

  static final TestKeys KEYS = new TestKeys();

  @TempDir
  Path tmp;

  @Test
  void aFileOverThePerFileCapKeepsItsNewestLinesFromALineBoundary() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      log.append(String.format(Locale.ROOT, "line %04d%n", i));
    }
    // 10 bytes per line; a cap of 95 bytes keeps the last 9 whole lines
    Path extracted = exportAndExtract(KEYS.writer(tmp).limits(BundleLimits.DEFAULTS.withPerFileBytes(95)),
        List.of(new BundleSource("logs/big.log", ContentKind.TEXT, SourcePriority.LOGS, BundleSource.UNKNOWN_SIZE,
            Instant.EPOCH, () -> new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)))));

    assertThat(Files.readString(extracted.resolve("logs/big.log")))
        .isEqualTo("line 0991\nline 0992\nline 0993\nline 0994\nline 0995\nline 0996\nline 0997\nline 0998\n"
            + "line 0999\n");
    assertThat(manifestOf(extracted).truncations()).containsExactly(
        new Truncation("logs/big.log", -1, 90, "larger than the per-file cap: kept the newest 90 bytes"));
  }

  @Test
  void aHugeFileIsReadFromNearItsEndAndStillKeepsWholeLines() throws Exception {
    int lines = 200_000;
    long size = lines * 12L;
    InputStream generated = new InputStream() {
      long position;

      @Override
      public int read() {
        if (position >= size) {
          return -1;
        }
        long line = position / 12;
        int column = (int) (position % 12);
        position++;
        return String.format(Locale.ROOT, "row %07d%n", line).charAt(column);
      }

      @Override
      public long skip(long n) {
        long skipped = Math.min(n, size - position);
        position += skipped;
        return skipped;
      }
    };
    Path extracted = exportAndExtract(KEYS.writer(tmp).limits(BundleLimits.DEFAULTS.withPerFileBytes(120)),
        List.of(new BundleSource("logs/huge.log", ContentKind.TEXT, SourcePriority.LOGS, size, Instant.EPOCH,
            () -> generated)));

    assertThat(Files.readString(extracted.resolve("logs/huge.log")))
        .isEqualTo("row 0199990\nrow 0199991\nrow 0199992\nrow 0199993\nrow 0199994\nrow 0199995\n"
            + "row 0199996\nrow 0199997\nrow 0199998\nrow 0199999\n");
  }

  @Test
  void theTotalCapKeepsHealthAndConfigFirstThenTheNewestLogs() throws Exception {
    String hundred = "x".repeat(99) + "\n";
    Path extracted = exportAndExtract(KEYS.writer(tmp).parallelism(1)
            .limits(BundleLimits.DEFAULTS.withTotalBytes(2500)),
        List.of(
            source("logs/old.log", SourcePriority.LOGS, Instant.parse("2026-01-01T00:00:00Z"), hundred.repeat(10)),
            source("logs/new.log", SourcePriority.LOGS, Instant.parse("2026-02-01T00:00:00Z"), hundred.repeat(10)),
            source("config/app.yaml", SourcePriority.CONFIG, Instant.EPOCH, hundred.repeat(10)),
            source("health/probes.json", SourcePriority.HEALTH, Instant.EPOCH, hundred.repeat(10))));

    var manifest = manifestOf(extracted);
    assertThat(manifest.files()).extracting(FileEntry::path).containsExactly("redaction-report.json",
        "health/probes.json", "logs/new.log", "config/app.yaml");
    assertThat(manifest.omissions()).containsExactly(new Omission("logs/old.log", "total size cap reached"));
    assertThat(manifest.truncations()).hasSize(1);
    assertThat(manifest.truncations().get(0).path()).isEqualTo("logs/new.log");
    assertThat(manifest.truncations().get(0).reason()).startsWith("total size cap reached: kept the newest ");
  }

  @Test
  void aHungSourceIsLeftOutAtTheDeadlineAndTheRestIsSealed() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    BundleSource hung = new BundleSource("health/hung.json", ContentKind.TEXT, SourcePriority.HEALTH,
        BundleSource.UNKNOWN_SIZE, Instant.EPOCH, () -> new InputStream() {
          @Override
          public int read() {
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return -1;
          }
        });
    long started = System.nanoTime();
    Path extracted = exportAndExtract(KEYS.writer(tmp).limits(BundleLimits.DEFAULTS.withDeadline(
        Duration.ofMillis(700))), List.of(hung, text("logs/fine.log", SourcePriority.LOGS, "ok\n")));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    var manifest = manifestOf(extracted);
    assertThat(manifest.omissions()).containsExactly(
        new Omission("health/hung.json", "deadline reached while collecting"));
    assertThat(Files.readString(extracted.resolve("logs/fine.log"))).isEqualTo("ok\n");
  }

  @Test
  void aBinaryFileOverTheCapIsLeftOutNotCut() throws Exception {
    Path extracted = exportAndExtract(KEYS.writer(tmp).limits(BundleLimits.DEFAULTS.withPerFileBytes(10)),
        List.of(TestBundles.binary("metrics/blob.bin", new byte[11])));

    assertThat(manifestOf(extracted).omissions()).containsExactly(new Omission("metrics/blob.bin",
        "binary file larger than the per-file size cap (10 bytes)"));
  }

  @Test
  void duplicatePathsKeepTheFirstByPriority() throws Exception {
    Path extracted = exportAndExtract(KEYS.writer(tmp), List.of(
        text("system/x.txt", SourcePriority.LOGS, "low\n"),
        text("system/x.txt", SourcePriority.SYSTEM, "high\n")));

    assertThat(Files.readString(extracted.resolve("system/x.txt"))).isEqualTo("high\n");
    assertThat(manifestOf(extracted).omissions()).containsExactly(
        new Omission("system/x.txt", "duplicate path: another source already has it"));
  }

  private static BundleSource source(String path, SourcePriority priority, Instant modified, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new BundleSource(path, ContentKind.TEXT, priority, bytes.length, modified,
        () -> new ByteArrayInputStream(bytes));
  }

  private Path exportAndExtract(BundleWriter.Builder writer, List<BundleSource> sources) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.build().export(INFO, sources, RUNS, BundleTarget.stream(out));
    Path extracted = tmp.resolve("extracted");
    KEYS.reader().extract(new ByteArrayInputStream(out.toByteArray()), extracted);
    return extracted;
  }

  private static io.companyos.agent.bundle.manifest.Manifest manifestOf(Path extracted) throws Exception {
    return new io.companyos.agent.bundle.manifest.ManifestJson()
        .readManifest(Files.readAllBytes(extracted.resolve("manifest.json")));
  }
}
