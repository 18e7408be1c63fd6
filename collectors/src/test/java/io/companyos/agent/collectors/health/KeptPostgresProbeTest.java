package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL probe as the daemon runs it, with its connection kept between checks: every test of {@link
 * PostgresProbeTest} again, and the reuse itself, against the real PostgreSQL of {@code .ci/services.sh}.
 */
class KeptPostgresProbeTest extends PostgresProbeTest {

  @Override
  PostgresProbe.Builder builder(String name) {
    return super.builder(name).keepConnection(true);
  }

  @Test
  void checksReuseOneConnection() throws Exception {
    String name = uniqueName();
    Probe probe = builder(name).passwordFile(passwordFile(TestServers.pgPassword())).build();

    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    List<Integer> first = backends(name);
    assertThat(first).hasSize(1);
    for (int i = 0; i < 3; i++) {
      ProbeResult result = probe.check().get();
      assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
      assertThat(backends(name)).as("the probe's backends after check %d", i + 2).isEqualTo(first);
    }
  }

  @Test
  void aTerminatedBackendIsReplacedAtTheNextCheck() throws Exception {
    String name = uniqueName();
    Probe probe = builder(name).passwordFile(passwordFile(TestServers.pgPassword())).build();
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    int killed = backends(name).get(0);

    assertThat(query("SELECT pg_terminate_backend(" + killed + ")").getBoolean(0)).isTrue();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> backends(name).isEmpty());

    ProbeResult result = probe.check().get();
    assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.UP);
    List<Integer> now = backends(name);
    assertThat(now).hasSize(1).doesNotContain(killed);
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(backends(name)).isEqualTo(now);
  }

  @Test
  void aWrongPasswordInTheFileIsReportedAtTheNextCheckDespiteTheKeptConnection() throws Exception {
    String name = uniqueName();
    Path secret = passwordFile(TestServers.pgPassword());
    Probe probe = builder(name).passwordFile(secret).build();
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);

    String wrong = "Wr0ng-rotated-pa55word";
    Files.writeString(secret, wrong);
    ProbeResult result = probe.check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail())
        .isEqualTo("FATAL: password authentication failed for user \"" + TestServers.pgUser() + "\" (28P01)")
        .doesNotContain(wrong);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> backends(name).isEmpty());

    Files.writeString(secret, TestServers.pgPassword());
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    assertThat(backends(name)).hasSize(1);
  }

  @Test
  void aServerThatGoesAwayIsDownAndUpAgainWhenItIsBack() throws Exception {
    try (TcpProxy server = new TcpProxy(TestServers.pgPort())) {
      Probe probe = builder(uniqueName()).port(server.port())
          .passwordFile(passwordFile(TestServers.pgPassword())).build();
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
    try (TcpProxy server = new TcpProxy(TestServers.pgPort())) {
      Probe probe = builder(uniqueName()).port(server.port()).timeout(Duration.ofMillis(400))
          .passwordFile(passwordFile(TestServers.pgPassword())).build();
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
    String name = uniqueName();
    Probe probe = builder(name).connectionLifetime(Duration.ofMillis(1))
        .passwordFile(passwordFile(TestServers.pgPassword())).build();
    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);
    int old = backends(name).get(0);
    Thread.sleep(5); // older than its lifetime of 1 ms

    assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.UP);

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(backends(name)).hasSize(1).doesNotContain(old));
  }

  private static String uniqueName() {
    return "kept-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The process ids of the backends of the probe called {@code name} (its {@code application_name}). */
  private static List<Integer> backends(String name) {
    PgConnection admin = PgConnection.connect(vertx, connectOptions()).await();
    try {
      List<Integer> pids = new ArrayList<>();
      for (Row row : admin.preparedQuery("SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid")
          .execute(Tuple.of("companyos-agent probe " + name)).await()) {
        pids.add(row.getInteger(0));
      }
      return pids;
    } finally {
      admin.close().await();
    }
  }
}
