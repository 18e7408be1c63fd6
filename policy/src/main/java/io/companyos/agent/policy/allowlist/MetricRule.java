package io.companyos.agent.policy.allowlist;

import java.util.List;

/**
 * One allowlisted metric.
 *
 * @param instrument counter, gauge or histogram
 * @param unit base unit, e.g. {@code seconds}
 * @param attributes the attribute keys this metric may carry (each defined in the allowlist's attributes)
 * @param description what it measures, for the telemetry schema document
 */
public record MetricRule(String instrument, String unit, List<String> attributes, String description) {
  public MetricRule {
    attributes = List.copyOf(attributes);
  }
}
