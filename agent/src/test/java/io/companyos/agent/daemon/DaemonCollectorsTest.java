package io.companyos.agent.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon follows log files (counting ERROR events) and scrapes CompanyOS services, as configured. */
class DaemonCollectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private static String fetch(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer test-admin-token-0123456789").build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void followsLogsCountsErrorsAndScrapesServices() throws Exception {
    WireMockServer service = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    service.start();
    try {
      service.stubFor(get(urlEqualTo("/metrics")).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "text/plain; version=0.0.4")
          .withBody("# TYPE http_requests_total counter\nhttp_requests_total{code=\"200\"} 7\n"
              + "# TYPE secret_thing gauge\nsecret_thing 1\n")));
      Path logDir = Files.createDirectories(tmp.resolve("logs"));
      Path log = logDir.resolve("core.log");
      Files.writeString(log, "2026-11-25T10:00:00Z INFO old line before the agent started\n");

      AgentConfig config = new ConfigLoader(Map.of()).bind("stateDir: " + tmp.resolve("state") + "\n"
          + "server: { port: 0, adminToken: test-admin-token-0123456789 }\n"
          + "logs:\n  - { path: \"" + logDir + "/*.log\", service: core-api }\n"
          + "scrapes:\n  - { name: core, url: \"" + service.baseUrl() + "/metrics\", interval: 1s, "
          + "allow: [\"http_requests_*\"] }\n");
      try (StateDirectory state = StateDirectory.open(config.stateDir())) {
        AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC());
        try {
          await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
              assertThat(JSON.readTree(fetch(daemon.port(), "/v1/status")).get("components").get("logs")
                  .get("filesFollowed").asInt()).isEqualTo(1));
          Files.writeString(log, "2026-11-25T10:00:01Z ERROR request failed\n"
              + "java.lang.IllegalStateException: boom\n\tat com.example.A.b(A.java:1)\n"
              + "2026-11-25T10:00:02Z ERROR again\n2026-11-25T10:00:03Z INFO fine\n", StandardOpenOption.APPEND);

          await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = fetch(daemon.port(), "/metrics");
            assertThat(metrics).contains("agent_log_errors_events_total{service=\"core-api\"} 2.0");
            assertThat(metrics).contains("agent_scrape_up{scrape=\"core\"} 1.0");
          });
          JsonNode scrapes = JSON.readTree(fetch(daemon.port(), "/v1/status")).get("components").get("scrapes");
          assertThat(scrapes.get("core").get("ok").asBoolean()).isTrue();
          assertThat(scrapes.get("core").get("families").asInt()).isEqualTo(1);
          assertThat(scrapes.get("core").get("droppedFamilies").asInt()).isEqualTo(1);
          assertThat(fetch(daemon.port(), "/metrics")).contains("agent_host_memory_total");
        } finally {
          daemon.stop(Duration.ofSeconds(5));
        }
      }
    } finally {
      service.stop();
    }
  }
}
