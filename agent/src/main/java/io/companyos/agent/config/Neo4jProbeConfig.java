package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.companyos.agent.collectors.health.Neo4jProbe;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.companyos.agent.collectors.http.JdkHttpFetcher;
import io.companyos.agent.collectors.health.Probe;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code type: neo4j}: a Bolt handshake on {@code port}; with {@code httpPort}, also the server
 * version from the HTTP discovery document.
 *
 * @param name probe name (required)
 * @param host server host (required)
 * @param port Bolt port, default 7687
 * @param httpPort HTTP port for the discovery document (default none)
 * @param timeout default 5s
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record Neo4jProbeConfig(
    String name, String host, Integer port, Integer httpPort, Duration timeout)
    implements ProbeConfig {

  public Neo4jProbeConfig {
    name = ProbeConfig.requiredName(name);
    host = ProbeConfig.required(host, "host", name);
    port = ProbeConfig.port(port, 7687, name);
    if (httpPort != null && (httpPort < 1 || httpPort > 65535)) {
      throw new InvalidValueException("httpPort", "expected 1-65535 for probe '" + name + "'");
    }
    timeout = ProbeConfig.timeoutOrDefault(timeout);
  }

  @Override
  public String type() {
    return "neo4j";
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx) {
    return toProbe(vertx, JdkHttpFetcher.shared());
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx, HttpFetcher http) {
    Neo4jProbe.Builder builder = Neo4jProbe.builder(name, host, port).timeout(timeout).http(http);
    if (httpPort != null) {
      builder.httpPort(httpPort);
    }
    return builder.build();
  }
}
