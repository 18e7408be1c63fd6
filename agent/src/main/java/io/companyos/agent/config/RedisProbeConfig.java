package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.health.RedisProbe;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code type: redis}: {@code PING}, role, used memory vs maxmemory (DEGRADED above 90 %),
 * connected clients.
 *
 * @param name probe name (required)
 * @param host server host (required)
 * @param port default 6379
 * @param user ACL user (default none: the default user)
 * @param passwordFile file holding the password (default none)
 * @param timeout default 5s
 * @param keepConnection the daemon keeps one connection open between checks (default true; false: one per check)
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record RedisProbeConfig(
    String name, String host, Integer port, String user, Path passwordFile, Duration timeout,
    Boolean keepConnection) implements ProbeConfig {

  public RedisProbeConfig {
    name = ProbeConfig.requiredName(name);
    host = ProbeConfig.required(host, "host", name);
    port = ProbeConfig.port(port, 6379, name);
    timeout = ProbeConfig.timeoutOrDefault(timeout);
    keepConnection = keepConnection == null || keepConnection;
  }

  @Override
  public String type() {
    return "redis";
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx) {
    return builder().build();
  }

  @Override
  public Probe toDaemonProbe(Supplier<Vertx> vertx, HttpFetcher http) {
    return builder().keepConnection(keepConnection).build();
  }

  private RedisProbe.Builder builder() {
    RedisProbe.Builder builder = RedisProbe.builder(name)
        .host(host).port(port).timeout(timeout);
    if (user != null) {
      builder.user(user);
    }
    if (passwordFile != null) {
      builder.passwordFile(passwordFile);
    }
    return builder;
  }
}
