package io.companyos.agent.collectors.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Redis: {@code PING}, then from {@code INFO} the role, used memory against {@code maxmemory}
 * (DEGRADED above 90 % by default) and connected clients. One connection per check; or, with {@link
 * Builder#keepConnection}, one connection kept open between checks and reused (see there).
 */
public final class RedisProbe implements Probe {

  private final Vertx vertx;
  private final String name;
  private final String host;
  private final int port;
  private final String user;
  private final Path passwordFile;
  private final Duration timeout;
  private final double degradedMemoryRatio;
  private final boolean keepConnection;
  private final Duration connectionLifetime;
  /** The connection kept between checks ({@link Builder#keepConnection}); taken by the check that uses it. */
  private final AtomicReference<Kept> kept = new AtomicReference<>();
  /** A new connection's set-up that has not ended yet (keepConnection): later checks wait for it, not open another. */
  private final AtomicReference<Future<Kept>> connecting = new AtomicReference<>();

  /** A kept connection, its client, the password it authenticated with and when it was opened. */
  private record Kept(Redis client, RedisConnection connection, String password, long openedAt) {
    void close() {
      connection.close().onComplete(done -> client.close());
    }
  }

  /**
   * The socket idle timeout of a kept connection: long enough to outlast the pauses between checks (a connection idle
   * longer is closed, and the next check connects anew), and what closes a connection whose set-up never ended.
   */
  static final Duration KEPT_IDLE_TIMEOUT = Duration.ofMinutes(10);

  private RedisProbe(Builder b) {
    this.vertx = b.vertx;
    this.name = b.name;
    this.host = b.host;
    this.port = b.port;
    this.user = b.user;
    this.passwordFile = b.passwordFile;
    this.timeout = b.timeout;
    this.degradedMemoryRatio = b.degradedMemoryRatio;
    this.keepConnection = b.keepConnection;
    this.connectionLifetime = b.connectionLifetime;
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
    return "redis";
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public CompletableFuture<ProbeResult> check() {
    AtomicReference<String> password = new AtomicReference<>();
    return TimedCheck.run(this, () -> ping(password), password::get);
  }

  private CompletableFuture<Verdict> ping(AtomicReference<String> password) {
    if (keepConnection) {
      return pingKept(password);
    }
    RedisOptions options =
        new RedisOptions()
            .setConnectionString("redis://" + hostForUri() + ":" + port)
            .setMaxPoolSize(1)
            .setNetClientOptions(
                new NetClientOptions()
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                    // a server that accepts and never answers: the socket is closed a second after the probe gave
                    // up (not before: the probe's own timeout is what reports), not kept for good
                    .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis() + 1000))
                    .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
    if (user != null) {
      options.setUser(user);
    }
    if (passwordFile != null) {
      password.set(SecretFile.read("passwordFile", passwordFile));
      options.setPassword(password.get());
    }
    Redis client = Redis.createClient(vertx, options);
    Future<Verdict> verdict =
        client.connect()
            .compose(
                connection -> connection.send(Request.cmd(Command.PING))
                    .compose(pong -> connection.send(Request.cmd(Command.INFO)))
                    .map(info -> judge(RedisInfo.parse(info.toString())))
                    .eventually(connection::close))
            .eventually(() -> {
              client.close();
              return Future.succeededFuture();
            });
    return verdict.toCompletionStage().toCompletableFuture();
  }

  private CompletableFuture<Verdict> pingKept(AtomicReference<String> password) {
    if (passwordFile != null) {
      password.set(SecretFile.read("passwordFile", passwordFile));
    }
    Kept k = kept.getAndSet(null);
    if (k != null) {
      if (Objects.equals(k.password(), password.get())
          && System.nanoTime() - k.openedAt() < connectionLifetime.toNanos()) {
        // any failure of the kept connection (the server restarted, the client was killed): closed, and this check's
        // verdict is that of a new connection, as without a kept one
        return info(k).toCompletionStage().toCompletableFuture()
            .exceptionallyCompose(e -> connect(password.get()).compose(this::info).toCompletionStage());
      }
      k.close(); // the password file changed, or the connection is old: authenticate again
    }
    return connect(password.get()).compose(this::info).toCompletionStage().toCompletableFuture();
  }

  /**
   * A new kept connection. While the set-up of one has not ended (a server that accepts and never answers), later
   * checks wait for that one instead of opening another; its socket is closed by the idle timeout.
   */
  private Future<Kept> connect(String password) {
    Future<Kept> pending = connecting.get();
    if (pending != null) {
      return pending;
    }
    RedisOptions options =
        new RedisOptions()
            .setConnectionString("redis://" + hostForUri() + ":" + port)
            .setMaxPoolSize(1)
            .setNetClientOptions(
                new NetClientOptions()
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                    .setIdleTimeout((int) Math.max(KEPT_IDLE_TIMEOUT.toMillis(), timeout.toMillis() + 1000))
                    .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
    if (user != null) {
      options.setUser(user);
    }
    if (password != null) {
      options.setPassword(password);
    }
    Redis client = Redis.createClient(vertx, options);
    Future<Kept> opening = client.connect()
        // named so that CLIENT LIST shows whose connection it is; a user whose ACL forbids CLIENT is still probed
        .compose(connection -> connection.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(clientName()))
            .transform(named -> Future.succeededFuture(connection)))
        .map(connection -> new Kept(client, connection, password, System.nanoTime()))
        .onFailure(e -> client.close());
    if (!connecting.compareAndSet(null, opening)) {
      client.close();
      return connecting.get() == null ? connect(password) : connecting.get();
    }
    opening.onComplete(done -> connecting.compareAndSet(opening, null));
    return opening;
  }

  /**
   * The check's commands on a kept connection. On success the connection is kept again; on failure, or when it has
   * not answered a second after the probe's timeout (a server or network that hangs), it is closed.
   */
  private Future<Verdict> info(Kept k) {
    RedisConnection connection = k.connection();
    long timer = vertx.setTimer(timeout.toMillis() + 1000, id -> k.close());
    return connection.send(Request.cmd(Command.PING))
        .compose(pong -> connection.send(Request.cmd(Command.INFO)))
        .map(info -> judge(RedisInfo.parse(info.toString())))
        .andThen(done -> {
          vertx.cancelTimer(timer);
          if (done.succeeded()) {
            Kept other = kept.getAndSet(k);
            if (other != null && other != k) { // a check that ran meanwhile opened its own
              other.close();
            }
          } else {
            k.close();
          }
        });
  }

  /** The kept connection's client name: "companyos-agent-probe-" and the probe's name, spaces and the like as "_". */
  String clientName() {
    return "companyos-agent-probe-" + name.replaceAll("[^A-Za-z0-9._:-]", "_");
  }

  private Verdict judge(RedisInfo info) {
    StringBuilder detail = new StringBuilder()
        .append("Redis ").append(info.version()).append(", ").append(info.role())
        .append(", ").append(bytes(info.usedMemory())).append(" used");
    if (info.maxMemory() > 0) {
      detail.append(" of ").append(bytes(info.maxMemory())).append(" maxmemory");
    }
    detail.append(", ").append(info.clients()).append(" clients");
    if (info.maxMemory() > 0 && info.usedMemory() > degradedMemoryRatio * info.maxMemory()) {
      return Verdict.degraded(
          detail + " (above " + PostgresProbe.percent(degradedMemoryRatio) + " of maxmemory)");
    }
    return Verdict.up(detail.toString());
  }

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private String hostForUri() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Options of a {@link RedisProbe}. */
  public static final class Builder {
    private final Vertx vertx;
    private final String name;
    private String host = "localhost";
    private int port = 6379;
    private String user;
    private Path passwordFile;
    private Duration timeout = Duration.ofSeconds(5);
    private double degradedMemoryRatio = 0.9;
    private boolean keepConnection;
    private Duration connectionLifetime = PostgresProbe.DEFAULT_CONNECTION_LIFETIME;

    private Builder(Vertx vertx, String name) {
      this.vertx = Objects.requireNonNull(vertx, "vertx");
      this.name = ProbeArguments.check(name);
    }

    /** Server host. Default {@code localhost}. */
    public Builder host(String host) {
      this.host = ProbeArguments.checkHost(host);
      return this;
    }

    /** Server port. Default 6379. */
    public Builder port(int port) {
      this.port = ProbeArguments.checkPort(port);
      return this;
    }

    /** ACL user (Redis 6+). Default none: the password alone authenticates the default user. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** File holding the password, read at every check. Default none. */
    public Builder passwordFile(Path passwordFile) {
      this.passwordFile = Objects.requireNonNull(passwordFile, "passwordFile");
      return this;
    }

    /** Time allowed for connecting, PING and INFO. Default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = ProbeArguments.checkTimeout(timeout);
      return this;
    }

    /** Share of {@code maxmemory} above which the probe is DEGRADED. Default 0.9. */
    public Builder degradedMemoryRatio(double ratio) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("degradedMemoryRatio must be in (0, 1], got " + ratio);
      }
      this.degradedMemoryRatio = ratio;
      return this;
    }

    /**
     * Keep the connection open between checks and send the next check's PING and INFO on it (as a long-running daemon
     * does; default false: one connection per check). The server then sees one client and one authentication per
     * probe instead of one every interval, and the probe runs far less code per check. The kept connection is closed
     * and the check connects anew — its verdict that of the new connection, so a refused connection or a failed
     * authentication shows as without a kept one — when a command on it fails (the server restarted, the client was
     * killed), when it does not answer within the timeout (then closed a second after it), when the password file's
     * content changed, when it is older than {@link #connectionLifetime}, and when it was idle for 10 minutes. While
     * a new connection's set-up has not ended (a server that accepts and never answers), later checks wait for it
     * instead of opening another. The caller closes the connection by closing the Vert.x instance.
     */
    public Builder keepConnection(boolean keep) {
      this.keepConnection = keep;
      return this;
    }

    /**
     * How long a kept connection is reused before the check authenticates anew (so a password or ACL changed on the
     * server shows within this time). Default 1 hour.
     */
    public Builder connectionLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("connectionLifetime must be positive, got " + lifetime);
      }
      this.connectionLifetime = lifetime;
      return this;
    }

    public RedisProbe build() {
      return new RedisProbe(this);
    }
  }
}
