package io.companyos.agent.collectors.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * PostgreSQL: connects with the Vert.x PostgreSQL client, runs {@code SELECT 1}, then reads the
 * server version, client connections against {@code max_connections}, and whether the server is a
 * replica. DEGRADED when connections exceed the threshold (default 80 %) of {@code
 * max_connections}. One connection per check, closed at its end; or, with {@link Builder#keepConnection}, one
 * connection kept open between checks and reused (see there). Its connections carry the {@code application_name}
 * "companyos-agent probe NAME".
 */
public final class PostgresProbe implements Probe {

  static final String STATS_QUERY =
      "SELECT current_setting('server_version'),"
          + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'),"
          + " current_setting('max_connections')::int,"
          + " pg_is_in_recovery()";

  private final Vertx vertx;
  private final String name;
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final Path passwordFile;
  private final Duration timeout;
  private final double degradedConnectionRatio;
  /**
   * When the connection of an earlier check was opened ({@link System#nanoTime}) if its startup has not finished yet,
   * else null. See {@link #query}.
   */
  private final AtomicReference<Long> startupPendingSince = new AtomicReference<>();
  /** How long a kept connection is reused before a check authenticates anew, by default. */
  public static final Duration DEFAULT_CONNECTION_LIFETIME = Duration.ofHours(1);
  /** After this long a startup that never finished no longer holds back a new connection. */
  static final Duration STARTUP_ABANDONED_AFTER = Duration.ofMinutes(10);
  private final boolean keepConnection;
  /** The connection kept between checks ({@link Builder#keepConnection}). */
  private final KeptConnection<PgConnection> kept;

  private PostgresProbe(Builder b) {
    this.vertx = b.vertx;
    this.name = b.name;
    this.host = b.host;
    this.port = b.port;
    this.database = b.database;
    this.user = b.user;
    this.passwordFile = b.passwordFile;
    this.timeout = b.timeout;
    this.degradedConnectionRatio = b.degradedConnectionRatio;
    this.keepConnection = b.keepConnection;
    this.kept = new KeptConnection<>(b.connectionLifetime, b.timeout, PgConnection::close);
  }

  /** A probe that runs its client on {@code vertx}; the caller owns and closes {@code vertx}. */
  public static Builder builder(Vertx vertx, String name) {
    return new Builder(vertx, name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "postgres";
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public CompletableFuture<ProbeResult> check() {
    AtomicReference<String> password = new AtomicReference<>();
    return TimedCheck.run(this, () -> query(password), password::get);
  }

  private CompletableFuture<Verdict> query(AtomicReference<String> password) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(host)
            .setPort(port)
            .setDatabase(database)
            .setUser(user)
            .setReconnectAttempts(0)
            .addProperty("application_name", "companyos-agent probe " + name); // whose connection, in pg_stat_activity
    if (passwordFile != null) {
      password.set(SecretFile.read("passwordFile", passwordFile));
      options.setPassword(password.get());
    }
    if (keepConnection) {
      return kept.check(password.get(), k -> stats(k).toCompletionStage().toCompletableFuture(),
          () -> connect(options, password.get()));
    }
    return connect(options, password.get());
  }

  /**
   * The check's queries on a kept connection. On success the connection is kept again; on failure, or when it has not
   * answered a second after the probe's timeout (a server or network that hangs), it is closed.
   */
  private Future<Verdict> stats(KeptConnection.Held<PgConnection> k) {
    PgConnection connection = k.connection();
    long timer = vertx.setTimer(timeout.toMillis() + 1000, id -> connection.close());
    return queries(connection)
        .andThen(done -> {
          vertx.cancelTimer(timer);
          if (done.succeeded()) {
            kept.keep(k);
          } else {
            connection.close();
          }
        });
  }

  /** The check's queries: SELECT 1, then the statistics, judged. */
  private Future<Verdict> queries(PgConnection connection) {
    return connection.query("SELECT 1").execute()
        .compose(one -> connection.query(STATS_QUERY).execute())
        .map(rows -> judge(rows.iterator().next()));
  }

  private CompletableFuture<Verdict> connect(PgConnectOptions options, String password) {
    return answersSslRequest().thenCompose(answered -> {
      // A server that answers the SSLRequest and then hangs in the startup (authentication) keeps the client's socket
      // and a backend of its own; the Vert.x client cannot be told to give up on it. So while one check's connection
      // is still waiting for its startup, later checks open no further connection (a server in trouble is not given
      // one more every interval) and report that instead; once the startup ends either way, checks connect again.
      long now = System.nanoTime();
      Long pending = startupPendingSince.get();
      if (pending != null && now - pending < STARTUP_ABANDONED_AFTER.toNanos()) {
        return CompletableFuture.completedFuture(Verdict.down(String.format(Locale.ROOT,
            "no answer yet to the connection opened %d s ago; no new connection until it ends",
            Duration.ofNanos(now - pending).toSeconds())));
      }
      Long mine = now; // compared by identity below
      startupPendingSince.set(mine);
      Future<PgConnection> connecting = PgConnection.connect(vertx, options);
      connecting.onComplete(done -> startupPendingSince.compareAndSet(mine, null));
      Future<Verdict> verdict =
          keepConnection
              ? connecting.compose(connection -> stats(KeptConnection.Held.opened(connection, password)))
              : connecting.compose(connection -> queries(connection).eventually(connection::close));
      return verdict.toCompletionStage();
    });
  }

  /**
   * Pre-flight on a socket of our own: send an SSLRequest and wait for the server's one-byte answer, then close. The
   * Vert.x 5.0 pg client has no handshake timeout, ignores the NetClientOptions of PgBuilder (so no idle timeout),
   * and neither closing the client nor the connection factory closes a socket whose startup never completed: a
   * server that accepts and never answers would keep one socket per check for good. Here the read gives up a second
   * after the probe's own timeout and the socket is closed. PostgreSQL logs nothing for a client that closes after
   * the answer to an SSLRequest (it is what a client that dislikes the answer does).
   */
  private CompletableFuture<Void> answersSslRequest() {
    return AsyncSockets.connect(host, port).thenCompose(channel ->
        AsyncSockets.writeFully(channel, sslRequest())
            .thenCompose(written ->
                AsyncSockets.readFully(channel, ByteBuffer.allocate(1), timeout.plusSeconds(1)))
            .whenComplete((answer, error) -> AsyncSockets.closeQuietly(channel))
            .thenApply(answer -> null));
  }

  /** The 8-byte SSLRequest of the PostgreSQL protocol: length 8, code 80877103. */
  static ByteBuffer sslRequest() {
    return ByteBuffer.allocate(8).putInt(8).putInt(80877103).flip();
  }

  private Verdict judge(Row row) {
    String version = row.getString(0);
    long connections = row.getLong(1);
    int max = row.getInteger(2);
    boolean replica = row.getBoolean(3);
    String detail = String.format(Locale.ROOT,
        "PostgreSQL %s, %s, %d/%d connections",
        version, replica ? "replica" : "primary", connections, max);
    if (connections > degradedConnectionRatio * max) {
      return Verdict.degraded(detail + " (above " + percent(degradedConnectionRatio) + ")");
    }
    return Verdict.up(detail);
  }

  static String percent(double ratio) {
    return Math.round(ratio * 100) + " %";
  }

  /** Options of a {@link PostgresProbe}. */
  public static final class Builder {
    private final Vertx vertx;
    private final String name;
    private String host = "localhost";
    private int port = 5432;
    private String database = "postgres";
    private String user = "postgres";
    private Path passwordFile;
    private Duration timeout = Duration.ofSeconds(5);
    private double degradedConnectionRatio = 0.8;
    private boolean keepConnection;
    private Duration connectionLifetime = DEFAULT_CONNECTION_LIFETIME;

    private Builder(Vertx vertx, String name) {
      this.vertx = Objects.requireNonNull(vertx, "vertx");
      this.name = ProbeArguments.check(name);
    }

    /** Server host. Default {@code localhost}. */
    public Builder host(String host) {
      this.host = ProbeArguments.checkHost(host);
      return this;
    }

    /** Server port. Default 5432. */
    public Builder port(int port) {
      this.port = ProbeArguments.checkPort(port);
      return this;
    }

    /** Database to connect to. Default {@code postgres}. */
    public Builder database(String database) {
      this.database = Objects.requireNonNull(database, "database");
      return this;
    }

    /** User to connect as. Default {@code postgres}. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** File holding the password, read at every check. Default none (trust or peer auth). */
    public Builder passwordFile(Path passwordFile) {
      this.passwordFile = Objects.requireNonNull(passwordFile, "passwordFile");
      return this;
    }

    /** Time allowed for connecting and both queries. Default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = ProbeArguments.checkTimeout(timeout);
      return this;
    }

    /** Share of {@code max_connections} above which the probe is DEGRADED. Default 0.8. */
    public Builder degradedConnectionRatio(double ratio) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("degradedConnectionRatio must be in (0, 1], got " + ratio);
      }
      this.degradedConnectionRatio = ratio;
      return this;
    }

    /**
     * Keep the connection open between checks and run the next check's queries on it (as a long-running daemon
     * does; default false: one connection per check). The server then sees one connection and one authentication
     * per probe instead of one every interval, and the probe runs far less code per check. The kept connection is
     * closed and the check connects anew — its verdict that of the new connection, so a refused connection or a
     * failed authentication shows as without a kept one — when any query on it fails (the server restarted, the
     * backend was terminated), when it does not answer within the timeout (then closed a second after it), when the
     * password file's content changed, and when it is older than {@link #connectionLifetime}. The caller closes it
     * by closing the Vert.x instance.
     */
    public Builder keepConnection(boolean keep) {
      this.keepConnection = keep;
      return this;
    }

    /**
     * How long a kept connection is reused before the check authenticates anew (so a password changed on the
     * server, a pg_hba.conf change or a revoked LOGIN shows within this time). Default 1 hour.
     */
    public Builder connectionLifetime(Duration lifetime) {
      this.connectionLifetime = ProbeArguments.checkPositive("connectionLifetime", lifetime);
      return this;
    }

    public PostgresProbe build() {
      return new PostgresProbe(this);
    }
  }
}
