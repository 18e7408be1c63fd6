package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.health.TcpProbe;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code type: tcp}: UP when a TCP connection to host:port is accepted.
 *
 * @param name probe name (required)
 * @param host host name or address (required)
 * @param port port (required)
 * @param timeout default 5s
 */
@JsonDeserialize(using = JsonDeserializer.None.class)
public record TcpProbeConfig(String name, String host, Integer port, Duration timeout)
    implements ProbeConfig {

  public TcpProbeConfig {
    name = ProbeConfig.requiredName(name);
    host = ProbeConfig.required(host, "host", name);
    port = ProbeConfig.port(ProbeConfig.required(port, "port", name), 0, name);
    timeout = ProbeConfig.timeoutOrDefault(timeout);
  }

  @Override
  public String type() {
    return "tcp";
  }

  @Override
  public Probe toProbe(Supplier<Vertx> vertx) {
    return TcpProbe.builder(name, host, port).timeout(timeout).build();
  }
}
