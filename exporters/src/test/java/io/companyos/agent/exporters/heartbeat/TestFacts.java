package io.companyos.agent.exporters.heartbeat;

import io.companyos.agent.policy.license.LicenseState;
import io.companyos.agent.policy.license.LicenseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Heartbeat facts of a test installation. */
final class TestFacts implements HeartbeatFacts {
  private final UUID id;
  private final Clock clock;
  private final Instant started;
  volatile RuntimeException failure;

  TestFacts(UUID id, Clock clock) {
    this.id = id;
    this.clock = clock;
    this.started = clock.instant();
  }

  @Override
  public UUID installationId() {
    return id;
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
    return Duration.between(started, clock.instant());
  }

  @Override
  public LicenseStatus license() {
    return new LicenseStatus(LicenseState.VALID, Optional.of(Instant.parse("2027-12-31T00:00:00Z")));
  }

  @Override
  public Health health() {
    if (failure != null) {
      throw failure;
    }
    return Health.GREEN;
  }
}
