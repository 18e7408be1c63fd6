package io.companyos.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.testing.RefusingPort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon runs the configured probes on their interval and reports them on /metrics and /v1/status. */
class ProbeSchedulingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @AutoClose private final RefusingPort refusing = new RefusingPort();

  @TempDir
  Path tmp;

  private static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer test-admin-token-0123456789").build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void probesRunOnTheirIntervalAndFeedMetricsAndStatus() throws Exception {
    int closedPort = refusing.port();
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AgentConfig config = new ConfigLoader(Map.of()).bind("stateDir: " + tmp.resolve("state") + "\n"
          + "server: { port: 0, adminToken: test-admin-token-0123456789 }\n"
          + "probeInterval: 300ms\n"
          + "probes:\n"
          + "  - { name: open-port, type: tcp, host: 127.0.0.1, port: " + listening.getLocalPort() + ", timeout: 2s }\n"
          + "  - { name: closed-port, type: tcp, host: 127.0.0.1, port: " + closedPort + ", timeout: 2s }\n");
      try (StateDirectory state = StateDirectory.open(config.stateDir())) {
        AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC());
        try {
          await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = get(daemon.port(), "/metrics");
            assertThat(metrics)
                .contains("agent_probe_status{probe=\"open-port\",type=\"tcp\"} 1.0")
                .contains("agent_probe_status{probe=\"closed-port\",type=\"tcp\"} 0.0")
                .containsPattern("agent_probe_latency_seconds\\{probe=\"open-port\",type=\"tcp\"} \\d");
          });
          JsonNode first = JSON.readTree(get(daemon.port(), "/v1/status")).get("components").get("probes");
          assertThat(first.get("status").asText()).isEqualTo("DOWN");
          assertThat(first.get("probes").get(0).get("name").asText()).isEqualTo("open-port");
          assertThat(first.get("probes").get(0).get("status").asText()).isEqualTo("UP");
          assertThat(first.get("probes").get(1).get("status").asText()).isEqualTo("DOWN");
          String firstRun = first.get("lastRun").asText();
          await().atMost(Duration.ofSeconds(20)).until(() -> !JSON.readTree(get(daemon.port(), "/v1/status"))
              .get("components").get("probes").get("lastRun").asText().equals(firstRun));
          // the agent is ready even though a probe is down: /readyz is about the agent, not what it watches
          assertThat(get(daemon.port(), "/readyz")).contains("\"ready\"");
        } finally {
          daemon.stop(Duration.ofSeconds(5));
        }
      }
    }
  }
}
