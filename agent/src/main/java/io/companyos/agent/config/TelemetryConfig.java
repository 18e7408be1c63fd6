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
 * @param queueMaxBytes the cap of the on-disk export queue in {@code stateDir/otlp-queue}; past it the oldest batches
 *     are dropped and counted (default {@code 256MiB}, at least {@code 1MiB})
 */
public record TelemetryConfig(EndpointUrl endpoint, Duration interval, Map<String, Secret> headers,
    DataSize queueMaxBytes) {
  public static final EndpointUrl DEFAULT_ENDPOINT = EndpointUrl.parse("https://telemetry.companyos.io");
  public static final DataSize DEFAULT_QUEUE_MAX_BYTES = DataSize.ofMebibytes(256);
  /** Below this one large batch of error events (512 records with stack traces) would not fit. */
  public static final DataSize MIN_QUEUE_MAX_BYTES = DataSize.ofMebibytes(1);

  public TelemetryConfig {
    endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
    interval = interval == null ? Duration.ofSeconds(60) : interval;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    queueMaxBytes = queueMaxBytes == null ? DEFAULT_QUEUE_MAX_BYTES : queueMaxBytes;
    if (queueMaxBytes.bytes() < MIN_QUEUE_MAX_BYTES.bytes()) {
      throw new InvalidValueException("queueMaxBytes", "must be at least " + MIN_QUEUE_MAX_BYTES
          + " (one export batch must fit)");
    }
  }
}
