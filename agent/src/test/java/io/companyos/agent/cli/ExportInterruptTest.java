package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-bundle} as a real child process stopped by a signal: it must exit 1 with one line saying so, and leave
 * neither a bundle, nor its temporary file, nor the redacted staging directory.
 */
class ExportInterruptTest {
  private static final String LINE = "error: interrupted (%s): no bundle was written; its temporary files are removed";

  @TempDir
  Path dir;

  private Path config;
  private Path bundles;
  private Path tmp;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    bundles = dir.resolve("bundles");
    tmp = dir.resolve("tmp");
    Files.createDirectories(bundles);
    Files.createDirectories(tmp);
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    // 64 MiB of barely compressible lines: seconds of redaction on one processor, and far more than a pipe holds
    BundleFixture.writeNoiseLog(logs.resolve("app.log"));
    config = dir.resolve("agent.yaml");
    Files.writeString(config, String.join("\n",
        "stateDir: " + dir.resolve("state"),
        "installation: { cluster: test, node: node-1 }",
        "logs:",
        "  - { path: \"" + logs + "/*.log\", service: app }",
        "bundle:",
        "  outputDir: " + bundles,
        ""));
  }

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void ctrlCWhileRedactingExits1AndLeavesNothing() throws Exception {
    assumeSignalNotIgnored("SigIgn", 2);
    Path stderr = dir.resolve("export.err");
    Process p = export(stderr, ProcessBuilder.Redirect.DISCARD, "--max-file-size", "200MiB");
    // the staging directory of redacted plaintext appears once the collectors are done: redaction is under way
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
        .until(() -> !list(bundles).isEmpty() || !p.isAlive());
    assertThat(p.isAlive()).as("still exporting when the signal is sent; stderr: %s", read(stderr)).isTrue();
    signal(p, "INT");

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(p.exitValue()).as(read(stderr)).isEqualTo(1);
    assertThat(read(stderr).lines().filter(l -> l.startsWith("error:")).toList())
        .containsExactly(String.format(LINE, "SIGINT"));
    assertThat(list(bundles)).as("no bundle, no temporary file, no staging directory").isEmpty();
  }

  @Test
  void sigtermWhileStreamingToAStuckPipeExits1AndLeavesNothing() throws Exception {
    Path stderr = dir.resolve("export.err");
    // --out - into a pipe nobody reads: the export blocks in its write, as into a stalled kubectl exec
    Process p = export(stderr, ProcessBuilder.Redirect.PIPE, "--out", "-", "--max-file-size", "200MiB");
    InputStream stdout = p.getInputStream();
    assertThat(stdout.read()).as("the first byte of the bundle; stderr: %s", read(stderr)).isNotNegative();
    await().atMost(Duration.ofSeconds(60)).until(() -> stdout.available() >= 16 * 1024 || !p.isAlive());
    assertThat(p.isAlive()).as(read(stderr)).isTrue();
    // SIGTERM by kill, not Process.destroy(), which also closes this end of the pipe: the export's write then failed
    // with EPIPE before the signal handler ran, now and then, under load ('writing the bundle failed: … Broken pipe')
    signal(p, "TERM");

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(p.exitValue()).as(read(stderr)).isEqualTo(1);
    assertThat(read(stderr).lines().filter(l -> l.startsWith("error:")).toList())
        .containsExactly(String.format(LINE, "SIGTERM"));
    assertThat(list(tmp)).as("no staging directory left in java.io.tmpdir").isEmpty();
    assertThat(list(bundles)).isEmpty();
  }

  private Process export(Path stderr, ProcessBuilder.Redirect stdout, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "export-bundle", "--config", config.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(stderr.toFile()).start();
    started.add(p);
    return p;
  }

  private static void signal(Process p, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  /** A child inherits ignored signals (e.g. SIGINT of a background job): then nobody can Ctrl-C it anyway. */
  private static void assumeSignalNotIgnored(String field, int signal) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        long mask = Long.parseUnsignedLong(line.substring(field.length() + 1).trim(), 16);
        Assumptions.assumeTrue((mask & (1L << (signal - 1))) == 0,
            "signal " + signal + " is ignored by the test JVM, so by its child too");
      }
    }
  }

  private static List<Path> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
