package io.companyos.agent.config;

import java.time.Duration;

/**
 * The Tier-2 heartbeat (also sent in Tier 1).
 *
 * @param endpoint where the heartbeat is posted (default {@code https://telemetry.companyos.io/v1/heartbeat})
 * @param interval one heartbeat per interval (default {@code 24h})
 */
public record HeartbeatConfig(EndpointUrl endpoint, Duration interval) {
  public static final EndpointUrl DEFAULT_ENDPOINT = EndpointUrl.parse("https://telemetry.companyos.io/v1/heartbeat");

  public HeartbeatConfig {
    endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    interval = interval == null ? Duration.ofHours(24) : interval;
  }
}
