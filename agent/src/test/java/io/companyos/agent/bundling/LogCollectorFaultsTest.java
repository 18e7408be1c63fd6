package io.companyos.agent.bundling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.manifest.TimeWindow;
import io.companyos.agent.config.LogSourceConfig;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log files that cannot be collected in a bundle: a symbolic link loop or a FIFO matched by the glob is counted by
 * reason in the collector's line (never by name: names are the customer's), and a log replaced by a FIFO after it was
 * listed fails to open at once with its reason instead of blocking the redactor thread until the deadline.
 */
class LogCollectorFaultsTest {
  @TempDir
  Path dir;

  private LogCollector collector(Path logs) {
    return new LogCollector(new LogSourceConfig(logs + "/*.log", "app", "auto"),
        TimeWindow.endingAt(Instant.now().plusSeconds(60), Duration.ofHours(1)), UnaryOperator.identity());
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
  }

  @Test
  void loopsAndFifosAreCountedByReasonWithoutTheirNames() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("app.log"), Instant.now().truncatedTo(ChronoUnit.SECONDS) + " INFO up\n");
    Files.createSymbolicLink(logs.resolve("customer-loop.log"), logs.resolve("customer-loop.log"));
    mkfifo(logs.resolve("customer-pipe.log"));

    BundleCollector.Collected collected = collector(logs).collect();

    assertThat(collected.sources()).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("logs/app/app.log"));
    assertThat(collected.detail()).isEqualTo(
        "1 files, 1 skipped (not a regular file), 1 skipped (symbolic link loop)");
  }

  @Test
  void aLogReplacedByAFifoAfterListingFailsToOpenAtOnce() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path log = logs.resolve("app.log");
    Files.writeString(log, Instant.now().truncatedTo(ChronoUnit.SECONDS) + " INFO up\n");
    BundleSource source = collector(logs).collect().sources().get(0);
    Files.delete(log);
    mkfifo(log); // no writer: opening it for reading would block for good

    assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> source.opener().open()))
        .isInstanceOf(FileSystemException.class).hasMessageEndingWith(": not a regular file");
  }
}
