package io.companyos.agent.policy.allowlist;

import java.util.Map;
import java.util.Objects;

/**
 * One metric data point (or log event) as the egress guard screens it: its name and attributes. The values themselves
 * (numbers) carry no customer text and are not screened.
 */
public record TelemetryItem(String name, Map<String, String> attributes) {
  public TelemetryItem {
    Objects.requireNonNull(name, "name");
    attributes = Map.copyOf(attributes);
  }
}
