package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static io.companyos.agent.bundle.TestBundles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {

  static final TestKeys KEYS = new TestKeys();

  @TempDir
  Path tmp;

  @Test
  void exportsAndExtractsRedactedFilesWithManifestFirst() throws Exception {
    BundleWriter writer = KEYS.writer(tmp.resolve("work"))
        .clock(Clock.fixed(TestBundles.NOW, ZoneOffset.UTC))
        .build();
    ExportReceipt receipt = writer.export(INFO, List.of(
        text("logs/api/app.log", SourcePriority.LOGS, "user jane@example.com logged in\nkey SECRET-abc123\n"),
        text("health/probes.json", SourcePriority.HEALTH, "{\"postgres\":\"UP\"}\n"),
        TestBundles.binary("metrics/snapshot.bin", new byte[] {0, 1, 2, (byte) 0xff})),
        RUNS, BundleTarget.directory(tmp.resolve("out")));

    assertThat(receipt.path().getFileName().toString())
        .isEqualTo("companyos-support-prod-eu-node-7-20260301T120000Z.tar.zst.pgp");
    assertThat(Files.getPosixFilePermissions(receipt.path()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(receipt.size()).isEqualTo(Files.size(receipt.path()));
    assertThat(receipt.sha256()).isEqualTo(sha256(Files.readAllBytes(receipt.path())));
    try (Stream<Path> left = Files.list(tmp.resolve("out"))) {
      assertThat(left).containsExactly(receipt.path());
    }
    try (Stream<Path> left = Files.list(tmp.resolve("work"))) {
      assertThat(left).as("staging directory removed").isEmpty();
    }
    assertThat(receipt.report().totals()).containsEntry("email", 1L).containsEntry("secret", 1L);
    assertThat(receipt.manifest().files()).extracting(FileEntry::path).containsExactly(
        "redaction-report.json", "health/probes.json", "metrics/snapshot.bin", "logs/api/app.log");

    Path extracted = tmp.resolve("extracted");
    BundleContents contents;
    try (InputStream in = Files.newInputStream(receipt.path())) {
      contents = KEYS.reader().extract(in, extracted);
    }
    assertThat(Files.readString(extracted.resolve("logs/api/app.log")))
        .isEqualTo("user <email> logged in\nkey <secret>\n");
    assertThat(Files.readAllBytes(extracted.resolve("metrics/snapshot.bin"))).containsExactly(0, 1, 2, 0xff);
    assertThat(extracted.resolve("manifest.json")).exists();
    assertThat(extracted.resolve("manifest.json.sig")).exists();
    assertThat(contents.signerFingerprint()).isEqualTo(KEYS.signing.fingerprint());
    assertThat(contents.manifest().installationId()).isEqualTo("inst-test");
    assertThat(contents.manifest().createdAt()).isEqualTo(TestBundles.NOW);
    assertThat(contents.manifest().redactionRulesVersion()).isEqualTo("test-rules-1");
    assertThat(contents.manifest().collectors()).isEqualTo(RUNS);
    assertThat(contents.report().files().get("logs/api/app.log")).containsEntry("email", 1L);
  }

  @Test
  void streamsToAnOutputStreamWithAMatchingReceipt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportReceipt receipt = KEYS.writer(tmp).build().export(INFO,
        List.of(text("config/agent.yaml", SourcePriority.CONFIG, "tier: airgapped\n")), RUNS,
        BundleTarget.stream(out));

    assertThat(receipt.path()).isNull();
    assertThat(receipt.size()).isEqualTo(out.size());
    assertThat(receipt.sha256()).isEqualTo(sha256(out.toByteArray()));
    BundleContents contents = KEYS.reader().verify(new ByteArrayInputStream(out.toByteArray()));
    assertThat(contents.manifest().files()).extracting(FileEntry::path)
        .containsExactly("redaction-report.json", "config/agent.yaml");
    assertThat(contents.extractedTo()).isNull();
  }

  @Test
  void aSurvivingCanaryStopsTheExportBeforeAnythingIsWritten() throws Exception {
    BundleWriter writer = KEYS.writer(tmp.resolve("work")).canaryCheck(() -> List.of("email", "jwt")).build();
    Path out = tmp.resolve("out");
    Files.createDirectories(out);

    assertThatThrownBy(() -> writer.export(INFO, List.of(text("logs/a.log", SourcePriority.LOGS, "x\n")), RUNS,
        BundleTarget.directory(out)))
        .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.failure())
            .isEqualTo(BundleFailure.CANARY_SURVIVED))
        .hasMessage("redaction self-test failed: canaries for email, jwt survived redaction; no bundle was written");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
    assertThat(tmp.resolve("work")).doesNotExist();
  }

  @Test
  void aFileWhoseRedactionFailsIsLeftOutAndRecordedNeverWrittenRaw() throws Exception {
    ContentRedactor failing = new ContentRedactor() {
      @Override
      public RedactionCounts redact(java.io.Reader in, java.io.Writer out, String sourceName) throws IOException {
        if (sourceName.endsWith("bad.log")) {
          out.write("partial SECRET-leak");
          throw new IllegalStateException("choked on SECRET-leak");
        }
        return new PlantedSecretRedactor().redact(in, out, sourceName);
      }

      @Override
      public String rulesVersion() {
        return "test";
      }
    };
    BundleWriter writer = KEYS.writer(tmp.resolve("work")).redactor(failing).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportReceipt receipt = writer.export(INFO, List.of(
        text("logs/bad.log", SourcePriority.LOGS, "SECRET-leak\n"),
        text("logs/good.log", SourcePriority.LOGS, "fine\n")), RUNS, BundleTarget.stream(out));

    assertThat(receipt.manifest().omissions())
        .containsExactly(new Omission("logs/bad.log", "redaction failed: IllegalStateException"));
    assertThat(receipt.manifest().files()).extracting(FileEntry::path)
        .containsExactly("redaction-report.json", "logs/good.log");
    Path extracted = tmp.resolve("x");
    KEYS.reader().extract(new ByteArrayInputStream(out.toByteArray()), extracted);
    assertThat(extracted.resolve("logs/bad.log")).doesNotExist();
    try (Stream<Path> all = Files.walk(extracted)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        assertThat(Files.readString(file)).doesNotContain("SECRET-leak");
      }
    }
  }

  @Test
  void anUnreadableSourceIsRecordedWithoutItsErrorMessage() throws Exception {
    BundleSource broken = new BundleSource("logs/gone.log", ContentKind.TEXT, SourcePriority.LOGS,
        BundleSource.UNKNOWN_SIZE, TestBundles.NOW, () -> {
          throw new java.nio.file.NoSuchFileException("/var/log/customer-secret-name.log");
        });
    ExportReceipt receipt = KEYS.writer(tmp).build().export(INFO, List.of(broken), RUNS,
        BundleTarget.stream(new ByteArrayOutputStream()));

    assertThat(receipt.manifest().omissions())
        .containsExactly(new Omission("logs/gone.log", "read failed: NoSuchFileException"));
  }

  @Test
  void theZstdLevelSetsHowSmallTheBundleIsNotWhatItHolds() throws Exception {
    StringBuilder log = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (log.length() < 1 << 20) {
      log.append(String.format("2026-03-01T12:%02d:%02d INFO request id=%d path=/api/v1/items/%d status=%d%n",
          random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000), random.nextInt(5_000),
          200 + random.nextInt(4)));
    }
    Path plain = tmp.resolve("app.log");
    Files.writeString(plain, log);
    BundleSource source = new BundleSource("logs/app.log", ContentKind.TEXT, SourcePriority.LOGS, Files.size(plain),
        TestBundles.NOW, () -> Files.newInputStream(plain));

    ByteArrayOutputStream fast = new ByteArrayOutputStream();
    ByteArrayOutputStream small = new ByteArrayOutputStream();
    KEYS.writer(tmp.resolve("work")).build().export(INFO, List.of(source), RUNS, BundleTarget.stream(fast));
    KEYS.writer(tmp.resolve("work")).zstdLevel(19).build().export(INFO, List.of(source), RUNS,
        BundleTarget.stream(small));

    assertThat(BundleWriter.DEFAULT_ZSTD_LEVEL).isEqualTo(1);
    assertThat((double) small.size()).isLessThan(0.9 * fast.size());
    for (ByteArrayOutputStream bundle : List.of(fast, small)) {
      Path extracted = Files.createTempDirectory(tmp, "x");
      KEYS.reader().extract(new ByteArrayInputStream(bundle.toByteArray()), extracted);
      assertThat(Files.readString(extracted.resolve("logs/app.log"))).isEqualTo(log.toString());
    }
  }

  @Test
  void aZstdLevelOutsideOneToNineteenIsRefused() {
    assertThatThrownBy(() -> KEYS.writer(tmp).zstdLevel(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("zstdLevel must be 1 to 19, got 0");
    assertThatThrownBy(() -> KEYS.writer(tmp).zstdLevel(20))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("zstdLevel must be 1 to 19, got 20");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
