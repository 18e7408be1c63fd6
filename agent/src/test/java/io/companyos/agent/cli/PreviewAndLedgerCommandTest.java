package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerEntry;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.testing.RefusingPort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewAndLedgerCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @AutoClose private final RefusingPort refusing = new RefusingPort();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private int run(String... args) {
    var cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path config(String tier) throws Exception {
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "tier: " + tier + "\nstateDir: " + dir.resolve("state") + "\n");
    return cfg;
  }

  @Test
  void previewInAirgappedSaysNothingIsSentAndWhy() throws Exception {
    assertThat(run("preview", "--config", config("airgapped").toString())).isZero();
    JsonNode p = JSON.readTree(out.toString());
    assertThat(p.get("tier").asText()).isEqualTo("airgapped");
    assertThat(p.get("sends").asText()).isEqualTo("nothing");
    assertThat(p.get("reason").asText()).startsWith("tier airgapped: the agent creates no HTTP client");
    assertThat(p.has("heartbeat")).isFalse();
  }

  @Test
  void previewInHeartbeatShowsTheExactNextHeartbeat() throws Exception {
    assertThat(run("preview", "-c", config("heartbeat").toString())).isZero();
    JsonNode p = JSON.readTree(out.toString());
    assertThat(p.get("sends").asText()).isEqualTo("the heartbeat only");
    JsonNode hb = p.get("heartbeat");
    assertThat(hb.get("request").get("url").asText()).isEqualTo("https://telemetry.companyos.io/v1/heartbeat");
    assertThat(hb.get("request").get("headers").get("Idempotency-Key").asText()).matches("[0-9a-f]{32}");
    List<String> keys = new ArrayList<>();
    hb.get("body").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("schemaVersion", "installationId", "agentVersion", "productVersion",
        "uptimeSeconds", "license", "health", "sentAt");
    String id = Files.readString(dir.resolve("state").resolve("installation-id")).trim();
    assertThat(hb.get("body").get("installationId").asText()).isEqualTo(id);
    assertThat(hb.get("passesEgressGuard").asBoolean()).isTrue();
    assertThat(hb.get("body").get("productVersion").asText()).isEqualTo("unknown");
    assertThat(p.has("otlp")).isFalse();
    assertThat(Files.exists(dir.resolve("state").resolve("egress-ledger.jsonl"))).as("nothing sent").isFalse();
  }

  @Test
  void theHeartbeatReportsTheConfiguredProductVersion() throws Exception {
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "tier: heartbeat\nstateDir: " + dir.resolve("state") + "\n"
        + "installation: { productVersion: 2025.3.1 }\n");
    assertThat(run("preview", "-c", cfg.toString())).isZero();
    JsonNode body = JSON.readTree(out.toString()).get("heartbeat").get("body");
    assertThat(body.get("productVersion").asText()).isEqualTo("2025.3.1");
    assertThat(JSON.readTree(out.toString()).get("heartbeat").get("passesEgressGuard").asBoolean()).isTrue();
  }

  @Test
  void previewInFullRendersTheNextOtlpExportAsTheGuardWouldPassIt() throws Exception {
    int closedPort = refusing.port();
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "tier: full\nstateDir: " + dir.resolve("state") + "\n"
        + "probes:\n  - { name: db-07.acme.internal, type: tcp, host: 127.0.0.1, port: " + closedPort + " }\n");
    assertThat(run("preview", "-c", cfg.toString())).isZero();
    String printed = out.toString();
    assertThat(printed).as("the probe's name is customer text and never in the stream").doesNotContain("acme");
    JsonNode otlp = JSON.readTree(printed).get("otlp");
    assertThat(otlp.get("allowlistedMetrics")).isNotEmpty();
    JsonNode next = otlp.get("nextExport");
    assertThat(next.get("resourcePassesTheGuard").asBoolean()).isTrue();
    assertThat(next.get("resource").get("companyos.installation.id").asText())
        .isEqualTo(Files.readString(dir.resolve("state").resolve("installation-id")).trim());
    List<String> names = new ArrayList<>();
    next.get("metrics").forEach(m -> names.add(m.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("companyos.probe.up", "companyos.probe.duration", "process.uptime",
        "process.cpu.usage", "jvm.memory.used");
    JsonNode up = next.get("metrics").findParents("name").stream()
        .filter(m -> m.get("name").asText().equals("companyos.probe.up")).findFirst().orElseThrow();
    assertThat(up.get("points").get(0).get("attributes").get("probe.type").asText()).isEqualTo("tcp");
    assertThat(up.get("points").get(0).get("value").asDouble()).isZero();
    assertThat(next.get("refusedByTheGuard")).isEmpty();
    assertThat(Files.exists(dir.resolve("state").resolve("egress-ledger.jsonl"))).as("nothing sent").isFalse();
  }

  private void writeLedger(int payloads) throws Exception {
    EgressLedger ledger = EgressLedger.open(dir.resolve("state"), LedgerLimits.DEFAULT, Clock.systemUTC());
    for (int i = 0; i < payloads; i++) {
      LedgerEntry e = ledger.recordSend("heartbeat", URI.create("https://telemetry.companyos.io/v1/heartbeat"),
          ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
      ledger.recordResult(e, "delivered 202");
    }
  }

  @Test
  void ledgerVerifyAndShow() throws Exception {
    Path cfg = config("heartbeat");
    assertThat(run("ledger", "verify", "-c", cfg.toString())).isZero();
    assertThat(out.toString()).startsWith("ledger empty: nothing has been sent");
    writeLedger(2);
    out.getBuffer().setLength(0);
    assertThat(run("ledger", "verify", "-c", cfg.toString())).isZero();
    assertThat(out.toString().strip()).isEqualTo("ledger intact: 4 entries (1..4) in 1 file");
    out.getBuffer().setLength(0);
    assertThat(run("ledger", "show", "--since", "7d", "-c", cfg.toString())).isZero();
    assertThat(out.toString().lines()).hasSize(4).allMatch(l -> l.contains("heartbeat"));
    out.getBuffer().setLength(0);
    assertThat(run("ledger", "show", "--json", "-c", cfg.toString())).isZero();
    assertThat(JSON.readTree(out.toString().lines().findFirst().orElseThrow()).get("seq").asInt()).isEqualTo(1);
  }

  @Test
  void ledgerShowWritesAsciiDigitsWhateverTheDefaultLocale() throws Exception {
    Path cfg = config("heartbeat");
    writeLedger(2);
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("fa-IR"));
      assertThat(run("ledger", "show", "-c", cfg.toString())).isZero();
    } finally {
      java.util.Locale.setDefault(saved);
    }
    assertThat(out.toString().lines()).hasSize(4).allSatisfy(l -> assertThat(l).matches(" +[1-4]  .* +[0-9]+ B .*"));
  }

  @Test
  void ledgerVerifyFailsWithExitStatus1OnADeletedLine() throws Exception {
    Path cfg = config("heartbeat");
    writeLedger(2);
    Path file = dir.resolve("state").resolve("egress-ledger.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(1);
    Files.write(file, lines);
    assertThat(run("ledger", "verify", "-c", cfg.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("ledger: egress-ledger.jsonl line 2: entry 3 follows entry 1: 1 entry deleted")
        .contains("ledger BROKEN: 1 problem in 3 entries");
  }

  @Test
  void aBadSinceIsAUsageError() throws Exception {
    assertThat(run("ledger", "show", "--since", "lately", "-c", config("heartbeat").toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --since: expected a duration like 500ms, 30s, 5m, 24h or 7d, got 'lately'\n");
  }
}
