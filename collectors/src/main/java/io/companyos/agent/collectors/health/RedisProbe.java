package io.companyos.agent.collectors.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Redis: {@code PING}, then from {@code INFO} the role, used memory against {@code maxmemory}
 * (DEGRADED above 90 % by default) and connected clients. One connection per check; or, with {@link
 * Builder#keepConnection}, one connection kept open between checks and reused (see there). Both speak the protocol
 * through {@link RespConnection} (the four commands a check needs) on the probes' socket channel group: a kept
 * Vert.x Redis connection pinned a chunk of Netty's buffer pool (+2.5 MiB resident), and one client for both paths
 * keeps what a one-shot check and the daemon's kept connection do the same.
 */
public final class RedisProbe implements Probe {

  private final String name;
  private final String host;
  private final int port;
  private final String user;
  private final Path passwordFile;
  private final Duration timeout;
  private final double degradedMemoryRatio;
  private final boolean keepConnection;
  /** The connection kept between checks ({@link Builder#keepConnection}). */
  private final KeptConnection<RespConnection> kept;

  private RedisProbe(Builder b) {
    this.name = b.name;
    this.host = b.host;
    this.port = b.port;
    this.user = b.user;
    this.passwordFile = b.passwordFile;
    this.timeout = b.timeout;
    this.degradedMemoryRatio = b.degradedMemoryRatio;
    this.keepConnection = b.keepConnection;
    this.kept = new KeptConnection<>(b.connectionLifetime, b.timeout, RespConnection::close);
  }

  /** A probe named {@code name}; its connections use the probes' socket channel group (see AsyncSockets). */
  public static Builder builder(String name) {
    return new Builder(name);
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
    if (passwordFile != null) {
      password.set(SecretFile.read("passwordFile", passwordFile));
    }
    // one connection for this check, closed at its end whatever the outcome
    return connect(password.get()).thenCompose(k -> {
      RespConnection connection = k.connection();
      return commands(connection).whenComplete((verdict, error) -> connection.close());
    });
  }

  private CompletableFuture<Verdict> pingKept(AtomicReference<String> password) {
    if (passwordFile != null) {
      password.set(SecretFile.read("passwordFile", passwordFile));
    }
    return kept.check(password.get(), this::info, () -> connect(password.get()).thenCompose(this::info));
  }

  /**
   * A new kept connection: AUTH (with the user when set) when there is a password, then CLIENT SETNAME. Its reads
   * give up a second after the probe's timeout and close the socket (a server that accepts and never answers).
   */
  private CompletableFuture<KeptConnection.Held<RespConnection>> connect(String password) {
    return RespConnection.connect(host, port, timeout.plusSeconds(1)).thenCompose(connection -> {
      CompletableFuture<String> auth = password == null
          ? CompletableFuture.completedFuture(null)
          : user == null ? connection.send("AUTH", password) : connection.send("AUTH", user, password);
      return auth
          // named so that CLIENT LIST shows whose connection it is; a user whose ACL forbids CLIENT is still probed
          .thenCompose(ok -> connection.send("CLIENT", "SETNAME", clientName())
              .handle((named, error) -> (Void) null))
          .thenApply(named -> KeptConnection.Held.opened(connection, password))
          .whenComplete((opened, error) -> {
            if (error != null) {
              connection.close();
            }
          });
    });
  }

  /** The check's commands on a kept connection: on success it is kept again, on failure closed. */
  private CompletableFuture<Verdict> info(KeptConnection.Held<RespConnection> k) {
    RespConnection connection = k.connection();
    return commands(connection)
        .whenComplete((verdict, error) -> {
          if (error == null) {
            kept.keep(k);
          } else {
            connection.close();
          }
        });
  }

  /** The check's commands: PING, then INFO, judged. */
  private CompletableFuture<Verdict> commands(RespConnection connection) {
    return connection.send("PING")
        .thenCompose(pong -> connection.send("INFO"))
        .thenApply(info -> judge(RedisInfo.parse(info)));
  }

  /** The connection's client name: "companyos-agent-probe-" and the probe's name, spaces and the like as "_". */
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

  /** Options of a {@link RedisProbe}. */
  public static final class Builder {
    private final String name;
    private String host = "localhost";
    private int port = 6379;
    private String user;
    private Path passwordFile;
    private Duration timeout = Duration.ofSeconds(5);
    private double degradedMemoryRatio = 0.9;
    private boolean keepConnection;
    private Duration connectionLifetime = PostgresProbe.DEFAULT_CONNECTION_LIFETIME;

    private Builder(String name) {
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
     * does; default false: one connection per check, closed at its end). The server sees one client and one authentication
     * per probe instead of one every interval. The kept connection is closed and the check connects anew — its
     * verdict that of the new connection, so a refused connection or a failed authentication shows as without a kept
     * one — when a command on it fails (the server restarted, the client was killed, the server's idle timeout), when
     * it does not answer within the timeout (then closed a second after it), when the password file's content
     * changed, and when it is older than {@link #connectionLifetime}. The caller closes nothing: a kept connection
     * holds only its socket, closed when the process ends.
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
      this.connectionLifetime = ProbeArguments.checkPositive("connectionLifetime", lifetime);
      return this;
    }

    public RedisProbe build() {
      return new RedisProbe(this);
    }
  }
}
