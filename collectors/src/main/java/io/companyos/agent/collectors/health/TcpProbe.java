package io.companyos.agent.collectors.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** UP when a TCP connection to host:port is accepted within the timeout. */
public final class TcpProbe implements Probe {

  private final String name;
  private final String host;
  private final int port;
  private final Duration timeout;

  private TcpProbe(Builder b) {
    this.name = b.name;
    this.host = b.host;
    this.port = b.port;
    this.timeout = b.timeout;
  }

  public static Builder builder(String name, String host, int port) {
    return new Builder(name, host, port);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "tcp";
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public CompletableFuture<ProbeResult> check() {
    return TimedCheck.run(this, this::connect, () -> null);
  }

  private CompletableFuture<Verdict> connect() {
    return AsyncSockets.connect(host, port)
        .thenApply(
            channel -> {
              AsyncSockets.closeQuietly(channel);
              return Verdict.up("connected to " + host + ":" + port);
            });
  }

  /** Options of a {@link TcpProbe}. */
  public static final class Builder {
    private final String name;
    private final String host;
    private final int port;
    private Duration timeout = Duration.ofSeconds(5);

    private Builder(String name, String host, int port) {
      this.name = ProbeArguments.check(name);
      this.host = ProbeArguments.checkHost(host);
      this.port = ProbeArguments.checkPort(port);
    }

    /** Time allowed for the connection. Default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = ProbeArguments.checkTimeout(timeout);
      return this;
    }

    public TcpProbe build() {
      return new TcpProbe(this);
    }
  }
}
