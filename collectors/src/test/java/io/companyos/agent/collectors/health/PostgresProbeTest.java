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
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real PostgreSQL of {@code .ci/services.sh}. */
class PostgresProbeTest extends ProbeContractTest {

  static Vertx vertx;

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

  /**
   * The count the probe judges is the server's at the probe's own query, and other clients' backends come and go
   * meanwhile (a previous test's connections end a moment after it closed them): the test holds connections until they
   * pass 80 % of {@code max_connections}, counted on a connection it holds; when one that left brought the count the
   * probe saw back to 80 % or below, it tops up and checks again.
   */
  @Test
  void moreThanEightyPercentOfMaxConnectionsIsDegraded() throws Exception {
    List<PgConnection> held = new ArrayList<>();
    try {
      held.add(PgConnection.connect(vertx, connectOptions()).await());
      int max = held.get(0).query("SELECT current_setting('max_connections')::int").execute().await()
          .iterator().next().getInteger(0);
      // as many client backends as pass 80 % before the probe's own connection (a kept one is counted already)
      int degradedFrom = (int) Math.floor(0.8 * max) + 1;
      Probe probe = healthy("db");
      AtomicReference<ProbeResult> checked = new AtomicReference<>();
      org.awaitility.Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> {
        long clients = held.get(0).query("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
            .execute().await().iterator().next().getLong(0);
        for (long i = clients; i < degradedFrom; i++) {
          held.add(PgConnection.connect(vertx, connectOptions()).await());
        }
        ProbeResult result = probe.check().get();
        checked.set(result);
        Matcher seen = Pattern.compile(", (\\d+)/" + max + " connections").matcher(result.detail());
        return !seen.find() || Long.parseLong(seen.group(1)) > 0.8 * max;
      });

      ProbeResult result = checked.get();
      assertThat(result.status()).as(result.detail()).isEqualTo(ProbeStatus.DEGRADED);
      assertThat(result.detail()).endsWith("/" + max + " connections (above 80 %)");
    } finally {
      closeAndAwaitBackendsGone(held);
    }
  }

  /**
   * Closes the connections and returns once the server lists none of their backends: a backend ends a moment after its
   * client closed, and until then it counts, so a check right after this test would see more than 80 % (DEGRADED).
   */
  static void closeAndAwaitBackendsGone(List<PgConnection> connections) {
    String pids = connections.stream().map(c -> String.valueOf(c.processId()))
        .collect(java.util.stream.Collectors.joining(",", "(0,", ")"));
    Future.join(connections.stream().map(PgConnection::close).toList()).await();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> query("SELECT count(*) FROM pg_stat_activity WHERE pid IN " + pids).getLong(0) == 0);
  }

  @Test
  void timeoutsAgainstASilentPeerLeaveNoConnectionOpen() throws Exception {
    assertTimeoutsAgainstASilentPeerLeaveNoConnectionOpen(this::atPort);
  }

  @Test
  void aServerHangingInTheStartupGetsOneConnectionNotOnePerCheck() throws Exception {
    try (HangingStartupServer server = new HangingStartupServer()) {
      Probe probe = builder("hung").port(server.port()).timeout(Duration.ofMillis(150)).build();
      ProbeResult first = probe.check().get();
      assertThat(first.status()).isEqualTo(ProbeStatus.DOWN);
      assertThat(first.detail()).isEqualTo("timed out after 150 ms");
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> server.startups.get() == 1);
      for (int i = 0; i < 10; i++) {
        ProbeResult r = probe.check().get();
        assertThat(r.status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(r.detail()).matches("no answer yet to the connection opened \\d+ s ago; no new connection until it"
            + " ends");
      }
      assertThat(server.startups.get()).as("startup messages the server got from 11 checks").isEqualTo(1);
      assertThat(server.preflights.get()).as("each check's own SSLRequest socket").isEqualTo(11);

      server.dropHungConnections(); // the startup fails on the client's side: the next check connects again
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(probe.check().get().status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(server.startups.get()).isEqualTo(2);
      });
    }
  }

  /**
   * A PostgreSQL stand-in that answers an SSLRequest with "N" (no TLS) and then reads the client's startup message and
   * never answers it, as a server hanging in authentication does; it keeps those connections until told otherwise.
   */
  private static final class HangingStartupServer implements AutoCloseable {
    final java.util.concurrent.atomic.AtomicInteger startups = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger preflights = new java.util.concurrent.atomic.AtomicInteger();
    private final java.net.ServerSocket socket = TestServers.silentServer();
    private final java.util.List<java.net.Socket> hung = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread acceptor = new Thread(this::accept, "hanging-pg");

    HangingStartupServer() throws java.io.IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void accept() {
      while (!socket.isClosed()) {
        try {
          java.net.Socket s = socket.accept();
          Thread t = new Thread(() -> serve(s), "hanging-pg-conn");
          t.setDaemon(true);
          t.start();
        } catch (java.io.IOException e) {
          return;
        }
      }
    }

    private void serve(java.net.Socket s) {
      try {
        java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
        int length = in.readInt();
        int code = in.readInt();
        if (length == 8 && code == 80877103) {
          preflights.incrementAndGet();
          s.getOutputStream().write('N');
          s.getOutputStream().flush();
          length = in.readInt(); // the probe's own pre-flight closes here; a client going on sends its startup
          code = in.readInt();
        }
        in.readFully(new byte[length - 8]); // the rest of the startup message
        hung.add(s);
        startups.incrementAndGet();
      } catch (java.io.IOException e) {
        closeQuietly(s);
      }
    }

    void dropHungConnections() {
      hung.forEach(HangingStartupServer::closeQuietly);
      hung.clear();
    }

    private static void closeQuietly(java.net.Socket s) {
      try {
        s.close();
      } catch (java.io.IOException ignored) {
        // closing
      }
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
      dropHungConnections();
    }
  }

  /** The probe of the test server; {@link KeptPostgresProbeTest} runs every test again with a kept connection. */
  PostgresProbe.Builder builder(String name) {
    return PostgresProbe.builder(vertx, name)
        .host(TestServers.HOST)
        .port(TestServers.pgPort())
        .database(TestServers.pgDatabase())
        .user(TestServers.pgUser());
  }

  Path passwordFile(String content) throws Exception {
    return TestServers.secretFile(dir, "pg-password-" + System.nanoTime(), content);
  }

  static PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(TestServers.HOST)
        .setPort(TestServers.pgPort())
        .setDatabase(TestServers.pgDatabase())
        .setUser(TestServers.pgUser())
        .setPassword(TestServers.pgPassword());
  }

  static Row query(String sql) {
    return PgConnection.connect(vertx, connectOptions())
        .compose(c -> c.query(sql).execute().eventually(c::close))
        .await()
        .iterator()
        .next();
  }
}
