package io.companyos.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.collectors.http.HttpFetcher;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One entry of {@code probes:}, typed by its {@code type} key: {@code http}, {@code tcp},
 * {@code postgres}, {@code redis} or {@code neo4j}. Every probe has a {@code name} (unique) and a
 * {@code timeout} (default 5s).
 */
@JsonDeserialize(using = ProbeConfigDeserializer.class)
@JsonPropertyOrder({"name", "type"})
public sealed interface ProbeConfig
    permits HttpProbeConfig, TcpProbeConfig, PostgresProbeConfig, RedisProbeConfig, Neo4jProbeConfig {

  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  String name();

  Duration timeout();

  /** The {@code type} key that selects this kind of probe. */
  @JsonProperty("type")
  String type();

  /**
   * The probe this entry configures. {@code vertx} is asked for only by the kinds that need an
   * event loop (postgres, redis), so a command without them starts none.
   */
  Probe toProbe(Supplier<Vertx> vertx);

  /**
   * The probe this entry configures, with the HTTP client the kinds that speak HTTP use (the daemon's Vert.x-based
   * {@link HttpFetcher}); the others ignore it.
   */
  default Probe toProbe(Supplier<Vertx> vertx, HttpFetcher http) {
    return toProbe(vertx);
  }

  /**
   * The probe as the daemon runs it, every interval for as long as it runs: like {@link #toProbe(Supplier,
   * HttpFetcher)}, but the database probes (postgres, redis) keep their connection open between checks instead of
   * opening one per check (unless their {@code keepConnection} is false).
   */
  default Probe toDaemonProbe(Supplier<Vertx> vertx, HttpFetcher http) {
    return toProbe(vertx, http);
  }

  /** The required {@code name}, checked first so that later errors can name the probe. */
  static String requiredName(String name) {
    return InvalidValueException.requiredText(name, "name");
  }

  static Duration timeoutOrDefault(Duration timeout) {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /** A required key of the probe called {@code name}. */
  static <T> T required(T value, String key, String name) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new InvalidValueException(key, "required value missing for probe '" + name + "'");
    }
    return value;
  }

  static int port(Integer port, int fallback, String name) {
    int p = port == null ? fallback : port;
    if (p < 1 || p > 65535) {
      throw new InvalidValueException("port", "expected 1-65535 for probe '" + name + "'");
    }
    return p;
  }
}
