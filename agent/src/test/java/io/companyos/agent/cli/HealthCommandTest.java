package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.companyos.agent.testing.RefusingPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent health} against the real PostgreSQL and Redis of {@code .ci/services.sh} (ports and
 * passwords from the same {@code AGENT_TEST_*} variables and defaults), a port with nothing
 * listening, and an HTTP server answering 503.
 */
class HealthCommandTest {
  @AutoClose private final RefusingPort refusing = new RefusingPort();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private HttpServer http;

  @TempDir Path dir;

  @BeforeEach
  void startHttp() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/minio/health/cluster", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    http.createContext("/health/ready", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    http.start();
  }

  @AfterEach
  void stopHttp() {
    http.stop(0);
  }

  @Test
  void reportsEveryProbeAndExits1WhenOneIsNotUp() throws Exception {
    require("PostgreSQL", pgPort());
    require("Redis", redisPort());
    Path pgPassword = secret("pg", env("AGENT_TEST_PG_PASSWORD", "agent-test-pg"));
    Path redisPassword = secret("redis", env("AGENT_TEST_REDIS_PASSWORD", "agent-test-redis"));
    int closed = refusing.port();
    Path config = config(
        "probes:",
        "  - { name: db, type: postgres, host: 127.0.0.1, port: " + pgPort() + ", database: "
            + env("AGENT_TEST_PG_DATABASE", "agent_test") + ", user: "
            + env("AGENT_TEST_PG_USER", "agent_test") + ", passwordFile: " + pgPassword + ", timeout: 30s }",
        "  - { name: cache, type: redis, host: 127.0.0.1, port: " + redisPort()
            + ", passwordFile: " + redisPassword + ", timeout: 30s }",
        "  - { name: ingest, type: tcp, host: 127.0.0.1, port: " + closed + ", timeout: 2s }",
        "  - { name: minio, type: http, url: 'http://127.0.0.1:" + http.getAddress().getPort()
            + "/minio/health/cluster' }");

    // the servers are up: the generous timeouts only keep a loaded machine's first connection (Vert.x start, SCRAM;
    // 4.4 s of the default 5 s measured at load 25) from reading as DOWN, and cost nothing when the answer comes
    int status = run("health", "--config", config.toString());

    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(status).as(err.toString()).isEqualTo(1);
    assertThat(report.get("status").asText()).isEqualTo("DOWN");
    List<String> lines = new ArrayList<>();
    report.get("probes").forEach(p -> lines.add(
        p.get("name").asText() + " " + p.get("type").asText() + " " + p.get("status").asText()));
    assertThat(lines).containsExactly(
        "db postgres UP", "cache redis UP", "ingest tcp DOWN", "minio http DOWN");
    assertThat(report.get("probes").get(2).get("detail").asText()).isEqualTo("connection refused");
    assertThat(report.get("probes").get(3).get("detail").asText())
        .isEqualTo("HTTP 503, expected 200-299");
    assertThat(report.get("probes").get(0).get("detail").asText()).startsWith("PostgreSQL ");
    assertThat(report.get("probes").get(0).get("latencyMs").isIntegralNumber()).isTrue();
    assertThat(out.toString())
        .doesNotContain(env("AGENT_TEST_PG_PASSWORD", "agent-test-pg"))
        .doesNotContain(env("AGENT_TEST_REDIS_PASSWORD", "agent-test-redis"));
  }

  @Test
  void exits0WhenEveryProbeIsUp() throws Exception {
    Path config = config(
        "probes:",
        "  - { name: keycloak, type: http, url: 'http://127.0.0.1:" + http.getAddress().getPort()
            + "/health/ready', timeout: 2s }");

    assertThat(run("health", "-c", config.toString())).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void unknownProbeTypeIsAConfigErrorNamingTheProbe() throws Exception {
    Path config = config(
        "probes:",
        "  - name: core-api",
        "    type: http",
        "    url: http://127.0.0.1:1/",
        "  - name: search",
        "    type: elastic",
        "    url: http://127.0.0.1:9200/");

    assertThat(run("health", "-c", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("config error: probes[1].type (line 6): "
        + "unknown probe type of probe 'search' (expected one of: http, neo4j, postgres, redis, tcp)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missingFieldIsAConfigErrorNamingTheProbe() throws Exception {
    Path config = config(
        "probes:",
        "  - name: db",
        "    type: postgres",
        "    host: db.internal",
        "    user: agent");

    assertThat(run("health", "-c", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "config error: probes[0].database (line 2): required value missing for probe 'db'");
  }

  private int run(String... args) {
    var cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path config(String... lines) throws IOException {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private Path secret(String name, String value) throws IOException {
    Path file = dir.resolve(name + ".secret");
    Files.writeString(file, value + "\n");
    return file;
  }

  private static int pgPort() {
    return Integer.parseInt(env("AGENT_TEST_PG_PORT", "55432"));
  }

  private static int redisPort() {
    return Integer.parseInt(env("AGENT_TEST_REDIS_PORT", "56379"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void require(String what, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      throw new AssertionError(what + " test server is not reachable on 127.0.0.1:" + port
          + ": run `bash .ci/services.sh start` first", e);
    }
  }
}
