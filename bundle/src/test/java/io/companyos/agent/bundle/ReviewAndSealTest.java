package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static io.companyos.agent.bundle.TestBundles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Omission;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewAndSealTest {

  static final TestKeys KEYS = new TestKeys();

  @TempDir
  Path tmp;

  private Path review() throws Exception {
    Path dir = tmp.resolve("review");
    KEYS.writer(tmp).build().stageForReview(INFO, List.of(
        text("logs/a.log", SourcePriority.LOGS, "mail ann@example.com\n"),
        text("config/c.yaml", SourcePriority.CONFIG, "k: v\n")), RUNS, dir);
    return dir;
  }

  @Test
  void reviewWritesTheRedactedTreeAndSealingEncryptsExactlyThoseBytes() throws Exception {
    Path dir = review();
    assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.readString(dir.resolve("logs/a.log"))).isEqualTo("mail <email>\n");
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactlyInAnyOrder("manifest.json", "redaction-report.json", "logs/a.log", "config/c.yaml");
    }

    ExportReceipt receipt = KEYS.writer(tmp).build().seal(StagedBundle.open(dir),
        BundleTarget.directory(tmp.resolve("out")));
    Path extracted = tmp.resolve("x");
    try (InputStream in = Files.newInputStream(receipt.path())) {
      KEYS.reader().extract(in, extracted);
    }
    assertThat(Files.readString(extracted.resolve("logs/a.log"))).isEqualTo("mail <email>\n");
    assertThat(Files.readString(extracted.resolve("config/c.yaml"))).isEqualTo("k: v\n");
  }

  @Test
  void aFileDeletedDuringReviewIsRecordedAsOmitted() throws Exception {
    Path dir = review();
    Files.delete(dir.resolve("logs/a.log"));

    StagedBundle staged = StagedBundle.open(dir);
    assertThat(staged.manifest().files()).extracting(FileEntry::path)
        .containsExactly("redaction-report.json", "config/c.yaml");
    assertThat(staged.manifest().omissions()).containsExactly(new Omission("logs/a.log", "removed during review"));
  }

  @Test
  void aFileChangedDuringReviewIsRefused() throws Exception {
    Path dir = review();
    Files.writeString(dir.resolve("logs/a.log"), "mail ann@example.com\n");

    assertThatThrownBy(() -> StagedBundle.open(dir))
        .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.failure())
            .isEqualTo(BundleFailure.REVIEW_MISMATCH))
        .hasMessage("logs/a.log in " + dir + " changed after export; only the exported (redacted) bytes can be"
            + " sealed: delete the file to leave it out, or export again");
  }

  @Test
  void aFileAddedDuringReviewIsRefused() throws Exception {
    Path dir = review();
    Files.writeString(dir.resolve("logs/raw.log"), "unredacted");

    assertThatThrownBy(() -> StagedBundle.open(dir))
        .isInstanceOf(BundleException.class)
        .hasMessage("logs/raw.log in " + dir + " was not produced by the export; only exported (redacted) files"
            + " can be sealed");
  }

  @Test
  void aFailedSealLeavesNoFileBehind() throws Exception {
    Path dir = review();
    StagedBundle staged = StagedBundle.open(dir);
    Files.delete(dir.resolve("config/c.yaml"));
    Path out = Files.createDirectories(tmp.resolve("out"));

    assertThatThrownBy(() -> KEYS.writer(tmp).build().seal(staged, BundleTarget.directory(out)))
        .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.failure())
            .isEqualTo(BundleFailure.EXPORT_FAILED))
        .hasMessageStartingWith("writing the bundle failed: NoSuchFileException on ");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }
}
