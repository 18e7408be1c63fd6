package io.companyos.agent.collectors.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.companyos.agent.collectors.files.FileGlob;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile log files as the daemon's follower and the log globs meet them: a path that becomes a FIFO or a
 * directory (root reads any file whatever its mode, so these are what "unreadable" means for the agent), a file
 * deleted while followed, a 1 GiB single line, binary garbage and invalid UTF-8, symbolic link loops in a glob.
 */
class LogFaultsTest {
  private static final Duration NEVER_BLOCKS = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private static void append(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void append(Path file, String text) throws IOException {
    append(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
  }

  @Test
  void aLogReplacedByAFifoWithoutWriterIsRefusedNotWaitedFor() throws Exception {
    Path log = dir.resolve("app.log");
    append(log, "one\n");
    try (LogFollower follower = new LogFollower(log, false)) {
      assertThat(follower.poll()).containsExactly("one");
      append(log, "two\n");
      Files.delete(log);
      mkfifo(log); // opening it for reading would block until a writer comes: forever

      List<String> last = assertTimeoutPreemptively(NEVER_BLOCKS, follower::poll);
      assertThat(last).as("the old file's last line").containsExactly("two");
      assertThatThrownBy(() -> assertTimeoutPreemptively(NEVER_BLOCKS, follower::poll))
          .isInstanceOf(FileSystemException.class).hasMessageEndingWith(": not a regular file");

      Files.delete(log);
      append(log, "three\n");
      assertThat(follower.poll()).as("followed again once it is a file").containsExactly("three");
    }
  }

  @Test
  void aDirectoryWhereTheLogShouldBeIsRefusedWithItsReason() throws Exception {
    Path log = dir.resolve("app.log");
    Files.createDirectory(log);
    try (LogFollower follower = new LogFollower(log, false)) {
      assertThatThrownBy(follower::poll).isInstanceOf(FileSystemException.class)
          .hasMessageEndingWith(": not a regular file");
    }
  }

  @Test
  void aLogDeletedWhileFollowedGivesItsLastLinesThenTheNewFileFromItsStart() throws Exception {
    Path log = dir.resolve("app.log");
    append(log, "a\n");
    try (LogFollower follower = new LogFollower(log, false)) {
      assertThat(follower.poll()).containsExactly("a");
      append(log, "b\n");
      Files.delete(log);
      assertThat(follower.poll()).containsExactly("b");
      assertThat(follower.poll()).isEmpty();
      append(log, "c\n");
      assertThat(follower.poll()).containsExactly("c");
    }
  }

  @Test
  void aOneGibSingleLineCostsOneCappedLineNotAGibOfMemory() throws Exception {
    Path log = dir.resolve("huge.log");
    long size = 1L << 30;
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
      file.write("2026-03-01T12:00:00Z ERROR begins ".getBytes(StandardCharsets.US_ASCII));
      file.setLength(size); // sparse: a GiB without writing one
      file.seek(size - 4);
      file.write("end!".getBytes(StandardCharsets.US_ASCII));
    }
    try (LogFollower follower = new LogFollower(log, false, 64 * 1024)) {
      assertThat(follower.poll()).as("no line break yet").isEmpty();
      append(log, "\nnext line\n");
      List<String> lines = follower.poll();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).startsWith("2026-03-01T12:00:00Z ERROR begins ")
          .hasSizeLessThanOrEqualTo(2 * 64 * 1024);
      assertThat(lines.get(1)).isEqualTo("next line");
    }
  }

  @Test
  void binaryGarbageAndInvalidUtf8BecomeReplacementCharactersAndLinesAfterThemAreIntact() throws Exception {
    Path log = dir.resolve("app.log");
    byte[] garbage = new byte[256 * 1024];
    new SplittableRandom(9).nextBytes(garbage);
    append(log, "2026-03-01T12:00:00Z INFO before\n");
    append(log, garbage);
    append(log, new byte[] {'\n', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, (byte) 0xFE, 0, 0, '\n'});
    append(log, "2026-03-01T12:00:01Z ERROR after java.lang.IllegalStateException: x\n");
    List<LogEvent> events = new ArrayList<>();
    try (LogFollower follower = new LogFollower(log, false)) {
      LogEventAssembler assembler = new LogEventAssembler("api", LogFormat.PLAIN, ZoneOffset.UTC, events::add);
      List<String> lines = follower.poll();
      lines.forEach(assembler::accept);
      assembler.flush();
      assertThat(lines.get(0)).isEqualTo("2026-03-01T12:00:00Z INFO before");
      assertThat(lines).anyMatch(l -> l.contains("\uFFFD"));
      assertThat(lines).allMatch(l -> l.length() <= 1024 * 1024);
      assertThat(lines.get(lines.size() - 1)).isEqualTo(
          "2026-03-01T12:00:01Z ERROR after java.lang.IllegalStateException: x");
    }
    assertThat(events).filteredOn(e -> "ERROR".equals(e.level())).last()
        .satisfies(e -> assertThat(e.exceptionType()).isEqualTo("java.lang.IllegalStateException"));
  }

  @Test
  void symbolicLinkLoopsAndFifosInAGlobAreSkippedWithTheirReasonAndTheWalkEnds() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs/app"));
    append(logs.resolve("good.log"), "ok\n");
    Files.createSymbolicLink(logs.resolve("self.log"), logs.resolve("self.log"));
    Files.createSymbolicLink(logs.resolve("ping.log"), logs.resolve("pong.log"));
    Files.createSymbolicLink(logs.resolve("pong.log"), logs.resolve("ping.log"));
    Files.createSymbolicLink(logs.resolve("gone.log"), logs.resolve("missing"));
    Files.createSymbolicLink(logs.resolve("up"), dir.resolve("logs")); // a directory cycle
    Path target = Files.createDirectories(dir.resolve("elsewhere"));
    append(target.resolve("real.log"), "linked\n");
    Files.createSymbolicLink(logs.resolve("linked.log"), target.resolve("real.log"));
    mkfifo(logs.resolve("pipe.log"));

    LogFiles.Scan scan = assertTimeoutPreemptively(NEVER_BLOCKS, () -> new LogFiles().scan(
        new LogSource(dir.resolve("logs") + "/**.log", "app", LogFormat.PLAIN)));

    assertThat(scan.files()).extracting(f -> f.path().getFileName().toString())
        .containsExactly("good.log", "linked.log");
    assertThat(scan.skipped()).extracting(s -> s.path().getFileName() + ": " + s.reason()).containsExactly(
        "gone.log: dangling symbolic link",
        "ping.log: symbolic link loop",
        "pipe.log: not a regular file",
        "pong.log: symbolic link loop",
        "self.log: symbolic link loop");
    assertThat(new FileGlob().find(dir.resolve("logs") + "/*/*.log")).hasSize(2);
  }
}
