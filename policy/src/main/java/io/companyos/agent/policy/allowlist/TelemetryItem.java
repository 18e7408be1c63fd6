package io.companyos.agent.policy.allowlist;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One metric data point (or log event) as the egress guard screens it: its name and attributes. The values themselves
 * (numbers) carry no customer text and are not screened.
 *
 * @param name the metric name, or the log record's event name
 * @param attributes attribute keys to their values as text
 * @param fields other content the item carries that the allowlist never permits, by name (for a log record: its
 *     {@code body}, or a {@code severityText} outside the standard ones); any makes the item refused
 */
public record TelemetryItem(String name, Map<String, String> attributes, Set<String> fields) {
  public TelemetryItem {
    Objects.requireNonNull(name, "name");
    attributes = Map.copyOf(attributes);
    fields = Set.copyOf(fields);
  }

  /** An item with only a name and attributes (a metric data point). */
  public TelemetryItem(String name, Map<String, String> attributes) {
    this(name, attributes, Set.of());
  }
}
