package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redact --out-dir} as a real child process stopped by a signal: no temporary file is left behind. */
class RedactInterruptTest {
  @TempDir
  Path dir;

  @Test
  void aSignalWhileRedactingIntoADirectoryLeavesNoTemporaryFile() throws Exception {
    Path config = Files.writeString(dir.resolve("agent.yaml"), "stateDir: " + dir.resolve("state") + "\n");
    Path log = dir.resolve("app.log");
    // 128 MiB: seconds of redaction on one processor
    try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (long written = 0; written < 128L << 20; ) {
        String line = "2026-11-26T10:00:00Z INFO user" + written + "@example.org logged in from 10.1.2.3\n";
        w.write(line);
        written += line.length();
      }
    }
    Path out = dir.resolve("out");
    Path stderr = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "redact", "-c", config.toString(), "--out-dir", out.toString(), log.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
          .until(() -> Files.exists(out.resolve(".app.log.partial")) || !p.isAlive());
      assertThat(p.isAlive()).as("still redacting; stderr: %s", Files.readString(stderr)).isTrue();
      p.destroy(); // SIGTERM; Ctrl-C's SIGINT runs the same shutdown

      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(stderr))
          .isEqualTo("error: interrupted: 1 file was not written; its temporary file is removed\n");
      assertThat(list(out)).isEmpty();
    } finally {
      p.destroyForcibly();
    }
  }

  private static List<Path> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }
}
