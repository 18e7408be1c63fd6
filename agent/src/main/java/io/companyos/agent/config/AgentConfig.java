package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.companyos.agent.policy.Tier;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole agent configuration, as bound from one YAML file plus {@code COMPANYOS_AGENT_*} environment overrides.
 * Every key is optional; an absent key takes the default documented on its record, which is also what the embedded
 * {@code default-config.yaml} says.
 *
 * @param tier what may leave the environment (default {@code airgapped})
 * @param stateDir the agent's private state: installation id, keys, queues, ledger (default {@code ./agent-data})
 * @param probes health probes (typed by the collectors issue)
 * @param logs log sources to tail and to bundle
 */
public record AgentConfig(
    Tier tier,
    Path stateDir,
    InstallationConfig installation,
    ServerConfig server,
    TelemetryConfig telemetry,
    HeartbeatConfig heartbeat,
    List<JsonNode> probes,
    List<LogSourceConfig> logs,
    RedactionConfig redaction,
    BundleConfig bundle) {

  public static final Path DEFAULT_STATE_DIR = Path.of("agent-data");

  public AgentConfig {
    tier = tier == null ? Tier.AIRGAPPED : tier;
    stateDir = stateDir == null ? DEFAULT_STATE_DIR : stateDir;
    installation = installation == null ? new InstallationConfig(null, null) : installation;
    server = server == null ? new ServerConfig(null, null, null, null) : server;
    telemetry = telemetry == null ? new TelemetryConfig(null, null, null) : telemetry;
    heartbeat = heartbeat == null ? new HeartbeatConfig(null, null) : heartbeat;
    probes = probes == null ? List.of() : List.copyOf(probes);
    logs = logs == null ? List.of() : List.copyOf(logs);
    redaction = redaction == null ? new RedactionConfig(null, null) : redaction;
    bundle = bundle == null ? new BundleConfig(null, null) : bundle;
  }

  /** The configuration with every default, as if the YAML file were empty. */
  public static AgentConfig defaults() {
    return new AgentConfig(null, null, null, null, null, null, null, null, null, null);
  }
}
