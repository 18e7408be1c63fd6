package io.companyos.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe targets that accept connections and never answer (an HTTP service, PostgreSQL, Redis, all hung): each probe
 * is DOWN with "timed out after …" at its own timeout, the other probes still report, and the schedule goes on run
 * after run. (That each timed-out check closes its socket is tested per probe in collectors: HTTP, PostgreSQL, Redis, Neo4j.)
 */
class HungProbeTargetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  /** The probes section of /v1/status, as the daemon renders it. */
  private static JsonNode probes(AgentDaemon daemon) {
    return JSON.valueToTree(daemon.status().document()).get("components").get("probes");
  }

  @Test
  void silentTargetsTimeOutWithTheirReasonAndTheScheduleGoesOn() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    // the kernel completes the handshake from the backlog; nobody ever reads or writes
    try (ServerSocket silent = new ServerSocket(0, 200, loopback);
        ServerSocket listening = new ServerSocket(0, 200, loopback)) {
      int port = silent.getLocalPort();
      AgentConfig config = new ConfigLoader(Map.of()).bind("stateDir: " + tmp.resolve("state") + "\n"
          + "server: { port: 0 }\n"
          + "probeInterval: 200ms\n"
          + "probes:\n"
          + "  - { name: web, type: http, url: \"http://127.0.0.1:" + port + "/health\", timeout: 300ms }\n"
          + "  - { name: db, type: postgres, host: 127.0.0.1, port: " + port + ", user: u, database: d,"
          + " timeout: 300ms }\n"
          + "  - { name: cache, type: redis, host: 127.0.0.1, port: " + port + ", timeout: 300ms }\n"
          + "  - { name: open-port, type: tcp, host: 127.0.0.1, port: " + listening.getLocalPort()
          + ", timeout: 300ms }\n");
      try (StateDirectory state = StateDirectory.open(config.stateDir())) {
        AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC());
        try {
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode p = probes(daemon).get("probes");
            for (int i = 0; i < 3; i++) {
              assertThat(p.get(i).get("status").asText()).as(p.get(i).toString()).isEqualTo("DOWN");
              assertThat(p.get(i).get("detail").asText()).isEqualTo("timed out after 300 ms");
            }
            assertThat(p.get(3).get("status").asText()).isEqualTo("UP");
          });
          Set<String> runs = new HashSet<>();
          await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            runs.add(probes(daemon).get("lastRun").asText());
            return runs.size() >= 8;
          });
          assertThat(runs).as("runs go on while every target hangs").hasSizeGreaterThanOrEqualTo(8);
        } finally {
          daemon.stop(Duration.ofSeconds(5));
        }
      }
    }
  }
}
