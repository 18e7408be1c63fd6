package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Redis of {@code .ci/services.sh}. */
class RedisProbeTest extends ProbeContractTest {

  static Vertx vertx;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    TestServers.require("Redis", TestServers.redisPort());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Override
  String type() {
    return "redis";
  }

  @Override
  Probe healthy(String name) throws Exception {
    return builder(name).passwordFile(passwordFile(TestServers.redisPassword() + "\n")).build();
  }

  @Override
  Probe atPort(String name, int port, Duration timeout) throws Exception {
    return builder(name).port(port).timeout(timeout)
        .passwordFile(passwordFile(TestServers.redisPassword())).build();
  }

  @Test
  void reportsVersionRoleMemoryAndClients() throws Exception {
    String version = admin(api -> api.info(List.of("server"))).toString()
        .lines().filter(l -> l.startsWith("redis_version:")).findFirst().orElseThrow()
        .substring("redis_version:".length());

    ProbeResult result = healthy("cache").check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.UP);
    assertThat(result.detail())
        .matches("Redis " + java.util.regex.Pattern.quote(version)
            + ", master, \\d+\\.\\d (KiB|MiB) used, \\d+ clients");
  }

  @Test
  void wrongPasswordIsDownWithoutThePassword() throws Exception {
    String wrong = "Wr0ng-redis-pa55word";
    Probe probe = builder("cache").passwordFile(passwordFile(wrong)).build();

    ProbeResult result = probe.check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail())
        .isEqualTo("WRONGPASS invalid username-password pair or user is disabled.")
        .doesNotContain(wrong);
  }

  @Test
  void noPasswordIsDownWithNoAuth() throws Exception {
    ProbeResult result = builder("cache").build().check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).startsWith("NOAUTH");
  }

  /**
   * On a redis-server of the test's own (maxmemory is server-wide: set on the shared server it would turn every other
   * Redis check running meanwhile DEGRADED, and outlive the test if its JVM died first); on the shared server, restored
   * to the value read before, only where redis-server is not on the PATH.
   */
  @Test
  void usedMemoryAboveNinetyPercentOfMaxmemoryIsDegraded() throws Exception {
    // 1 byte of maxmemory: any used memory is above 90 %; reads (PING, INFO) still work.
    if (OwnRedis.available()) {
      try (OwnRedis own = OwnRedis.start(dir, "maxmemory 1")) {
        assertDegradedAtOneByteOfMaxmemory(builder("cache").port(own.port())
            .passwordFile(passwordFile(OwnRedis.PASSWORD)).build());
      }
      return;
    }
    String before = maxmemory();
    admin(api -> api.config(List.of("SET", "maxmemory", "1")));
    try {
      assertDegradedAtOneByteOfMaxmemory(healthy("cache"));
    } finally {
      admin(api -> api.config(List.of("SET", "maxmemory", before)));
    }
  }

  private static void assertDegradedAtOneByteOfMaxmemory(Probe probe) throws Exception {
    ProbeResult result = probe.check().get();

    assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.DEGRADED);
    assertThat(result.detail())
        .contains(" used of 1 B maxmemory, ")
        .endsWith(" clients (above 90 % of maxmemory)");
  }

  /** The shared server's maxmemory (CONFIG GET answers a map in RESP3, a name-value array in RESP2). */
  static String maxmemory() {
    io.vertx.redis.client.Response r = admin(api -> api.config(List.of("GET", "maxmemory")));
    return (r.type() == io.vertx.redis.client.ResponseType.MULTI && r.size() == 2 && !r.getKeys().contains("maxmemory")
        ? r.get(1) : r.get("maxmemory")).toString();
  }

  /** The probe of the test server; {@link KeptRedisProbeTest} runs every test again with a kept connection. */
  RedisProbe.Builder builder(String name) {
    return RedisProbe.builder(name).host(TestServers.HOST).port(TestServers.redisPort());
  }

  Path passwordFile(String content) throws Exception {
    return TestServers.secretFile(dir, "redis-password-" + System.nanoTime(), content);
  }

  static io.vertx.redis.client.Response admin(
      java.util.function.Function<RedisAPI, io.vertx.core.Future<io.vertx.redis.client.Response>> call) {
    Redis client = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString("redis://" + TestServers.HOST + ":" + TestServers.redisPort())
        .setPassword(TestServers.redisPassword()));
    try {
      return call.apply(RedisAPI.api(client)).await();
    } finally {
      client.close();
    }
  }

  @Test
  void timeoutsAgainstASilentPeerLeaveNoConnectionOpen() throws Exception {
    assertTimeoutsAgainstASilentPeerLeaveNoConnectionOpen(this::atPort);
  }
}
