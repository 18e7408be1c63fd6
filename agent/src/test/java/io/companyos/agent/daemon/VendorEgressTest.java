package io.companyos.agent.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.policy.ledger.LedgerVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's egress with a local WireMock standing in for every vendor endpoint. */
class VendorEgressTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private WireMockServer vendor;
  private StateDirectory state;
  private AgentDaemon daemon;

  @BeforeEach
  void startVendor() {
    vendor = new WireMockServer(wireMockConfig().port(0).bindAddress("127.0.0.1"));
    vendor.start();
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
    }
    if (state != null) {
      state.close();
    }
    vendor.stop();
  }

  private void startAgent(String tier) throws Exception {
    String base = "http://127.0.0.1:" + vendor.port();
    AgentConfig config = new ConfigLoader(Map.of()).bind("tier: " + tier + "\n"
        + "stateDir: " + tmp.resolve("state") + "\n"
        + "server: { host: 127.0.0.1, port: 0, adminToken: test-admin-token-0123456789 }\n"
        + "heartbeat: { endpoint: " + base + "/v1/heartbeat, interval: 300ms }\n"
        + "telemetry: { endpoint: " + base + ", interval: 300ms }\n");
    state = StateDirectory.open(config.stateDir());
    daemon = AgentDaemon.start(config, state, Clock.systemUTC());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
            .header("Authorization", "Bearer test-admin-token-0123456789").build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.createObjectNode().put("code", r.statusCode()).set("body", JSON.readTree(r.body()));
  }

  private static List<String> threadNames() {
    List<String> names = new ArrayList<>();
    Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
    return names;
  }

  @Test
  void airgappedSendsNothingAndCreatesNoHttpClient() throws Exception {
    startAgent("airgapped");
    // nothing for 3 s (ten heartbeat and telemetry intervals); atMost only bounds the wait: at 5 s, a loaded machine
    // that delayed the first poll by 2 s would fail it although nothing was sent (a request, once sent, stays in the
    // serve events, so the wait still fails, at 30 s, when one is)
    Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
        .until(() -> vendor.getAllServeEvents().isEmpty());
    assertThat(vendor.getAllServeEvents()).isEmpty();
    assertThat(threadNames()).doesNotContain("heartbeat", "egress-https");
    JsonNode components = get("/v1/status").get("body").get("components");
    assertThat(components.get("egress").get("httpClient").asText()).isEqualTo("none (tier airgapped)");
    assertThat(components.get("heartbeat").get("status").asText()).isEqualTo("disabled");
    assertThat(LedgerVerifier.verify(state.path()).entries()).isZero();
  }

  @Test
  void heartbeatTierSendsExactlyTheSchemaAndRecordsItInTheLedger() throws Exception {
    startAgent("heartbeat");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> vendor.getAllServeEvents().size() >= 2);
    vendor.getAllServeEvents().forEach(e -> {
      assertThat(e.getRequest().getUrl()).isEqualTo("/v1/heartbeat");
      List<String> keys = new ArrayList<>();
      try {
        JSON.readTree(e.getRequest().getBodyAsString()).fieldNames().forEachRemaining(keys::add);
      } catch (java.io.IOException ex) {
        throw new AssertionError(ex);
      }
      assertThat(keys).containsExactly("schemaVersion", "installationId", "agentVersion", "productVersion",
          "uptimeSeconds", "license", "health", "sentAt");
    });
    JsonNode body = JSON.readTree(vendor.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(body.get("installationId").asText()).isEqualTo(state.installationId().toString());
    assertThat(body.get("license").get("status").asText()).isEqualTo("missing");
    JsonNode hb = get("/v1/status").get("body").get("components").get("heartbeat");
    assertThat(hb.get("status").asText()).isEqualTo("ok");
    assertThat(get("/v1/status").get("body").get("status").asText()).isEqualTo("ok");
    assertThat(hb.get("lastOutcome").asText()).isEqualTo("delivered 202");
    assertThat(LedgerVerifier.verify(state.path()).intact()).isTrue();
    assertThat(daemon.metrics().scrape()).contains("agent_heartbeat_last_success_seconds ")
        .contains("agent_egress_sent_payloads_total{kind=\"heartbeat\",outcome=\"delivered\"}");
  }

  @Test
  void aVendorOutageDegradesTheStatusButNotReadiness() throws Exception {
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "600")));
    startAgent("heartbeat");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
        get("/v1/status").get("body").get("components").get("heartbeat").get("status").asText().equals("degraded"));
    // One snapshot: the heartbeat retries within its 300 ms interval (Retry-After is capped by it), so the
    // attempt count grows between two reads.
    JsonNode whole = get("/v1/status").get("body");
    JsonNode hb = whole.get("components").get("heartbeat");
    String attempts = "\\(\\d+ attempts?, last: rejected 503\\)$";
    assertThat(hb.get("reason").asText()).containsPattern(attempts);
    assertThat(whole.get("status").asText()).isEqualTo("degraded");
    assertThat(whole.get("degradedReasons").get(0).asText())
        .isEqualTo("heartbeat: " + hb.get("reason").asText());
    assertThat(get("/readyz").get("code").asInt()).isEqualTo(200);
    assertThat(daemon.metrics().scrape()).contains("agent_heartbeat_degraded 1.0");
  }
}
