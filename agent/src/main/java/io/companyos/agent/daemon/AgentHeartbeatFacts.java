package io.companyos.agent.daemon;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.exporters.heartbeat.Health;
import io.companyos.agent.exporters.heartbeat.HeartbeatFacts;
import io.companyos.agent.policy.license.LicenseCheck;
import io.companyos.agent.policy.license.LicenseStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The heartbeat's values in the running agent (and in {@code agent preview}): the state directory's installation id,
 * the build's version, uptime since {@code started}, the license status computed offline at each call (a renewed
 * license file takes effect at the next heartbeat), health from the probes, and the CompanyOS version from
 * {@code installation.productVersion} ({@code unknown} when not configured).
 */
public final class AgentHeartbeatFacts implements HeartbeatFacts {
  private final UUID installationId;
  private final Clock clock;
  private final Instant started;
  private final AgentConfig config;
  private final LicenseCheck license;
  private final Supplier<Health> health;

  public AgentHeartbeatFacts(UUID installationId, AgentConfig config, Clock clock, Instant started,
      Supplier<Health> health) throws IOException {
    this.installationId = installationId;
    this.config = config;
    this.clock = clock;
    this.started = started;
    this.health = health;
    this.license = config.license().vendorKey() == null ? LicenseCheck.withShippedKey(clock)
        : LicenseCheck.withKeyFile(config.license().vendorKey(), clock);
  }

  @Override
  public UUID installationId() {
    return installationId;
  }

  @Override
  public String agentVersion() {
    String v = AgentVersion.get();
    return v.matches("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}") ? v : "unknown";
  }

  @Override
  public String productVersion() {
    return config.installation().productVersion();
  }

  @Override
  public Duration uptime() {
    Duration d = Duration.between(started, clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  @Override
  public LicenseStatus license() {
    return license.status(config.license().file(), config.license().signature());
  }

  @Override
  public Health health() {
    return health.get();
  }
}
