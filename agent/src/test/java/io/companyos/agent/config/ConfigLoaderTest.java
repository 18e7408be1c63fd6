package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.policy.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of());

  @Test
  void embeddedDefaultsEqualTheRecordDefaults() throws Exception {
    assertThat(loader.load(null)).isEqualTo(AgentConfig.defaults());
    assertThat(loader.bind("")).isEqualTo(AgentConfig.defaults());
  }

  @Test
  void defaultsAreTheDocumentedOnes() throws Exception {
    AgentConfig c = loader.load(null);
    assertThat(c.tier()).isEqualTo(Tier.AIRGAPPED);
    assertThat(c.stateDir()).isEqualTo(Path.of("agent-data"));
    assertThat(c.server().host()).isEqualTo("127.0.0.1");
    assertThat(c.server().port()).isEqualTo(9464);
    assertThat(c.telemetry().endpoint().toString()).isEqualTo("https://telemetry.companyos.io");
    assertThat(c.telemetry().interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.telemetry().queueMaxBytes().bytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(c.heartbeat().endpoint().toString()).isEqualTo("https://telemetry.companyos.io/v1/heartbeat");
    assertThat(c.heartbeat().interval()).isEqualTo(Duration.ofHours(24));
    assertThat(c.bundle().outputDir()).isEqualTo(Path.of("bundles"));
  }

  @Test
  void bindsAFullDocument() throws Exception {
    AgentConfig c = loader.bind("""
        tier: full
        stateDir: /var/lib/companyos-agent
        installation: { cluster: prod-eu, node: node-1 }
        server: { host: 0.0.0.0, port: 9999, insecure: true }
        telemetry: { endpoint: "http://127.0.0.1:4318", interval: 15s }
        heartbeat: { endpoint: "https://relay.example.com/hb", interval: 12h }
        logs:
          - { path: "/var/log/companyos/*.log", service: core-api }
        redaction: { customerDomains: [acme.com], keywords: [Project Falcon] }
        bundle: { recipients: [vendor.asc], outputDir: /tmp/bundles }
        """);
    assertThat(c.tier()).isEqualTo(Tier.FULL);
    assertThat(c.installation().cluster()).isEqualTo("prod-eu");
    assertThat(c.installation().node()).isEqualTo("node-1");
    assertThat(c.server().port()).isEqualTo(9999);
    assertThat(c.telemetry().interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.telemetry().endpoint().resolve("/v1/metrics").toString()).isEqualTo("http://127.0.0.1:4318/v1/metrics");
    assertThat(c.heartbeat().interval()).isEqualTo(Duration.ofHours(12));
    assertThat(c.logs()).containsExactly(new LogSourceConfig("/var/log/companyos/*.log", "core-api", "auto"));
    assertThat(c.redaction().keywords()).containsExactly("Project Falcon");
    assertThat(c.bundle().recipients()).containsExactly(Path.of("vendor.asc"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key         | telemetry:\\n  endpiont: x                     | config error: telemetry.endpiont (line 2): unknown key (expected one of: endpoint, headers, interval, queueMaxBytes)
      wrong type          | server:\\n  host: h\\n  port: abc              | config error: server.port (line 3): expected an integer
      wrong type object   | server: 8080                                    | config error: server (line 1): expected a mapping of keys
      bad duration        | heartbeat:\\n  interval: 5 years               | config error: heartbeat.interval (line 2): expected a duration like 500ms, 30s, 5m, 24h or 7d
      zero duration       | telemetry:\\n  interval: 0s                    | config error: telemetry.interval (line 2): must be a positive duration
      http url            | tier: full\\ntelemetry:\\n  endpoint: http://telemetry.example.com | config error: telemetry.endpoint (line 3): not an absolute https URL (plain http is accepted only for loopback addresses)
      relative url        | heartbeat: { endpoint: /v1/heartbeat }          | config error: heartbeat.endpoint (line 1): not an absolute https URL (plain http is accepted only for loopback addresses)
      bad tier            | tier: everything                                | config error: tier (line 1): expected one of airgapped, heartbeat, full
      missing required    | logs:\\n  - service: core-api                  | config error: logs[0].path (line 2): required value missing
      missing in 2nd item | logs:\\n  - {path: /a, service: b}\\n  - path: /c | config error: logs[1].service (line 3): required value missing
      bad enum in list    | logs:\\n  - {path: /a, service: b, format: xml} | config error: logs[0].format (line 2): expected one of auto, plain, json, cri
      relative log path   | logs:\\n  - {path: logs/*.log, service: b}        | config error: logs[0].path (line 2): must be an absolute path or glob, e.g. /var/log/companyos/*.log
      relative host root  | hostRoot: host                                  | config error: hostRoot (line 1): must be an absolute path
      bad product version | installation:\\n  productVersion: "2025 final" | config error: installation.productVersion (line 2): must be a version: letters, digits, '.', '+', '_' or '-', at most 64 characters
      port range          | server:\\n  port: 70000                        | config error: server.port (line 2): must be between 0 and 65535
      duplicate key       | tier: full\\ntier: heartbeat                    | config error: (line 2): invalid YAML: duplicate key tier
      not a mapping       | - a\\n- b                                       | config error: (line 1): the configuration must be a YAML mapping of keys
      bad queue size      | telemetry:\\n  queueMaxBytes: lots           | config error: telemetry.queueMaxBytes (line 2): expected a size like 500MiB, 2GiB or 64KiB
      fractional size     | telemetry:\\n  queueMaxBytes: 1.5GiB         | config error: telemetry.queueMaxBytes (line 2): expected a size like 500MiB, 2GiB or 64KiB
      queue cap too small | telemetry:\\n  queueMaxBytes: 512KiB         | config error: telemetry.queueMaxBytes (line 2): must be at least 1MiB (one export batch must fit)
      queue cap zero      | telemetry:\\n  queueMaxBytes: 0              | config error: telemetry.queueMaxBytes (line 2): must be a positive size below 8 EiB
      bad cluster         | installation: { cluster: 'prod eu' }            | config error: installation.cluster (line 1): must be 1-63 letters, digits, '.', '_' or '-'
      compression 0       | bundle:\\n  compressionLevel: 0               | config error: bundle.compressionLevel (line 2): must be 1 (fastest) to 19 (smallest), got 0
      compression 20      | bundle:\\n  compressionLevel: 20              | config error: bundle.compressionLevel (line 2): must be 1 (fastest) to 19 (smallest), got 20
      domain as url       | redaction:\\n  customerDomains: [acme.com, 'https://globex.com'] | config error: redaction.customerDomains (line 2): entry 2 is not a DNS domain name: ASCII letters, digits, '-', '_' and '.' only, such as acme.com or *.acme.com (no scheme, port or path; an internationalised name in its xn-- form)
      domain with port    | redaction:\\n  customerDomains: ['acme.com:443'] | config error: redaction.customerDomains (line 2): entry 1 is not a DNS domain name: ASCII letters, digits, '-', '_' and '.' only, such as acme.com or *.acme.com (no scheme, port or path; an internationalised name in its xn-- form)
      domain wildcard     | redaction:\\n  customerDomains: ['*.']       | config error: redaction.customerDomains (line 2): entry 1 is not a DNS domain name: ASCII letters, digits, '-', '_' and '.' only, such as acme.com or *.acme.com (no scheme, port or path; an internationalised name in its xn-- form)
      domain non-ascii    | redaction:\\n  customerDomains: [müller.de]  | config error: redaction.customerDomains (line 2): entry 1 is not a DNS domain name: ASCII letters, digits, '-', '_' and '.' only, such as acme.com or *.acme.com (no scheme, port or path; an internationalised name in its xn-- form)
      """)
  void refusesWithOneLineNamingKeyAndLine(String name, String yaml, String expected) {
    assertThatThrownBy(() -> loader.bind(yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(expected);
  }

  @Test
  void customerDomainsTakeEverySpellingTheHostDetectorMatches() throws Exception {
    AgentConfig c = loader.bind("redaction:\n  customerDomains: [acme.com, '*.globex.com', .initech.com, ACME-corp.net,"
        + " my_zone.corp.local, 'hooli.com.', intranet]\n");
    assertThat(c.redaction().customerDomains()).hasSize(7);
  }

  @Test
  void anUnknownTopLevelKeyListsTheKnownOnes() {
    assertThatThrownBy(() -> loader.bind("tier: full\nteir: full\n"))
        .hasMessageStartingWith("config error: teir (line 2): unknown key (expected one of: bundle, ")
        .hasMessageContaining(" tier");
  }

  @Test
  void errorMessagesNeverEchoTheValue() {
    assertThatThrownBy(() -> loader.bind("server:\n  port: s3cr3t-value\n"))
        .isInstanceOf(ConfigException.class)
        .message().doesNotContain("s3cr3t-value");
    assertThatThrownBy(() -> loader.bind("telemetry:\n  endpoint: http://user:s3cr3t@evil.example.com\n"))
        .message().doesNotContain("s3cr3t");
  }

  @Test
  void environmentOverridesWinAndAreNamedInErrors() throws Exception {
    ConfigLoader withEnv = new ConfigLoader(Map.of(
        "COMPANYOS_AGENT_TIER", "heartbeat",
        "COMPANYOS_AGENT_SERVER_PORT", "9500",
        "COMPANYOS_AGENT_STATE_DIR", "/srv/state",
        "COMPANYOS_AGENT_REDACTION_CUSTOMER_DOMAINS", "acme.com, acme.internal",
        "COMPANYOS_AGENT_INSTALLATION_CLUSTER", "prod-us"));
    AgentConfig c = withEnv.bind("tier: full\nserver: { port: 1 }\n");
    assertThat(c.tier()).isEqualTo(Tier.HEARTBEAT);
    assertThat(c.server().port()).isEqualTo(9500);
    assertThat(c.stateDir()).isEqualTo(Path.of("/srv/state"));
    assertThat(c.redaction().customerDomains()).containsExactly("acme.com", "acme.internal");
    assertThat(c.installation().cluster()).isEqualTo("prod-us");

    ConfigLoader badEnv = new ConfigLoader(Map.of("COMPANYOS_AGENT_HEARTBEAT_INTERVAL", "often"));
    assertThatThrownBy(() -> badEnv.bind(""))
        .hasMessage("config error: heartbeat.interval (env COMPANYOS_AGENT_HEARTBEAT_INTERVAL): "
            + "expected a duration like 500ms, 30s, 5m, 24h or 7d");
  }

  @ParameterizedTest
  @CsvSource({"64MiB, 67108864", "1GiB, 1073741824", "1048576, 1048576", "'2 gb', 2147483648", "4096k, 4194304"})
  void theQueueCapTakesSizesWithBinaryUnits(String text, long bytes) throws Exception {
    AgentConfig c = loader.bind("telemetry:\n  queueMaxBytes: " + text + "\n");
    assertThat(c.telemetry().queueMaxBytes().bytes()).isEqualTo(bytes);
    assertThat(loader.bind(ConfigPrinter.toYaml(c))).isEqualTo(c);
  }

  @Test
  void theQueueCapCanBeSetAndIsCheckedInTheEnvironment() throws Exception {
    ConfigLoader withEnv = new ConfigLoader(Map.of("COMPANYOS_AGENT_TELEMETRY_QUEUE_MAX_BYTES", "1GiB"));
    assertThat(withEnv.bind("telemetry: { queueMaxBytes: 64MiB }\n").telemetry().queueMaxBytes().bytes())
        .isEqualTo(1L << 30);
    ConfigLoader tooSmall = new ConfigLoader(Map.of("COMPANYOS_AGENT_TELEMETRY_QUEUE_MAX_BYTES", "4096"));
    assertThatThrownBy(() -> tooSmall.bind(""))
        .hasMessage("config error: telemetry.queueMaxBytes (env COMPANYOS_AGENT_TELEMETRY_QUEUE_MAX_BYTES): "
            + "must be at least 1MiB (one export batch must fit)");
  }

  @Test
  void everyScalarKeyHasAnEnvironmentVariable() {
    assertThat(EnvOverrides.variables())
        .extracting(EnvOverrides.Variable::name)
        .contains("COMPANYOS_AGENT_TIER", "COMPANYOS_AGENT_STATE_DIR", "COMPANYOS_AGENT_SERVER_HOST",
            "COMPANYOS_AGENT_SERVER_PORT", "COMPANYOS_AGENT_SERVER_ADMIN_TOKEN_FILE",
            "COMPANYOS_AGENT_TELEMETRY_ENDPOINT", "COMPANYOS_AGENT_TELEMETRY_INTERVAL",
            "COMPANYOS_AGENT_TELEMETRY_QUEUE_MAX_BYTES",
            "COMPANYOS_AGENT_HEARTBEAT_ENDPOINT", "COMPANYOS_AGENT_HEARTBEAT_INTERVAL",
            "COMPANYOS_AGENT_BUNDLE_OUTPUT_DIR", "COMPANYOS_AGENT_BUNDLE_RECIPIENTS");
  }

  @Test
  void secretFilesAreReadButNeverPrinted(@TempDir Path dir) throws Exception {
    Path token = dir.resolve("admin-token");
    Files.writeString(token, "tok-9f8e7d6c-5a4b3c2d1e0f\n");
    AgentConfig c = loader.bind("server:\n  adminTokenFile: " + token + "\n"
        + "telemetry:\n  headers:\n    X-License-Token: lic-1234567\n");
    assertThat(c.server().adminTokenValue().reveal()).isEqualTo("tok-9f8e7d6c-5a4b3c2d1e0f");
    assertThat(c.telemetry().headers().get("X-License-Token").reveal()).isEqualTo("lic-1234567");
    String printed = ConfigPrinter.toYaml(c);
    assertThat(printed).doesNotContain("tok-9f8e7d6c-5a4b3c2d1e0f").doesNotContain("lic-1234567")
        .contains("X-License-Token: '********'").contains("adminTokenFile: " + token);
    assertThat(c.toString()).doesNotContain("lic-1234567");
  }

  @Test
  void aMissingSecretFileIsAConfigErrorNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> loader.bind("server:\n  host: 127.0.0.1\n  adminTokenFile: " + missing + "\n"))
        .hasMessage("config error: server.adminTokenFile (line 3): cannot read secret file " + missing
            + " (NoSuchFileException)");
  }

  @Test
  void aSecretFileThatNeverEndsOrIsTooLargeIsRefusedWithoutReadingItAll(@TempDir Path dir) throws Exception {
    // /dev/zero reports size 0 and never ends: reading it whole would fill the heap
    assertThatThrownBy(() -> loader.bind("server:\n  adminTokenFile: /dev/zero\n"))
        .hasMessage("config error: server.adminTokenFile (line 2): secret file /dev/zero is not a regular file");
    Path big = dir.resolve("big-token");
    Files.write(big, new byte[64 * 1024 + 1]);
    assertThatThrownBy(() -> loader.bind("server:\n  adminTokenFile: " + big + "\n"))
        .hasMessage("config error: server.adminTokenFile (line 2): secret file " + big + " is larger than 64 KiB");
  }

  @Test
  void aMissingConfigFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("agent.yaml");
    assertThatThrownBy(() -> loader.load(missing)).hasMessage("config error: (" + missing + "): no such file");
  }

  @Test
  void printedConfigBindsBackToTheSameConfig() throws Exception {
    AgentConfig c = loader.bind("tier: heartbeat\ntelemetry: { interval: 90s, queueMaxBytes: 3000000 }\n"
        + "heartbeat: { interval: 36h }\n");
    assertThat(loader.bind(ConfigPrinter.toYaml(c))).isEqualTo(c);
  }
}
