package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.NOW;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that change or fail under the writer: a log truncated (copytruncate) or replaced between being listed and
 * being read is kept with what was read and recorded as shrunk; a read error half-way leaves the file out with the
 * error's type, and nothing of it stays in staging.
 */
class SourceFaultsTest {
  private static final TestKeys KEYS = new TestKeys();

  @TempDir
  Path tmp;

  @Test
  void aLogThatShrankWhileBeingReadIsKeptAndRecordedAsShrunk() throws Exception {
    byte[] now = "2026-03-01T11:59:00Z INFO after the truncation\n".getBytes(StandardCharsets.UTF_8);
    BundleSource truncated = new BundleSource("logs/app/app.log", ContentKind.TEXT, SourcePriority.LOGS,
        10_000, NOW, () -> new ByteArrayInputStream(now)); // listed at 10 000 bytes, holds 47 when read

    ExportReceipt receipt = KEYS.writer(tmp.resolve("work")).build().export(INFO, List.of(truncated), RUNS,
        BundleTarget.stream(new ByteArrayOutputStream()));

    assertThat(receipt.manifest().omissions()).isEmpty();
    assertThat(receipt.manifest().truncations()).containsExactly(new Truncation("logs/app/app.log", 10_000,
        now.length, "shrank while being collected (truncated or replaced): read " + now.length + " of 10000 bytes"));
  }

  @Test
  void aReadErrorHalfWayLeavesTheFileOutWithItsTypeAndNoStagedBytes() throws Exception {
    Path work = tmp.resolve("work");
    BundleSource failing = new BundleSource("logs/app/disk.log", ContentKind.TEXT, SourcePriority.LOGS,
        BundleSource.UNKNOWN_SIZE, NOW, () -> new SequenceInputStream(
            new ByteArrayInputStream("2026-03-01T11:59:00Z INFO fine so far\n".repeat(10_000)
                .getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("Input/output error reading /var/log/customer-name/disk.log");
              }
            }));

    ExportReceipt receipt = KEYS.writer(work).build().export(INFO,
        List.of(failing, TestBundles.text("health/health.json", SourcePriority.HEALTH, "{}\n")), RUNS,
        BundleTarget.stream(new ByteArrayOutputStream()));

    assertThat(receipt.manifest().omissions())
        .containsExactly(new Omission("logs/app/disk.log", "read failed: IOException"));
    assertThat(receipt.manifest().files()).extracting(f -> f.path()).contains("health/health.json");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).as("staging removed").isEmpty();
    }
  }
}
