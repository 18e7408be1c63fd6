package io.companyos.agent.exporters.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.companyos.agent.exporters.heartbeat.SimulatedClock;
import io.companyos.agent.exporters.heartbeat.Health;
import io.companyos.agent.exporters.heartbeat.HeartbeatFacts;
import io.companyos.agent.exporters.heartbeat.HeartbeatScheduler;
import io.companyos.agent.exporters.heartbeat.HeartbeatStateStore;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.policy.license.LicenseState;
import io.companyos.agent.policy.license.LicenseStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat through the guard and the real HTTPS transport, with WireMock as the vendor endpoint. */
class HeartbeatOverHttpsTest {
  private static final UUID ID = UUID.fromString("6a1f0c4e-2b9d-4f57-8c3e-91d2a7b5e014");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private WireMockServer vendor;
  private EgressGuard guard;
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T08:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    TestPki ca = new TestPki("Vendor CA");
    Path ks = dir.resolve("server.p12");
    ca.issue("localhost", true).writeKeyStore(ks, ca.ca);
    Path caPem = dir.resolve("ca.pem");
    ca.writeCaPem(caPem);
    vendor = new WireMockServer(wireMockConfig().httpDisabled(true).httpsPort(0).bindAddress("127.0.0.1")
        .keystorePath(ks.toString()).keystoreType("PKCS12").keystorePassword(TestPki.PASSWORD)
        .keyManagerPassword(TestPki.PASSWORD));
    vendor.start();
    URI endpoint = URI.create("https://127.0.0.1:" + vendor.httpsPort() + "/v1/heartbeat");
    TransportOptions options = TransportOptions.builder().caBundle(caPem).timeout(Duration.ofMillis(2_500)).build();
    warmUp(endpoint, caPem);
    guard = EgressGuard.builder().tier(Tier.HEARTBEAT).endpoint(PayloadKind.HEARTBEAT, endpoint)
        .transportFactory(() -> {
          try {
            return HttpsTransport.create(options, clock);
          } catch (TransportSetupException e) {
            throw new IllegalStateException(e);
          }
        })
        .ledger(EgressLedger.open(dir.resolve("state"), LedgerLimits.DEFAULT, clock)).build();
  }

  /**
   * One untimed request first: on a loaded machine a cold JVM's first TLS handshake can take longer than the 2.5 s
   * timeout the test needs for its timeout case, which turned the first expected 503 into "failed timeout".
   */
  private void warmUp(URI endpoint, Path caPem) throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat")).willReturn(aResponse().withStatus(204)));
    TransportOptions patient = TransportOptions.builder().caBundle(caPem).timeout(Duration.ofSeconds(60)).build();
    try (HttpsTransport warm = HttpsTransport.create(patient, Clock.systemUTC())) {
      warm.post(new OutboundRequest(endpoint, "application/json", java.util.Map.of(),
          "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
    }
    vendor.resetAll();
  }

  @AfterEach
  void stop() {
    guard.close();
    vendor.stop();
  }

  private HeartbeatScheduler scheduler() {
    HeartbeatFacts facts = new HeartbeatFacts() {
      @Override
      public UUID installationId() {
        return ID;
      }

      @Override
      public String agentVersion() {
        return "0.1.0";
      }

      @Override
      public String productVersion() {
        return "4.2.1";
      }

      @Override
      public Duration uptime() {
        return Duration.ofSeconds(93_784);
      }

      @Override
      public LicenseStatus license() {
        return new LicenseStatus(LicenseState.EXPIRING, Optional.of(Instant.parse("2026-03-20T00:00:00Z")));
      }

      @Override
      public Health health() {
        return Health.GREEN;
      }
    };
    URI endpoint = guard.endpoint(PayloadKind.HEARTBEAT).orElseThrow();
    return HeartbeatScheduler.builder().sender(guard.sender(PayloadKind.HEARTBEAT, endpoint).orElseThrow())
        .facts(facts).stateStore(HeartbeatStateStore.inDirectory(dir.resolve("state"))).clock(clock)
        .sendTimeout(Duration.ofSeconds(5)).build();
  }

  private List<ServeEvent> requests() {
    List<ServeEvent> events = new ArrayList<>(vendor.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events;
  }

  @Test
  void theBodyIsExactlySchemaVersionOne() throws Exception {
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat")).willReturn(aResponse().withStatus(202)));
    HeartbeatScheduler hb = scheduler();
    clock.set(hb.nextWakeUp());
    hb.runDueWork();

    assertThat(requests()).singleElement().satisfies(e -> {
      assertThat(e.getRequest().getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(e.getRequest().getHeader("Idempotency-Key")).matches("[0-9a-f]{32}");
      JsonNode body = JSON.readTree(e.getRequest().getBodyAsString());
      List<String> keys = new ArrayList<>();
      body.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("schemaVersion", "installationId", "agentVersion", "productVersion",
          "uptimeSeconds", "license", "health", "sentAt");
      List<String> licenseKeys = new ArrayList<>();
      body.get("license").fieldNames().forEachRemaining(licenseKeys::add);
      assertThat(licenseKeys).containsExactly("status", "expiresAt");
      assertThat(e.getRequest().getBodyAsString()).isEqualTo("{\"schemaVersion\":1,"
          + "\"installationId\":\"6a1f0c4e-2b9d-4f57-8c3e-91d2a7b5e014\",\"agentVersion\":\"0.1.0\","
          + "\"productVersion\":\"4.2.1\",\"uptimeSeconds\":93784,"
          + "\"license\":{\"status\":\"expiring\",\"expiresAt\":\"2026-03-20T00:00:00Z\"},\"health\":\"green\","
          + "\"sentAt\":\"" + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}");
    });
    assertThat(hb.status().lastOutcome()).isEqualTo("delivered 202");
  }

  @Test
  void outagesDegradeTheStatusAndRetriesKeepTheIdempotencyKey() {
    vendor.stubFor(post(urlEqualTo("/v1/heartbeat"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "300")));
    HeartbeatScheduler hb = scheduler();
    clock.set(hb.nextWakeUp());
    Instant next = hb.runDueWork();
    assertThat(Duration.between(clock.instant(), next)).as(hb.status().toString()).isEqualTo(Duration.ofMinutes(5));
    assertThat(hb.status().degradedReason()).get().asString().endsWith("(1 attempt, last: rejected 503)");

    vendor.stubFor(post(urlEqualTo("/v1/heartbeat"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    clock.set(next);
    next = hb.runDueWork();
    assertThat(hb.status().lastOutcome()).startsWith("failed ");
    assertThat(hb.status().consecutiveFailures()).isEqualTo(2);

    vendor.stubFor(post(urlEqualTo("/v1/heartbeat")).willReturn(aResponse().withStatus(202).withFixedDelay(6_000)));
    clock.set(next);
    next = hb.runDueWork();
    assertThat(hb.status().lastOutcome()).isEqualTo("failed timeout");

    vendor.stubFor(post(urlEqualTo("/v1/heartbeat")).willReturn(aResponse().withStatus(202)));
    clock.set(next);
    hb.runDueWork();
    assertThat(hb.status().degradedReason()).isEmpty();
    assertThat(requests()).hasSize(4).extracting(e -> e.getRequest().getHeader("Idempotency-Key")).containsOnly(
        requests().get(0).getRequest().getHeader("Idempotency-Key"));
  }
}
