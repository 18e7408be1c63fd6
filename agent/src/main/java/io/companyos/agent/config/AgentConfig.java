package io.companyos.agent.config;

import io.companyos.agent.policy.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole agent configuration, as bound from one YAML file plus {@code COMPANYOS_AGENT_*} environment overrides.
 * Every key is optional; an absent key takes the default documented on its record, which is also what the embedded
 * {@code default-config.yaml} says.
 *
 * @param tier what may leave the environment (default {@code airgapped})
 * @param stateDir the agent's private state: installation id, keys, queues, ledger (default {@code ./agent-data})
 * @param probes health probes, each typed by its {@code type} key; names unique (default none)
 * @param logs log sources to tail and to bundle
 * @param scrapes Prometheus endpoints of CompanyOS services to scrape (default none)
 * @param probeInterval how often {@code agent run} runs every probe (default {@code 30s})
 * @param hostRoot where the host's {@code /proc} and {@code /sys} are (default {@code /}; {@code /host} in the
 *     DaemonSet, which mounts them there)
 * @param policy an optional signed site policy capping the tier and narrowing the allowlist (default none)
 * @param license the license file whose status the heartbeat reports (default none: {@code missing})
 * @param proxy HTTP proxy for vendor endpoints (default none)
 * @param tls CA bundle and mTLS client certificate for vendor endpoints (default: JVM roots, no client certificate)
 */
public record AgentConfig(
    Tier tier,
    Path stateDir,
    InstallationConfig installation,
    ServerConfig server,
    TelemetryConfig telemetry,
    HeartbeatConfig heartbeat,
    List<ProbeConfig> probes,
    List<LogSourceConfig> logs,
    List<ScrapeConfig> scrapes,
    RedactionConfig redaction,
    BundleConfig bundle,
    Duration probeInterval,
    Path hostRoot,
    PolicyConfig policy,
    LicenseConfig license,
    ProxyConfig proxy,
    TlsConfig tls) {

  public static final Path DEFAULT_STATE_DIR = Path.of("agent-data");
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

  public AgentConfig {
    tier = tier == null ? Tier.AIRGAPPED : tier;
    stateDir = stateDir == null ? DEFAULT_STATE_DIR : stateDir;
    installation = installation == null ? new InstallationConfig(null, null, null) : installation;
    server = server == null ? new ServerConfig(null, null, null, null, null, null) : server;
    telemetry = telemetry == null ? new TelemetryConfig(null, null, null, null) : telemetry;
    heartbeat = heartbeat == null ? new HeartbeatConfig(null, null) : heartbeat;
    probes = probes == null ? List.of() : List.copyOf(probes);
    logs = logs == null ? List.of() : List.copyOf(logs);
    scrapes = scrapes == null ? List.of() : List.copyOf(scrapes);
    requireUniqueNames(probes, "probes", "probe");
    requireUniqueNames(scrapes.stream().map(ScrapeConfig::name).toList(), "scrapes", "scrape");
    redaction = redaction == null ? new RedactionConfig(null, null) : redaction;
    bundle = bundle == null ? new BundleConfig(null, null, null, null) : bundle;
    probeInterval = probeInterval == null ? DEFAULT_PROBE_INTERVAL : probeInterval;
    hostRoot = hostRoot == null ? Path.of("/") : hostRoot;
    if (!hostRoot.isAbsolute()) {
      throw new InvalidValueException("hostRoot", "must be an absolute path");
    }
    policy = policy == null ? PolicyConfig.none() : policy;
    policy.requireTierWithin(tier);
    license = license == null ? LicenseConfig.none() : license;
    proxy = proxy == null ? ProxyConfig.none() : proxy;
    tls = tls == null ? TlsConfig.none() : tls;
  }

  /** The configuration with every default, as if the YAML file were empty. */
  public static AgentConfig defaults() {
    return new AgentConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  private static void requireUniqueNames(List<?> entries, String key, String what) {
    Set<String> seen = new HashSet<>();
    for (Object entry : entries) {
      String name = entry instanceof ProbeConfig p ? p.name() : (String) entry;
      if (!seen.add(name)) {
        throw new InvalidValueException(key, "two " + what + "s are named '" + name + "'");
      }
    }
  }
}
