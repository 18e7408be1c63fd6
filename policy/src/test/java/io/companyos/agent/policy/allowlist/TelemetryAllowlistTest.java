package io.companyos.agent.policy.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.companyos.agent.policy.DenialReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryAllowlistTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TelemetryAllowlist allowlist = TelemetryAllowlist.builtIn();

  static ObjectNode heartbeat() {
    ObjectNode hb = JSON.createObjectNode();
    hb.put("schemaVersion", 1);
    hb.put("installationId", "0b6f3c1e-8a52-4d8e-9a51-3f1f0e0c2b7d");
    hb.put("agentVersion", "0.1.0-SNAPSHOT");
    hb.put("productVersion", "unknown");
    hb.put("uptimeSeconds", 3600);
    ObjectNode license = hb.putObject("license");
    license.put("status", "expiring");
    license.put("expiresAt", "2026-01-31T00:00:00Z");
    hb.put("health", "green");
    hb.put("sentAt", "2025-06-01T12:00:00Z");
    return hb;
  }

  @Test
  void theBuiltInAllowlistIsVersionOneWithTheHeartbeatFieldsInOrder() {
    assertThat(allowlist.version()).isEqualTo(1);
    assertThat(allowlist.heartbeatSchemaVersion()).isEqualTo(1);
    assertThat(allowlist.heartbeatFields().keySet()).containsExactly("schemaVersion", "installationId",
        "agentVersion", "productVersion", "uptimeSeconds", "license", "health", "sentAt");
    assertThat(allowlist.heartbeatFields().get("license").fields().keySet()).containsExactly("status", "expiresAt");
  }

  @Test
  void aConformingHeartbeatPasses() {
    assertThat(allowlist.heartbeatProblem(heartbeat())).isEmpty();
    ObjectNode missingLicense = heartbeat();
    ((ObjectNode) missingLicense.get("license")).put("status", "missing").putNull("expiresAt");
    assertThat(allowlist.heartbeatProblem(missingLicense)).isEmpty();
  }

  @Test
  void anExtraFieldIsRefusedWithoutNamingIt() {
    ObjectNode hb = heartbeat();
    hb.put("hostname", "db-01.acme.internal");
    assertThat(allowlist.heartbeatProblem(hb)).contains("<unlisted field> is not in the schema");
    ObjectNode nested = heartbeat();
    ((ObjectNode) nested.get("license")).put("customer", "ACME Corp");
    assertThat(allowlist.heartbeatProblem(nested)).contains("license.<unlisted field> is not in the schema");
  }

  @Test
  void missingAndMalformedFieldsAreNamed() {
    ObjectNode hb = heartbeat();
    hb.remove("sentAt");
    assertThat(allowlist.heartbeatProblem(hb)).contains("sentAt is missing");
    assertThat(allowlist.heartbeatProblem(heartbeat().put("schemaVersion", 2))).contains("schemaVersion must be 1");
    assertThat(allowlist.heartbeatProblem(heartbeat().put("installationId", "alice@example.com")))
        .contains("installationId is not a UUID");
    assertThat(allowlist.heartbeatProblem(heartbeat().put("health", "yellow")))
        .contains("health is not one of green, red");
    assertThat(allowlist.heartbeatProblem(heartbeat().put("uptimeSeconds", -1)))
        .contains("uptimeSeconds must be a non-negative integer");
    assertThat(allowlist.heartbeatProblem(heartbeat().put("agentVersion", "1.0 built by alice on db-01")))
        .contains("agentVersion is not a version string");
    assertThat(allowlist.heartbeatProblem(heartbeat().put("sentAt", "yesterday")))
        .contains("sentAt is not a UTC timestamp like 2025-01-31T12:00:00Z");
    assertThat(allowlist.heartbeatProblem(heartbeat().putNull("health"))).contains("health must not be null");
  }

  @Test
  void metricsAreScreenedByNameAttributeKeyAndEnumeratedValue() {
    assertThat(allowlist.checkMetric(new TelemetryItem("agent.log.errors", Map.of("service", "core-api")))).isEmpty();
    assertThat(allowlist.checkMetric(new TelemetryItem("process.uptime", Map.of()))).isEmpty();
    assertThat(allowlist.checkMetric(new TelemetryItem("customer.orders", Map.of())))
        .contains(DenialReason.NAME);
    assertThat(allowlist.checkMetric(new TelemetryItem("agent.log.errors", Map.of("user", "alice"))))
        .contains(DenialReason.ATTRIBUTE_KEY);
    assertThat(allowlist.checkMetric(new TelemetryItem("process.uptime", Map.of("service", "web"))))
        .as("a known key this metric does not carry").contains(DenialReason.ATTRIBUTE_KEY);
    assertThat(allowlist.checkMetric(new TelemetryItem("agent.log.errors", Map.of("service", "acme-billing"))))
        .contains(DenialReason.ATTRIBUTE_VALUE);
  }

  @Test
  void resourceAttributesAreScreened() {
    assertThat(allowlist.checkResource(Map.of("service.name", "companyos-agent", "service.version", "1.2.3",
        "companyos.installation.id", "0b6f3c1e-8a52-4d8e-9a51-3f1f0e0c2b7d"))).isEmpty();
    assertThat(allowlist.checkResource(Map.of("host.name", "db-01"))).contains(DenialReason.ATTRIBUTE_KEY);
    assertThat(allowlist.checkResource(Map.of("service.name", "acme"))).contains(DenialReason.ATTRIBUTE_VALUE);
  }

  @Test
  void aSignedPolicyCanOnlyNarrowTheAllowlist() {
    TelemetryAllowlist narrowed = allowlist.narrowedBy(
        new AllowlistOverrides(List.of("jvm.memory.used", "no.such.metric"), List.of("service")));
    assertThat(narrowed.metricNames()).doesNotContain("jvm.memory.used", "agent.log.errors",
        "companyos.http.server.requests").contains("process.uptime", "companyos.probe.up");
    assertThat(narrowed.checkMetric(new TelemetryItem("agent.log.errors", Map.of("service", "web"))))
        .contains(DenialReason.NAME);
    assertThat(allowlist.metricNames()).contains("jvm.memory.used");
  }

  private static Map<String, String> errorEvent(String type, String trace) {
    return Map.of("service", "core-api", "exception.type", type, "exception.stacktrace", trace,
        "companyos.error.fingerprint", "0123456789abcdef", "companyos.error.suppressed", "3");
  }

  @Test
  void anErrorEventLeavesOnlyAsClassesFramesAndAFingerprint() {
    String trace = "java.lang.IllegalStateException\n"
        + "\tat com.<keyword:9c1e07d2>.billing.Invoice.charge(<keyword:9c1e07d2>Invoice.java:42)\n"
        + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
        + "\tat jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)\n"
        + "\tat com.foo.Bar$$Lambda/0x000001f0.<init>(Native Method)\n"
        + "\tSuppressed: java.io.IOException\n"
        + "\t\tat com.foo.Io.close(Io.java:7)\n"
        + "Caused by: org.postgresql.util.PSQLException\n"
        + "\t... 12 more";
    assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error",
        errorEvent("java.lang.IllegalStateException", trace)))).isEmpty();
    assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error",
        errorEvent("com.<keyword:9c1e07d2>.BillingException", trace)))).isEmpty();
  }

  @Test
  void aMessageCannotHideInAnErrorEvent() {
    String head = "java.lang.IllegalStateException";
    for (String bad : List.of(head + ": user alice@example.com", head + "\nCaused by: java.io.IOException: disk full",
        head + "\nuser alice logged in", head + "\n\tat com.foo.Bar.baz(Bar.java:1) ~[acme.jar:1.0]",
        head + "\n\tat home with alice", "", head + "\n" + "\tat a.B.c(B.java:1)\n".repeat(250))) {
      assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", errorEvent(head, bad))))
          .as(bad).contains(DenialReason.ATTRIBUTE_VALUE);
    }
    for (String badType : List.of("java.lang.IllegalStateException: secret", "alice smith", "a..b", "x".repeat(300))) {
      assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", errorEvent(badType, head))))
          .as(badType).contains(DenialReason.ATTRIBUTE_VALUE);
    }
    Map<String, String> badFingerprint = new java.util.HashMap<>(errorEvent(head, head));
    badFingerprint.put("companyos.error.fingerprint", "not-hex");
    assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", badFingerprint)))
        .contains(DenialReason.ATTRIBUTE_VALUE);
  }

  @Test
  void linesRememberedAsValidDoNotLetAnythingElseThrough() {
    String head = "java.lang.IllegalStateException";
    String frame = "\tat com.foo.Bar.baz(Bar.java:1)";
    String trace = head + "\n" + frame + "\n\t... 3 more";
    for (int i = 0; i < 3; i++) { // the second and third pass answer from the remembered lines
      assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", errorEvent(head, trace)))).isEmpty();
    }
    // known-good lines do not make a frame a header, nor let a new message line pass next to them
    for (String bad : List.of(frame + "\n" + head, "\t... 3 more\n" + frame, trace + "\nuser alice logged in",
        trace + "\n" + head + ": user alice@example.com", head + "\n" + frame + " ~[acme.jar:1.0]")) {
      assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", errorEvent(head, bad))))
          .as(bad).contains(DenialReason.ATTRIBUTE_VALUE);
    }
  }

  @Test
  void aLogRecordWithABodyAnUnknownAttributeOrNameIsRefused() {
    String head = "java.lang.IllegalStateException";
    assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", errorEvent(head, head),
        java.util.Set.of("body")))).contains(DenialReason.FIELD);
    Map<String, String> extra = new java.util.HashMap<>(errorEvent(head, head));
    extra.put("exception.message", "boom");
    assertThat(allowlist.checkLogEvent(new TelemetryItem("companyos.error", extra)))
        .contains(DenialReason.ATTRIBUTE_KEY);
    assertThat(allowlist.checkLogEvent(new TelemetryItem("", Map.of()))).contains(DenialReason.NAME);
    assertThat(allowlist.checkLogEvent(new TelemetryItem("agent.log.errors", Map.of("service", "web"))))
        .as("a metric name is not an event").contains(DenialReason.NAME);
  }

  @Test
  void aSignedPolicyCanRemoveTheErrorEvent() {
    TelemetryAllowlist narrowed = allowlist.narrowedBy(new AllowlistOverrides(List.of("companyos.error"), List.of()));
    assertThat(narrowed.logEvents()).isEmpty();
    assertThat(allowlist.narrowedBy(new AllowlistOverrides(List.of(), List.of("exception.stacktrace"))).logEvents())
        .isEmpty();
  }

  @Test
  void theResourceCarriesVersionsAndTierButNoHost() {
    assertThat(allowlist.checkResource(Map.of("service.name", "companyos-agent", "service.version", "0.1.0",
        "companyos.installation.id", "0b6f3c1e-8a52-4d8e-9a51-3f1f0e0c2b7d", "companyos.product.version", "5.2.1",
        "companyos.tier", "full"))).isEmpty();
    assertThat(allowlist.checkResource(Map.of("companyos.tier", "heartbeat"))).contains(DenialReason.ATTRIBUTE_VALUE);
    assertThat(allowlist.checkResource(Map.of("host.ip", "10.0.0.1"))).contains(DenialReason.ATTRIBUTE_KEY);
  }
}
