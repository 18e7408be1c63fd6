package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.health.ProbeStatus;
import io.companyos.agent.collectors.http.JdkHttpFetcher;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's database probes ({@link ProbeConfig#toDaemonProbe}) keep their connection between checks (PostgreSQL's
 * until the Vert.x instance closes); the one-shot commands' ({@link ProbeConfig#toProbe}) close it after each check. Against the real PostgreSQL and Redis of
 * {@code .ci/services.sh}.
 */
class DaemonProbeConnectionsTest {
  private final Vertx vertx = Vertx.vertx();
  private final String name = "cfg-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void thePostgresProbeOfTheDaemonKeepsItsConnectionAndTheOneShotProbeDoesNot() throws Exception {
    require(pgPort());
    PostgresProbeConfig config = new PostgresProbeConfig(name, "127.0.0.1", pgPort(),
        env("AGENT_TEST_PG_DATABASE", "agent_test"), env("AGENT_TEST_PG_USER", "agent_test"),
        secret(env("AGENT_TEST_PG_PASSWORD", "agent-test-pg")), null, null);

    Probe oneShot = config.toProbe(() -> vertx);
    assertThat(oneShot.check().get().status()).isEqualTo(ProbeStatus.UP);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pgBackends() == 0);

    Probe daemon = config.toDaemonProbe(() -> vertx, JdkHttpFetcher.shared());
    assertThat(daemon.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(daemon.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(pgBackends()).isEqualTo(1);

    vertx.close().await(); // the daemon's shutdown closes it
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pgBackends() == 0);
  }

  @Test
  void theRedisProbeOfTheDaemonKeepsItsConnectionAndTheOneShotProbeDoesNot() throws Exception {
    require(redisPort());
    RedisProbeConfig config = new RedisProbeConfig(name, "127.0.0.1", redisPort(), null,
        secret(env("AGENT_TEST_REDIS_PASSWORD", "agent-test-redis")), null, null);

    assertThat(config.toProbe(() -> vertx).check().get().status()).isEqualTo(ProbeStatus.UP);

    Probe daemon = config.toDaemonProbe(() -> vertx, JdkHttpFetcher.shared());
    assertThat(daemon.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(daemon.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(redisClients()).isEqualTo(1);
  }

  @Test
  void keepConnectionFalseMakesTheDaemonConnectPerCheck() throws Exception {
    require(pgPort());
    AgentConfig config = new ConfigLoader(java.util.Map.of()).bind("probes:\n  - { name: " + name
        + ", type: postgres, host: 127.0.0.1, port: " + pgPort() + ", database: "
        + env("AGENT_TEST_PG_DATABASE", "agent_test") + ", user: " + env("AGENT_TEST_PG_USER", "agent_test")
        + ", passwordFile: " + secret(env("AGENT_TEST_PG_PASSWORD", "agent-test-pg"))
        + ", keepConnection: false }\n");
    assertThat(config.probes()).singleElement().extracting(p -> ((PostgresProbeConfig) p).keepConnection())
        .isEqualTo(false);

    Probe daemon = config.probes().get(0).toDaemonProbe(() -> vertx, JdkHttpFetcher.shared());
    assertThat(daemon.check().get().status()).isEqualTo(ProbeStatus.UP);

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pgBackends() == 0);
  }

  private long pgBackends() {
    Vertx admin = Vertx.vertx();
    try {
      PgConnection c = PgConnection.connect(admin, new PgConnectOptions().setHost("127.0.0.1").setPort(pgPort())
          .setDatabase(env("AGENT_TEST_PG_DATABASE", "agent_test")).setUser(env("AGENT_TEST_PG_USER", "agent_test"))
          .setPassword(env("AGENT_TEST_PG_PASSWORD", "agent-test-pg"))).await();
      try {
        return c.preparedQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1")
            .execute(Tuple.of("companyos-agent probe " + name)).await().iterator().next().getLong(0);
      } finally {
        c.close().await();
      }
    } finally {
      admin.close().await();
    }
  }

  private long redisClients() {
    Redis client = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString("redis://127.0.0.1:" + redisPort())
        .setPassword(env("AGENT_TEST_REDIS_PASSWORD", "agent-test-redis")));
    try {
      return RedisAPI.api(client).client(List.of("LIST")).await().toString().lines()
          .filter(l -> (" " + l + " ").contains(" name=companyos-agent-probe-" + name + " ")).count();
    } finally {
      client.close();
    }
  }

  private Path secret(String value) throws IOException {
    Path file = dir.resolve("secret-" + System.nanoTime());
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

  private static void require(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      throw new AssertionError("test server is not reachable on 127.0.0.1:" + port
          + ": run `bash .ci/services.sh start` first", e);
    }
  }
}
