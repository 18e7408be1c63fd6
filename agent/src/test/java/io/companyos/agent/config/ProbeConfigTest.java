package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of());

  @Test
  void bindsEveryProbeTypeWithDefaults() throws Exception {
    AgentConfig c = loader.bind("""
        probes:
          - { name: core-api, type: http, url: "https://core:8443/health", caFile: /etc/ca.pem, timeout: 2s }
          - { name: ingest, type: tcp, host: ingest, port: 9000 }
          - { name: db, type: postgres, host: db, database: app, user: agent, passwordFile: /run/secrets/pg }
          - { name: cache, type: redis, host: redis, passwordFile: /run/secrets/redis }
          - { name: graph, type: neo4j, host: neo4j, httpPort: 7474 }
        scrapes:
          - { name: core, url: "http://core:8080/metrics", allow: ["http_server_*", "jvm_memory_used_bytes"] }
        """);

    assertThat(c.probes()).containsExactly(
        new HttpProbeConfig("core-api", "https://core:8443/health", Duration.ofSeconds(2), "200-299",
            Path.of("/etc/ca.pem"), false, null),
        new TcpProbeConfig("ingest", "ingest", 9000, Duration.ofSeconds(5)),
        new PostgresProbeConfig("db", "db", 5432, "app", "agent", Path.of("/run/secrets/pg"),
            Duration.ofSeconds(5), true),
        new RedisProbeConfig("cache", "redis", 6379, null, Path.of("/run/secrets/redis"),
            Duration.ofSeconds(5), true),
        new Neo4jProbeConfig("graph", "neo4j", 7687, 7474, Duration.ofSeconds(5)));
    assertThat(c.probes()).extracting(ProbeConfig::type)
        .containsExactly("http", "tcp", "postgres", "redis", "neo4j");
    assertThat(c.scrapes()).containsExactly(new ScrapeConfig("core", "http://core:8080/metrics",
        Duration.ofSeconds(60), List.of("http_server_*", "jvm_memory_used_bytes")));
  }

  @Test
  void printedConfigKeepsTheTypeSoItLoadsAgain() throws Exception {
    AgentConfig c = loader.bind("probes: [ { name: ingest, type: tcp, host: ingest, port: 9000 } ]\n");

    String printed = ConfigPrinter.toYaml(c);

    assertThat(printed).contains("type: tcp");
    assertThat(loader.bind(printed)).isEqualTo(c);
  }

  @Test
  void errorsNameTheKeyLineAndProbe() {
    assertError("probes:\n  - { name: x, type: tcp, host: h }\n",
        "config error: probes[0].port (line 2): required value missing for probe 'x'");
    assertError("probes:\n  - { name: x, host: h }\n",
        "config error: probes[0].type (line 2): required value missing of probe 'x' "
            + "(expected one of: http, neo4j, postgres, redis, tcp)");
    assertError("probes:\n  - { type: tcp, host: h, port: 1 }\n",
        "config error: probes[0].name (line 2): required value missing");
    assertError("probes:\n  - { name: x, type: tcp, host: h, port: 1, colour: red }\n",
        "config error: probes[0].colour (line 2): unknown key (expected one of: host, name, port, timeout)");
    assertError("probes:\n  - { name: x, type: http, url: 'ftp://h/' }\n",
        "config error: probes[0].url (line 2): expected an http or https URL for probe 'x'");
    assertError("probes:\n  - { name: x, type: http, url: 'http://h/', expectedStatus: 2xx }\n",
        "config error: probes[0].expectedStatus (line 2): expected a status range like 200-299 or 204 for probe 'x'");
    assertError("probes:\n  - { name: x, type: tcp, host: h, port: 1 }\n  - { name: x, type: tcp, host: h, port: 2 }\n",
        "config error: probes (line 1): two probes are named 'x'");
    assertError("scrapes:\n  - { name: core, url: 'http://core/metrics' }\n",
        "config error: scrapes[0].allow (line 2): required: at least one metric-name glob for scrape 'core'");
  }

  private void assertError(String yaml, String message) {
    assertThatThrownBy(() -> loader.bind(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }
}
