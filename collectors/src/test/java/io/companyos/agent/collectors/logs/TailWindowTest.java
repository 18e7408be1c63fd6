package io.companyos.agent.collectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailWindowTest {

  private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

  @TempDir Path dir;

  private final TailWindow window = TailWindow.builder().build();

  @Test
  void readsFromTheFirstLineAtOrAfterSinceAndKeepsItsStackTrace() throws Exception {
    Path file = write(
        "2026-11-25T10:00:00Z INFO started",
        "2026-11-25T10:05:00Z ERROR failed",
        "java.io.IOException: disk",
        "\tat a.B.c(B.java:1)",
        "2026-11-25T10:10:00Z WARN slow",
        "2026-11-25T10:15:00Z ERROR again",
        "java.lang.IllegalStateException: x",
        "\tat a.B.d(B.java:2)");

    assertThat(lines(file, Instant.parse("2026-11-25T10:07:00Z"))).containsExactly(
        "2026-11-25T10:10:00Z WARN slow",
        "2026-11-25T10:15:00Z ERROR again",
        "java.lang.IllegalStateException: x",
        "\tat a.B.d(B.java:2)");
    assertThat(lines(file, Instant.parse("2026-11-25T10:05:00Z"))).hasSize(7);
    assertThat(lines(file, Instant.parse("2026-11-25T09:00:00Z"))).hasSize(8);
    assertThat(lines(file, Instant.parse("2026-11-25T11:00:00Z"))).isEmpty();
  }

  @Test
  void lastLineWithoutLineBreakCounts() throws Exception {
    Path file = dir.resolve("app.log");
    Files.writeString(file, "2026-11-25 10:00:00,000 INFO a\n2026-11-25 10:01:00,000 INFO b");

    assertThat(lines(file, Instant.parse("2026-11-25T10:00:30Z")))
        .containsExactly("2026-11-25 10:01:00,000 INFO b");
  }

  @Test
  void fileWithoutTimestampsIsReadOnlyUpToMaxBytesFromTheEnd() throws Exception {
    Path file = write("alpha", "beta", "gamma", "delta");
    TailWindow small = TailWindow.builder().maxBytes(11).build();

    List<String> read = new ArrayList<>();
    small.read(file, T0, read::add);

    // 11 bytes from the end is inside "gamma\n": the window starts at the cut and is whole
    // lines only from there: no timestamp was found, so nothing is claimed to be in the window.
    assertThat(read).isEmpty();
  }

  /** The binary search finds the same start as a linear scan, for any file and any since. */
  @Property(tries = 300)
  void binarySearchAgreesWithLinearScan(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 4) Integer> shape,
      @ForAll @IntRange(min = -2, max = 70) int sinceMinute) throws Exception {
    List<String> lines = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    long offset = 0;
    int minute = 0;
    for (int kind : shape) {
      String line;
      Instant time = null;
      if (kind == 0) {
        line = "\tat x.Y.z(Y.java:" + lines.size() + ")";
      } else {
        minute += kind - 1; // equal times allowed
        time = T0.plus(Duration.ofMinutes(minute));
        line = time + " INFO line " + lines.size();
      }
      lines.add(line);
      offsets.add(offset);
      times.add(time);
      offset += line.length() + 1;
    }
    Path file = Files.createTempFile("tail-window-property", ".log"); // jqwik has no @TempDir
    Files.write(file, lines, StandardCharsets.UTF_8);
    Instant since = T0.plus(Duration.ofMinutes(sinceMinute));

    long expected = offset;
    for (int i = 0; i < lines.size(); i++) {
      if (times.get(i) != null && !times.get(i).isBefore(since)) {
        expected = offsets.get(i);
        break;
      }
    }

    try {
      assertThat(window.startOffset(file, since)).isEqualTo(expected);
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void fourGibFileIsSearchedByReadingOnlyItsTail() throws Exception {
    GeneratedLogChannel generated =
        new GeneratedLogChannel(4L << 30, T0, Duration.ofMillis(10));
    long lastLine = generated.lineCount() - 1;
    // an hour of events at 100/s, out of ~4 days in the file
    long firstEventInWindow = lastLine - 13 * 36_000;
    while (generated.timeOf(firstEventInWindow) == null) {
      firstEventInWindow++;
    }
    Instant since = generated.timeOf(firstEventInWindow);
    CountingChannel counting = new CountingChannel(generated);

    long start = window.startOffset(counting, since);

    assertThat(start).isEqualTo(firstEventInWindow * GeneratedLogChannel.LINE);
    assertThat(counting.bytesRead()).isLessThan(160 * 1024);

    List<String> read = new ArrayList<>();
    CountingChannel whole = new CountingChannel(new GeneratedLogChannel(4L << 30, T0, Duration.ofMillis(10)));
    window.read(whole, since, read::add);
    long windowBytes = generated.size() - start;
    assertThat(read.get(0)).isEqualTo(generated.line(firstEventInWindow));
    assertThat(read).hasSize((int) (lastLine - firstEventInWindow + 1));
    assertThat(whole.bytesRead()).isBetween(windowBytes, windowBytes + 160 * 1024);
  }

  @Test
  void realFileOfSixtyFourMibIsSearchedByReadingOnlyItsTail() throws Exception {
    Path file = dir.resolve("big.log");
    GeneratedLogChannel generated = new GeneratedLogChannel(64L << 20, T0, Duration.ofMillis(10));
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (long i = 0; i < generated.lineCount(); i++) {
        out.write(generated.line(i));
        out.write('\n');
      }
    }
    long target = generated.lineCount() - 1300;
    while (generated.timeOf(target) == null) {
      target++;
    }

    try (CountingChannel counting = new CountingChannel(FileChannel.open(file))) {
      long start = window.startOffset(counting, generated.timeOf(target));

      assertThat(start).isEqualTo(target * GeneratedLogChannel.LINE);
      assertThat(counting.bytesRead()).isLessThan(160 * 1024);
    }
  }

  private Path write(String... lines) throws Exception {
    Path file = Files.createTempFile(dir, "app", ".log");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  private List<String> lines(Path file, Instant since) throws Exception {
    List<String> read = new ArrayList<>();
    window.read(file, since, read::add);
    return read;
  }
}
