package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decrypt-bundle} as a real child process stopped by a signal: one line, exit 1, and nothing left in the output
 * directory (it left the decrypted, unverified files in a hidden staging directory there, and exit 130).
 */
class DecryptInterruptTest {
  @TempDir
  Path dir;

  @Test
  void aSignalWhileExtractingExits1AndLeavesNothing() throws Exception {
    Path bundle = bigBundle();
    Path out = dir.resolve("case");
    Path stderr = dir.resolve("decrypt.err");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ActiveProcessorCount=1"));
    if (Runtime.version().feature() >= 22) {
      // as the agent's jar declares it (Enable-Native-Access): JDK 22+ warns on stderr when zstd-jni loads its library
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in", bundle.toString(),
        "--out", out.toString()));
    Process p = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
          .until(() -> staging(out) || !p.isAlive());
      assertThat(p.isAlive()).as("still extracting; stderr: %s", Files.readString(stderr)).isTrue();
      p.destroy(); // SIGTERM; Ctrl-C's SIGINT is handled the same way

      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(stderr)).isEqualTo("error: interrupted (SIGTERM): nothing was extracted\n");
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(out).as("created by the command, removed again").doesNotExist();
    } finally {
      p.destroyForcibly();
    }
  }

  private static boolean staging(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return false;
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.anyMatch(f -> f.getFileName().toString().startsWith(".companyos-extract-"));
    }
  }

  /** A bundle of 64 MiB of barely compressible log lines: seconds to decrypt and extract on one processor. */
  private Path bigBundle() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    BundleFixture.writeNoiseLog(logs.resolve("app.log"));
    Path config = Files.writeString(dir.resolve("agent.yaml"), String.join("\n",
        "stateDir: " + dir.resolve("state"),
        "logs:",
        "  - { path: \"" + logs + "/*.log\", service: app }",
        ""));
    Path bundle = dir.resolve("big.pgp");
    StringWriter err = new StringWriter();
    var cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("export-bundle", "-c", config.toString(), "--max-file-size", "200MiB", "--out",
        bundle.toString())).as(err.toString()).isZero();
    return bundle;
  }
}
