package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Redis probe as the daemon runs it, with its connection kept between checks: every test of {@link
 * RedisProbeTest} again, and the reuse itself, against the real Redis of {@code .ci/services.sh}.
 */
class KeptRedisProbeTest extends RedisProbeTest {

  @Override
  RedisProbe.Builder builder(String name) {
    return super.builder(name).keepConnection(true);
  }

  @Test
  void checksReuseOneConnection() throws Exception {
    RedisProbe probe = builder(uniqueName()).passwordFile(passwordFile(TestServers.redisPassword())).build();

    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    List<String> first = clients(probe);
    assertThat(first).hasSize(1);
    for (int i = 0; i < 3; i++) {
      ProbeResult result = probe.check().get();
      assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
      assertThat(clients(probe)).as("the probe's clients after check %d", i + 2).isEqualTo(first);
    }
  }

  @Test
  void aKilledClientIsReplacedAtTheNextCheck() throws Exception {
    RedisProbe probe = builder(uniqueName()).passwordFile(passwordFile(TestServers.redisPassword())).build();
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    String killed = clients(probe).get(0);

    admin(api -> api.client(List.of("KILL", "ID", killed)));
    assertThat(clients(probe)).isEmpty();

    ProbeResult result = probe.check().get();
    assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
    List<String> now = clients(probe);
    assertThat(now).hasSize(1).doesNotContain(killed);
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(clients(probe)).isEqualTo(now);
  }

  @Test
  void aWrongPasswordInTheFileIsReportedAtTheNextCheckDespiteTheKeptConnection() throws Exception {
    Path secret = passwordFile(TestServers.redisPassword());
    RedisProbe probe = builder(uniqueName()).passwordFile(secret).build();
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);

    String wrong = "Wr0ng-rotated-redis-pa55word";
    Files.writeString(secret, wrong);
    ProbeResult result = probe.check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail())
        .isEqualTo("WRONGPASS invalid username-password pair or user is disabled.")
        .doesNotContain(wrong);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> clients(probe).isEmpty());

    Files.writeString(secret, TestServers.redisPassword());
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(clients(probe)).hasSize(1);
  }

  @Test
  void aServerThatGoesAwayIsDownAndUpAgainWhenItIsBack() throws Exception {
    try (TcpProxy server = new TcpProxy(TestServers.redisPort())) {
      Probe probe = builder(uniqueName()).port(server.port())
          .passwordFile(passwordFile(TestServers.redisPassword())).build();
      for (int i = 0; i < 2; i++) {
        ProbeResult up = probe.check().get();
        assertThat(up.status()).as(up.detail()).isEqualTo(ProbeStatus.UP);
      }
      Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(server.connections()).as("connections through the proxy after two checks").isEqualTo(1));

      server.stop(); // the kept connection is dropped, and nothing listens
      ProbeResult gone = probe.check().get();
      assertThat(gone.status()).as(gone.detail()).isEqualTo(ProbeStatus.DOWN);
      assertThat(gone.detail()).startsWith("connection refused");

      server.start();
      ProbeResult back = probe.check().get();
      assertThat(back.status()).as(back.detail()).isEqualTo(ProbeStatus.UP);
      assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
      Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(server.connections()).as("connections through the proxy after the restart").isEqualTo(1));
    }
  }

  @Test
  void aKeptConnectionThatHangsIsDownAfterTheTimeoutAndTheNextCheckConnectsAnew() throws Exception {
    try (TcpProxy server = new TcpProxy(TestServers.redisPort())) {
      Probe probe = builder(uniqueName()).port(server.port()).timeout(Duration.ofMillis(400))
          .passwordFile(passwordFile(TestServers.redisPassword())).build();
      assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);

      server.pause(); // the kept connection's server stops answering
      ProbeResult hung = probe.check().get();
      assertThat(hung.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(hung.detail()).isEqualTo("timed out after 400 ms");

      server.resume();
      ProbeResult next = probe.check().get();
      assertThat(next.status()).as(next.detail()).isEqualTo(ProbeStatus.UP);
      // the hung connection is closed a second after its timeout; the new one stays
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.connections() == 1);
      assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionOlderThanItsLifetimeIsReplaced() throws Exception {
    RedisProbe probe = builder(uniqueName()).connectionLifetime(Duration.ofMillis(1))
        .passwordFile(passwordFile(TestServers.redisPassword())).build();
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    String old = clients(probe).get(0);
    Thread.sleep(5); // older than its lifetime of 1 ms

    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(clients(probe)).hasSize(1).doesNotContain(old));
  }

  private static String uniqueName() {
    return "kept-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The ids of the server's clients named as the probe names its connection. */
  private static List<String> clients(RedisProbe probe) {
    return admin(api -> api.client(List.of("LIST"))).toString().lines()
        .filter(l -> (" " + l + " ").contains(" name=" + probe.clientName() + " "))
        .map(l -> l.replaceAll("^id=(\\d+) .*", "$1"))
        .toList();
  }
}
