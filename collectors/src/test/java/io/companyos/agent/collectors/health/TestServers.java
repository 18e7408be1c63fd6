package io.companyos.agent.collectors.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real PostgreSQL and Redis of {@code .ci/services.sh} listen. The defaults match that
 * script; each can be overridden by the same environment variable the script reads.
 */
final class TestServers {

  static final String HOST = "127.0.0.1";

  private TestServers() {}

  static int pgPort() {
    return Integer.parseInt(env("AGENT_TEST_PG_PORT", "55432"));
  }

  static String pgUser() {
    return env("AGENT_TEST_PG_USER", "agent_test");
  }

  static String pgPassword() {
    return env("AGENT_TEST_PG_PASSWORD", "agent-test-pg");
  }

  static String pgDatabase() {
    return env("AGENT_TEST_PG_DATABASE", "agent_test");
  }

  static int redisPort() {
    return Integer.parseInt(env("AGENT_TEST_REDIS_PORT", "56379"));
  }

  static String redisPassword() {
    return env("AGENT_TEST_REDIS_PASSWORD", "agent-test-redis");
  }

  /** Fails (does not skip) when the server is not listening. */
  static void require(String what, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 2000);
    } catch (IOException e) {
      throw new AssertionError(
          what + " test server is not reachable on " + HOST + ":" + port
              + ": run `bash .ci/services.sh start` first",
          e);
    }
  }

  /**
   * A port that refuses connections for as long as the returned socket is open: bound but never listening, so no
   * other process can listen there meanwhile (a port bound and released could be taken before the probe connects).
   */
  static Socket closedPort() throws IOException {
    Socket held = new Socket();
    held.bind(new InetSocketAddress(HOST, 0));
    return held;
  }

  /**
   * A listening socket that never accepts nor answers: the kernel completes the TCP handshake
   * from its backlog, so clients connect and then wait for a reply that never comes.
   */
  static ServerSocket silentServer() throws IOException {
    return new ServerSocket(0, 50, java.net.InetAddress.getByName(HOST));
  }

  static Path secretFile(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
