package io.companyos.agent.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The customer's phone-home tier. Ordered from the least to the most that leaves the environment, so that
 * "lowering" a tier means moving toward {@link #AIRGAPPED}.
 */
public enum Tier {
  /** Nothing leaves, ever; support bundles are exported by hand. */
  AIRGAPPED("airgapped"),
  /** One small heartbeat document per period. */
  HEARTBEAT("heartbeat"),
  /** The heartbeat plus the allowlisted OTLP telemetry stream. */
  FULL("full");

  private final String configName;

  Tier(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration files and in telemetry, e.g. {@code airgapped}. */
  @JsonValue
  public String configName() {
    return configName;
  }

  /** True when this tier lets at least as much leave as {@code other}. */
  public boolean permitsAtLeast(Tier other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses a configuration value.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  @JsonCreator
  public static Tier fromConfigName(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Tier tier : values()) {
      if (tier.configName.equals(wanted)) {
        return tier;
      }
    }
    throw new IllegalArgumentException("expected one of " + acceptedNames());
  }

  static String acceptedNames() {
    return Arrays.stream(values()).map(Tier::configName).collect(Collectors.joining(", "));
  }
}
