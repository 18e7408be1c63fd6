package io.companyos.agent.config;

import java.time.Duration;
import java.util.Map;

/**
 * The Tier-1 OTLP stream.
 *
 * @param endpoint OTLP/HTTP base URL; data goes to {@code <endpoint>/v1/metrics} and {@code /v1/logs}
 *     (default {@code https://telemetry.companyos.io})
 * @param interval export interval (default {@code 60s})
 * @param headers extra request headers such as a license token; values are secrets, never printed
 */
public record TelemetryConfig(EndpointUrl endpoint, Duration interval, Map<String, Secret> headers) {
  public static final EndpointUrl DEFAULT_ENDPOINT = EndpointUrl.parse("https://telemetry.companyos.io");

  public TelemetryConfig {
    endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    interval = interval == null ? Duration.ofSeconds(60) : interval;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
