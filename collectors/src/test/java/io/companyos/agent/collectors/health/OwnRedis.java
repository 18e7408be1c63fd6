package io.companyos.agent.collectors.health;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server process of one test's own, on a loopback port, for a test that changes server-wide settings (e.g.
 * {@code maxmemory}): on the shared server of {@code .ci/services.sh} such a change would be seen by every test running
 * meanwhile, and would outlive the test if its JVM died before restoring it. Stopped (and waited for) by {@link
 * #close()}.
 */
final class OwnRedis implements AutoCloseable {
  static final String PASSWORD = "own-redis-test-password";
  private static final Duration START = Duration.ofSeconds(60);
  private static final int ATTEMPTS = 10;

  private final Process process;
  private final int port;

  private OwnRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Whether {@code redis-server} is on the PATH ({@code .ci/run} installs it). */
  static boolean available() {
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server")));
  }

  /**
   * Starts redis-server with {@code settings} (lines of redis.conf) besides its port, password and no persistence;
   * returns once it accepts connections. Redis cannot bind port 0 and say which port it got, so a free port is picked
   * here and released: when another process took it meanwhile, redis-server exits with "Address already in use" and a
   * new port is tried (a retry of the start-up only, never of the test).
   */
  static OwnRedis start(Path dir, String... settings) throws IOException, InterruptedException {
    String lastLog = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(TestServers.HOST))) {
        port = probe.getLocalPort();
      }
      Path log = dir.resolve("own-redis-" + attempt + ".log");
      Process process = new ProcessBuilder("redis-server", "-").redirectErrorStream(true)
          .redirectOutput(dir.resolve("own-redis-" + attempt + ".out").toFile()).start();
      // the configuration (with the password) through stdin, not argv, so that `ps` does not show it
      StringBuilder conf = new StringBuilder()
          .append("port ").append(port).append('\n')
          .append("bind ").append(TestServers.HOST).append('\n')
          .append("requirepass \"").append(PASSWORD).append("\"\n")
          .append("save \"\"\nappendonly no\ndaemonize no\n")
          .append("dir \"").append(dir).append("\"\n")
          .append("logfile \"").append(log).append("\"\n");
      for (String setting : List.of(settings)) {
        conf.append(setting).append('\n');
      }
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(conf.toString().getBytes(StandardCharsets.UTF_8));
      }
      long deadline = System.nanoTime() + START.toNanos();
      while (System.nanoTime() < deadline) {
        boolean exited = !process.isAlive(); // before reading the log: a "ready" written before an exit is seen
        String text = Files.exists(log) ? Files.readString(log) : "";
        if (text.contains("Ready to accept connections")) {
          return new OwnRedis(process, port);
        }
        if (exited) {
          lastLog = text + Files.readString(dir.resolve("own-redis-" + attempt + ".out"));
          break;
        }
        Thread.sleep(20); // polling the log for a condition, not a delay the test depends on
      }
      if (process.isAlive()) {
        stop(process);
        throw new AssertionError("redis-server did not get ready within " + START.toSeconds() + " s: "
            + Files.readString(log));
      }
      if (!lastLog.contains("Address already in use")) {
        throw new AssertionError("redis-server exited at start-up (exit " + process.exitValue() + "): " + lastLog);
      }
    }
    throw new AssertionError("redis-server found no free port in " + ATTEMPTS + " attempts: " + lastLog);
  }

  int port() {
    return port;
  }

  /** Stops the server and returns once its process is gone. */
  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy(); // SIGTERM: redis-server shuts down (no save: persistence is off)
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
