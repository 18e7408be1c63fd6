package io.companyos.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.cli.Main;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a real child process: signals, exit statuses, and a second agent on the same state directory. */
class AgentProcessTest {

  @TempDir
  Path tmp;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  private Process agent(Path config, Path stderr, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--config", config.toString()));
    Process p = new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile())
        .start();
    started.add(p);
    return p;
  }

  private Path config(Path state) throws IOException {
    Path cfg = tmp.resolve("agent.yaml");
    Files.writeString(cfg, "stateDir: " + state + "\nserver: { host: 127.0.0.1, port: 0 }\n");
    return cfg;
  }

  private static int awaitPort(Path stderr) {
    return ChildAgentPort.of(stderr, Duration.ofSeconds(30));
  }

  @Test
  void sigtermStopsWithinTenSecondsAndExitsZero() throws Exception {
    Path stderr = tmp.resolve("agent.err");
    Process p = agent(config(tmp.resolve("state")), stderr, "run");
    int port = awaitPort(stderr);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ready = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);

    long t0 = System.nanoTime();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(stderr)).contains("agent stopping").contains("agent stopped");
  }

  /**
   * SIGTERM while the daemon is still starting (its first log line is written inside the start, after the shutdown
   * hook is in place): it still stops in order and exits 0. It used to end with 143 when the signal came before the
   * start had returned, which the container image test hit on CI.
   */
  @Test
  void sigtermDuringTheStartStillStopsInOrderAndExitsZero() throws Exception {
    Path stderr = tmp.resolve("agent.err");
    Process p = agent(config(tmp.resolve("state")), stderr, "run");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
        .until(() -> Files.exists(stderr) && Files.size(stderr) > 0);

    p.destroy(); // SIGTERM
    assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
    assertThat(Files.readString(stderr)).contains("agent stopping");
  }

  @Test
  void theConfigFileCanBeNamedByTheEnvironment() throws Exception {
    Path cfg = tmp.resolve("from-env.yaml");
    Files.writeString(cfg, "tier: heartbeat\ninstallation: { cluster: env-cluster }\n");
    ProcessBuilder pb = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check-config"))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("COMPANYOS_AGENT_CONFIG", cfg.toString());
    Process p = pb.start();
    started.add(p);
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).contains("# effective configuration of " + cfg).contains("tier: heartbeat")
        .contains("cluster: env-cluster");
  }

  @Test
  void aSecondAgentOnTheSameStateDirExitsWithStatus2() throws Exception {
    Path state = tmp.resolve("state");
    Path cfg = config(state);
    Path firstErr = tmp.resolve("first.err");
    Process first = agent(cfg, firstErr, "run");
    awaitPort(firstErr);

    Path secondErr = tmp.resolve("second.err");
    Process second = agent(cfg, secondErr, "run");
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(2);
    assertThat(Files.readString(secondErr).strip())
        .isEqualTo("error: state directory " + state + " is in use by another agent (pid " + first.pid()
            + "); give each agent its own stateDir");
    assertThat(first.isAlive()).isTrue();
    first.destroy();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
