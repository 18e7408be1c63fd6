package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code agent export-bundle} while it writes the bundle: no file ever appears under the final
 * name. What the killed process leaves (its temp file {@code .<name>.<n>.partial} and its staging directory
 * {@code companyos-bundle-<n>/}) is ignored by the next export while fresh and removed by it once a minute old, its
 * lock being free.
 */
class ExportBundleKillTest {
  private static final long LOG_BYTES = 32L * 1024 * 1024;

  @TempDir
  Path tmp;

  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void killMinus9WhileWritingLeavesNoBundleAndTheNextExportCleansUp() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs/app"));
    for (int i = 0; i < 2; i++) {
      writeLog(logs.resolve("app-" + i + ".log"), LOG_BYTES, i);
    }
    Path bundles = tmp.resolve("bundles");
    Path config = tmp.resolve("agent.yaml");
    Files.writeString(config, String.join("\n",
        "stateDir: " + tmp.resolve("state"),
        "installation: { cluster: test, node: node-1 }",
        "logs:",
        "  - { path: \"" + tmp.resolve("logs") + "/*/*.log\", service: app }",
        "bundle:",
        "  outputDir: " + bundles,
        ""));

    child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "export-bundle", "--config", config.toString(), "--include", "logs"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("child.err").toFile()).start();

    Path partial = awaitPartialBeingWritten(bundles);
    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);

    assertThat(finalBundles(bundles)).as("nothing under the final name").isEmpty();
    assertThat(partial).as("the temp file stays, under its hidden temp name").exists();
    assertThat(stagingDirs(bundles)).as("and so does the staging directory").hasSize(1);

    // the next export, right away: the leftovers may belong to a live export (they are too fresh to tell), kept
    Files.writeString(logs.resolve("app-0.log"), Instant.now().truncatedTo(ChronoUnit.SECONDS) + " INFO small\n");
    Files.delete(logs.resolve("app-1.log"));
    assertThat(export(config)).isZero();
    assertThat(finalBundles(bundles)).hasSize(1);
    assertThat(partial).exists();
    assertThat(stagingDirs(bundles)).hasSize(1);

    // a minute later, nobody holding their locks: removed
    FileTime old = FileTime.from(Instant.now().minusSeconds(120));
    Files.setLastModifiedTime(partial, old);
    Path staging = stagingDirs(bundles).get(0);
    try (Stream<Path> inside = Files.walk(staging)) {
      for (Path p : (Iterable<Path>) inside::iterator) {
        Files.setLastModifiedTime(p, old);
      }
    }
    long second = Instant.now().getEpochSecond(); // the next bundle's name carries the time to the second
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .pollInterval(java.time.Duration.ofMillis(20)).until(() -> Instant.now().getEpochSecond() > second);
    assertThat(export(config)).isZero();
    assertThat(finalBundles(bundles)).hasSize(2);
    assertThat(partial).doesNotExist();
    assertThat(stagingDirs(bundles)).isEmpty();
    try (Stream<Path> all = Files.list(bundles)) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.startsWith("companyos-support-") && n.endsWith(".tar.zst.pgp"));
    }
  }

  /** Polls until the child's temp bundle file exists and has bytes in it, i.e. sealing is under way. */
  private Path awaitPartialBeingWritten(Path bundles) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) { // its stderr read once it ended: complete, and not once a millisecond while written
        throw new AssertionError("the export ended before it was caught writing; stderr: "
            + (Files.exists(tmp.resolve("child.err")) ? Files.readString(tmp.resolve("child.err")) : ""));
      }
      if (Files.isDirectory(bundles)) {
        try (Stream<Path> entries = Files.list(bundles)) {
          for (Path p : (Iterable<Path>) entries::iterator) {
            if (p.getFileName().toString().endsWith(".partial") && Files.size(p) > 0) {
              return p;
            }
          }
        } catch (java.nio.file.NoSuchFileException vanished) {
          // listed, then renamed or removed: look again
        }
      }
      LockSupport.parkNanos(1_000_000);
    }
    throw new AssertionError("the export never started writing its bundle");
  }

  private static List<Path> finalBundles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")
          && p.getFileName().toString().endsWith(".tar.zst.pgp")).toList();
    }
  }

  private static List<Path> stagingDirs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("companyos-bundle-") && Files.isDirectory(p))
          .toList();
    }
  }

  private static int export(Path config) {
    var cl = AgentCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute("export-bundle", "--config", config.toString(), "--include", "logs");
    assertThat(status).as(err.toString()).isZero();
    return status;
  }

  /** Timestamped lines of random hex: little for the redactor to do, little for zstd to squeeze. */
  private static void writeLog(Path file, long bytes, int seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " INFO ";
    byte[] raw = new byte[48];
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      while (written < bytes) {
        random.nextBytes(raw);
        String line = stamp + HexFormat.of().formatHex(raw) + "\n";
        out.write(line);
        written += line.length();
      }
    }
  }
}
