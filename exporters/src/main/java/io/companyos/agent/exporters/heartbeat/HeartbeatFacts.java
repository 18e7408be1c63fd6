package io.companyos.agent.exporters.heartbeat;

import io.companyos.agent.policy.license.LicenseStatus;
import java.time.Duration;
import java.util.UUID;

/** Where the heartbeat's values come from; the agent implements it. Each call returns the value as of now. */
public interface HeartbeatFacts {
  /** The random installation id from the state directory. */
  UUID installationId();

  String agentVersion();

  /** The CompanyOS version, or {@code unknown}. */
  String productVersion();

  /** Time since the agent process started. */
  Duration uptime();

  LicenseStatus license();

  Health health();
}
