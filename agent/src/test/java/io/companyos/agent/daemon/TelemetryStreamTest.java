package io.companyos.agent.daemon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.testing.RefusingPort;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tier full end to end: PII planted in every input (log lines, exception messages, a customer keyword in a frame, a
 * customer-named service, probe causes, scraped label values) and the vendor endpoint (WireMock) must receive the
 * allowlisted measurements and error events and none of the PII.
 */
class TelemetryStreamTest {
  private static final List<String> PLANTED = List.of("alice.smith@acme-corp.example", "10.20.30.40",
      "hunter2-secret", "acme-billing", "db-07.acme.internal", "4111 1111 1111 1111", "acmecorp", "login failed",
      "rejected", "connection to", "42.42.42.42");

  @TempDir
  Path tmp;

  private WireMockServer vendor;
  @AutoClose private final RefusingPort refusing = new RefusingPort();

  @BeforeEach
  void startVendor() {
    vendor = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    vendor.start();
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stopVendor() {
    vendor.stop();
  }

  private static byte[] body(LoggedRequest r) throws Exception {
    byte[] b = r.getBody();
    if (b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
        return in.readAllBytes();
      }
    }
    return b;
  }

  private static Map<String, String> attributes(List<KeyValue> kvs) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    kvs.forEach(kv -> out.put(kv.getKey(), kv.getValue().hasIntValue() ? Long.toString(kv.getValue().getIntValue())
        : kv.getValue().getStringValue()));
    return out;
  }

  @Test
  void onlyAllowlistedMeasurementsLeaveAndNoPlantedValue() throws Exception {
    int closedPort = refusing.port();
    Path logDir = Files.createDirectories(tmp.resolve("logs"));
    Files.writeString(logDir.resolve("core.log"), "");
    Files.writeString(logDir.resolve("billing.log"), "");
    AgentConfig config = new ConfigLoader(Map.of()).bind("tier: full\n"
        + "stateDir: " + tmp.resolve("state") + "\n"
        + "server: { port: 0 }\n"
        + "telemetry: { endpoint: \"" + vendor.baseUrl() + "\", interval: 1s }\n"
        + "installation: { productVersion: 5.2.1 }\n"
        + "redaction: { keywords: [acmecorp] }\n"
        + "heartbeat: { endpoint: \"" + vendor.baseUrl() + "/v1/heartbeat\" }\n"
        + "probeInterval: 500ms\n"
        + "probes:\n"
        + "  - { name: db-07.acme.internal, type: tcp, host: 127.0.0.1, port: " + closedPort + ", timeout: 1s }\n"
        + "scrapes:\n"
        + "  - { name: core-api, url: \"" + vendor.baseUrl() + "/core/metrics\", interval: 1s,"
        + " allow: [\"http_server_requests_*\"] }\n"
        + "logs:\n"
        + "  - { path: \"" + logDir + "/core.log\", service: core-api }\n"
        + "  - { path: \"" + logDir + "/billing.log\", service: acme-billing }\n");
    vendor.stubFor(get(urlEqualTo("/core/metrics")).willReturn(aResponse().withStatus(200).withBody(
        "# TYPE http_server_requests_seconds summary\n"
        + "http_server_requests_seconds_count{method=\"GET\",status=\"200\","
        + "uri=\"/api/customers/alice.smith@acme-corp.example\"} 5\n"
        + "http_server_requests_seconds_sum{method=\"GET\",status=\"200\",uri=\"/api/x\"} 0.5\n"
        + "http_server_requests_seconds_count{method=\"get\",status=\"204\",uri=\"/api/10.20.30.40\"} 2\n"
        + "http_server_requests_seconds_count{method=\"POST\",status=\"503\",uri=\"/api/pay\"} 1\n"
        + "http_server_requests_seconds_count{method=\"hunter2-secret\",status=\"200\",uri=\"/\"} 9\n")));
    try (StateDirectory state = StateDirectory.open(config.stateDir())) {
      AgentDaemon daemon = AgentDaemon.start(config, state, Clock.systemUTC());
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> daemon.status().document().get("components")
            .toString().contains("filesFollowed=2"));
        String lines = "2026-11-25T10:00:01Z ERROR login failed for alice.smith@acme-corp.example from 10.20.30.40\n"
            + "java.lang.IllegalStateException: password hunter2-secret rejected for card 4111 1111 1111 1111\n"
            + "\tat com.companyos.auth.Login.check(Login.java:42)\n"
            + "\tat com.acmecorp.sso.Bridge.call(Bridge.java:7) ~[acmecorp-sso.jar:1.0]\n"
            + "Caused by: java.net.ConnectException: connection to 42.42.42.42 refused for alice.smith@acme-corp.example\n"
            + "\t... 3 more\n"
            + "2026-11-25T10:00:02Z INFO next\n";
        Files.writeString(logDir.resolve("core.log"), lines, StandardOpenOption.APPEND);
        Files.writeString(logDir.resolve("billing.log"), lines, StandardOpenOption.APPEND);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          daemon.telemetry().orElseThrow().flush(Duration.ofSeconds(5));
          Set<String> names = new HashSet<>();
          Map<Map<String, String>, Double> requests = new java.util.HashMap<>();
          boolean coreErrorSeen = false;
          for (LoggedRequest r : vendor.findAll(postRequestedFor(urlEqualTo("/v1/metrics")))) {
            var req = ExportMetricsServiceRequest.parseFrom(body(r));
            for (var rm : req.getResourceMetricsList()) {
              for (var sm : rm.getScopeMetricsList()) {
                for (var m : sm.getMetricsList()) {
                  names.add(m.getName());
                  if (m.getName().equals("companyos.http.server.requests")) {
                    m.getSum().getDataPointsList().forEach(dp -> requests.put(attributes(dp.getAttributesList()),
                        dp.getAsDouble()));
                  }
                  if (m.getName().equals("agent.log.errors")) {
                    for (var dp : m.getSum().getDataPointsList()) {
                      for (KeyValue kv : dp.getAttributesList()) {
                        coreErrorSeen |= kv.getValue().getStringValue().equals("core-api") && dp.getAsInt() == 1;
                      }
                    }
                  }
                }
              }
            }
          }
          assertThat(names).containsExactlyInAnyOrder("companyos.probe.up", "companyos.probe.duration",
              "agent.log.errors", "process.uptime", "process.cpu.usage", "jvm.memory.used",
              "companyos.http.server.requests");
          assertThat(requests).as("request counts summed over the URIs, by method and status class").isEqualTo(Map.of(
              Map.of("service", "core-api", "http.request.method", "GET", "http.response.status_class", "2xx"), 7.0,
              Map.of("service", "core-api", "http.request.method", "POST", "http.response.status_class", "5xx"),
              1.0));
          assertThat(coreErrorSeen).as("core-api's one ERROR event counted").isTrue();
          assertThat(vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs")))).isNotEmpty();
        });

        List<LogRecord> records = new java.util.ArrayList<>();
        for (LoggedRequest r : vendor.findAll(postRequestedFor(urlEqualTo("/v1/logs")))) {
          var req = ExportLogsServiceRequest.parseFrom(body(r));
          for (var rl : req.getResourceLogsList()) {
            assertThat(attributes(rl.getResource().getAttributesList())).containsOnlyKeys("service.name",
                "service.version", "companyos.installation.id", "companyos.product.version", "companyos.tier")
                .containsEntry("companyos.product.version", "5.2.1").containsEntry("companyos.tier", "full");
            rl.getScopeLogsList().forEach(sl -> records.addAll(sl.getLogRecordsList()));
          }
        }
        assertThat(records).as("only core-api's error: acme-billing is not a CompanyOS service").hasSize(1);
        assertThat(records.get(0).hasBody()).isFalse();
        Map<String, String> event = attributes(records.get(0).getAttributesList());
        assertThat(event).containsEntry("service", "core-api")
            .containsEntry("exception.type", "java.lang.IllegalStateException");
        assertThat(event.get("exception.stacktrace")).matches("java.lang.IllegalStateException\n"
            + "\tat com\\.companyos\\.auth\\.Login\\.check\\(Login\\.java:42\\)\n"
            + "\tat com\\.<keyword:[0-9a-f]{8}>\\.sso\\.Bridge\\.call\\(Bridge\\.java:7\\)\n"
            + "Caused by: java\\.net\\.ConnectException\n"
            + "\t\\.\\.\\. 3 more");

        for (LoggedRequest r : vendor.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
          String sent = new String(body(r), StandardCharsets.ISO_8859_1);
          for (String planted : PLANTED) {
            assertThat(sent).as("%s to %s", planted, r.getUrl()).doesNotContain(planted);
          }
        }
        assertThat(daemon.metrics().scrape()).containsPattern("agent_queue_batches \\d")
            .contains("agent_export_batches_total{outcome=\"delivered\"}")
            .contains("agent_egress_denied_items_total{kind=\"otlp-metrics\",reason=\"attribute-value\"}")
            .contains("agent_egress_denied_items_total{kind=\"otlp-logs\",reason=\"attribute-value\"}")
            .containsPattern("agent_error_events_total\\{outcome=\"emitted\"\\} 2")
            .containsPattern("agent_redactions_total\\{detector=\"keyword\"\\} [1-9]")
            .contains("agent_redactions_total{detector=\"email\"} 0.0")
            // nothing the agent produces itself is refused by name (the SDK's self-telemetry is off)
            .doesNotContainPattern("agent_egress_denied_items_total\\{kind=\"otlp-metrics\",reason=\"name\"\\} [1-9]");
        // the sender marks its success after the endpoint answered: the request can be seen here a moment before
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> telemetry = (Map<String, Object>) ((Map<String, Object>) daemon.status().document()
              .get("components")).get("telemetry");
          assertThat(telemetry.get("status")).isEqualTo("ok");
          assertThat(telemetry.get("lastSuccess")).isNotNull();
        });
      } finally {
        daemon.stop(Duration.ofSeconds(5));
      }
    }
  }
}
