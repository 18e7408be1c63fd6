package io.companyos.agent.collectors.health;

/** Outcome of one probe, from best to worst. */
public enum ProbeStatus {
  /** The target answered and is within its thresholds. */
  UP,
  /** The target answered but is close to a limit (connections, memory). */
  DEGRADED,
  /** The target did not answer correctly within the timeout. */
  DOWN;

  /** The worse of this and {@code other}. */
  public ProbeStatus worst(ProbeStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The value of the {@code agent.probe.status} gauge: 1 UP, 0.5 DEGRADED, 0 DOWN. */
  public double gaugeValue() {
    return switch (this) {
      case UP -> 1.0;
      case DEGRADED -> 0.5;
      case DOWN -> 0.0;
    };
  }
}
