package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.companyos.agent.collectors.health.PostgresProbe;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code type: postgres}: connect, {@code SELECT 1}, version, connections vs max_connections
 * (DEGRADED above 80 %), primary or replica.
 *
 * @param name probe name (required)
 * @param host server host (required)
 * @param port default 5432
 * @param database database to connect to (required)
 * @param user user to connect as (required)
 * @param passwordFile file holding the password (default none: trust/peer authentication)
 * @param timeout default 5s
 * @param keepConnection the daemon keeps one connection open between checks (default true; false: one per check)
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record PostgresProbeConfig(
    String name, String host, Integer port, String database, String user, Path passwordFile,
    Duration timeout, Boolean keepConnection) implements ProbeConfig {

  public PostgresProbeConfig {
    name = ProbeConfig.requiredName(name);
    host = ProbeConfig.required(host, "host", name);
    port = ProbeConfig.port(port, 5432, name);
    database = ProbeConfig.required(database, "database", name);
    user = ProbeConfig.required(user, "user", name);
    timeout = ProbeConfig.timeoutOrDefault(timeout);
    keepConnection = keepConnection == null || keepConnection;
  }

  @Override
  public String type() {
    return "postgres";
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx) {
    return builder(vertx).build();
  }

  @Override
  public Probe toDaemonProbe(Supplier<Vertx> vertx, HttpFetcher http) {
    return builder(vertx).keepConnection(keepConnection).build();
  }

  private PostgresProbe.Builder builder(Supplier<Vertx> vertx) {
    PostgresProbe.Builder builder = PostgresProbe.builder(vertx.get(), name)
        .host(host).port(port).database(database).user(user).timeout(timeout);
    if (passwordFile != null) {
      builder.passwordFile(passwordFile);
    }
    return builder;
  }
}
