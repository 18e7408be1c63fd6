package io.companyos.agent.bundling;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.manifest.TimeWindow;
import io.companyos.agent.config.LogSourceConfig;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which part of a log file a bundle takes: from the first line inside the {@code --since} window to the end. */
class LogCollectorTest {
  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;

  /**
   * The window's start is searched in the whole file: a log of 260 MiB written entirely inside the window is offered
   * whole (the bundle writer's per-file cap then keeps its newest part and lists the cut in the manifest). The search
   * used to look only at the last 256 MiB, so the file's first 4 MiB were left out and nothing said so.
   */
  @Test
  void aLogLargerThan256MiBInsideTheWindowIsOfferedWhole() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path log = logs.resolve("app.log");
    Instant old = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    Instant recent = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    long oldBytes = writeLines(log, old, 3 * MIB, false);
    writeLines(log, recent, 260 * MIB, true);

    BundleCollector.Collected collected = new LogCollector(new LogSourceConfig(logs + "/*.log", "app", "auto"),
        TimeWindow.endingAt(Instant.now().plusSeconds(60), Duration.ofHours(1)), UnaryOperator.identity()).collect();

    assertThat(collected.sources()).singleElement()
        .satisfies(s -> assertThat(s.sizeHint()).isEqualTo(Files.size(log) - oldBytes));
  }

  /** Appends {@code bytes} (whole lines) of lines stamped {@code time}; returns the bytes written. */
  private static long writeLines(Path file, Instant time, long bytes, boolean append) throws Exception {
    StringBuilder block = new StringBuilder();
    int n = 0;
    while (block.length() < MIB - 100) {
      block.append(time).append(" INFO worker-").append(n++ % 8).append(" processed batch ").append(n).append('\n');
    }
    ByteBuffer buffer = ByteBuffer.wrap(block.toString().getBytes(StandardCharsets.US_ASCII));
    long written = 0;
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      while (written + buffer.capacity() <= bytes) {
        buffer.rewind();
        while (buffer.hasRemaining()) {
          written += out.write(buffer);
        }
      }
    }
    return written;
  }
}
