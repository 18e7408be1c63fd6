package io.companyos.agent.collectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real PostgreSQL of {@code .ci/services.sh}. */
class PostgresProbeTest extends ProbeContractTest {

  private static Vertx vertx;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    TestServers.require("PostgreSQL", TestServers.pgPort());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Override
  String type() {
    return "postgres";
  }

  @Override
  Probe healthy(String name) throws Exception {
    return builder(name).passwordFile(passwordFile(TestServers.pgPassword() + "\n")).build();
  }

  @Override
  Probe atPort(String name, int port, Duration timeout) throws Exception {
    return builder(name).port(port).timeout(timeout)
        .passwordFile(passwordFile(TestServers.pgPassword())).build();
  }

  @Test
  void reportsVersionRoleAndConnections() throws Exception {
    Row facts = query("SELECT current_setting('server_version'), current_setting('max_connections')");

    java.util.Locale saved = java.util.Locale.getDefault();
    ProbeResult result;
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("fa-IR")); // Persian digits, were in the detail
      result = healthy("db").check().get();
    } finally {
      java.util.Locale.setDefault(saved);
    }

    assertThat(result.status()).isEqualTo(ProbeStatus.UP);
    assertThat(result.detail())
        .matches("PostgreSQL " + java.util.regex.Pattern.quote(facts.getString(0))
            + ", primary, [0-9]+/" + facts.getString(1) + " connections");
  }

  @Test
  void wrongPasswordIsDownWithoutThePassword() throws Exception {
    String wrong = "Wr0ng-pa55word-for-test";
    Probe probe = builder("db").passwordFile(passwordFile(wrong)).build();

    ProbeResult result = probe.check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail())
        .isEqualTo("FATAL: password authentication failed for user \"" + TestServers.pgUser()
            + "\" (28P01)")
        .doesNotContain(wrong);
  }

  @Test
  void missingPasswordFileIsDown() throws Exception {
    Path missing = dir.resolve("no-such-secret");
    Probe probe = builder("db").passwordFile(missing).build();

    ProbeResult result = probe.check().get();

    assertThat(result.status()).isEqualTo(ProbeStatus.DOWN);
    assertThat(result.detail()).isEqualTo("cannot read passwordFile " + missing);
  }

  @Test
  void moreThanEightyPercentOfMaxConnectionsIsDegraded() throws Exception {
    Row facts = query(
        "SELECT current_setting('max_connections')::int,"
            + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')");
    int max = facts.getInteger(0);
    // The probe's own connection counts too: hold enough that, with it, the count passes 80 %.
    int toHold = (int) Math.floor(0.8 * max) + 1 - (int) (long) facts.getLong(1);
    List<PgConnection> held = new ArrayList<>();
    try {
      for (int i = 0; i < toHold; i++) {
        held.add(PgConnection.connect(vertx, connectOptions()).await());
      }

      ProbeResult result = healthy("db").check().get();

      assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.DEGRADED);
      assertThat(result.detail()).endsWith("/" + max + " connections (above 80 %)");
    } finally {
      Future.join(held.stream().map(PgConnection::close).toList()).await();
    }
  }

  @Test
  void timeoutsAgainstASilentPeerLeaveNoConnectionOpen() throws Exception {
    assertTimeoutsAgainstASilentPeerLeaveNoConnectionOpen(this::atPort);
  }

  private PostgresProbe.Builder builder(String name) {
    return PostgresProbe.builder(vertx, name)
        .host(TestServers.HOST)
        .port(TestServers.pgPort())
        .database(TestServers.pgDatabase())
        .user(TestServers.pgUser());
  }

  private Path passwordFile(String content) throws Exception {
    return TestServers.secretFile(dir, "pg-password-" + System.nanoTime(), content);
  }

  private static PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(TestServers.HOST)
        .setPort(TestServers.pgPort())
        .setDatabase(TestServers.pgDatabase())
        .setUser(TestServers.pgUser())
        .setPassword(TestServers.pgPassword());
  }

  private static Row query(String sql) {
    return PgConnection.connect(vertx, connectOptions())
        .compose(c -> c.query(sql).execute().eventually(c::close))
        .await()
        .iterator()
        .next();
  }
}
