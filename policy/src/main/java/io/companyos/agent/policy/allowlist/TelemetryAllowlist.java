package io.companyos.agent.policy.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import io.companyos.agent.policy.DenialReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What may leave, as data: the exact heartbeat schema, and for Tier-1 OTLP the metric names, their attribute keys and
 * the permitted attribute values. Loaded from a versioned resource ({@value #RESOURCE}); documented field by field in
 * {@code docs/telemetry-schema.md}. Immutable and thread-safe.
 */
public final class TelemetryAllowlist {
  /** The built-in allowlist resource. */
  public static final String RESOURCE = "/io/companyos/agent/policy/allowlist/telemetry-allowlist-v1.json";

  private final int version;
  private final int heartbeatSchemaVersion;
  private final ValueRule heartbeat;
  private final Map<String, ValueRule> resourceAttributes;
  private final Map<String, ValueRule> attributes;
  private final Map<String, MetricRule> metrics;
  private final Map<String, MetricRule> logEvents;

  TelemetryAllowlist(int version, int heartbeatSchemaVersion, ValueRule heartbeat,
      Map<String, ValueRule> resourceAttributes, Map<String, ValueRule> attributes, Map<String, MetricRule> metrics,
      Map<String, MetricRule> logEvents) {
    this.version = version;
    this.heartbeatSchemaVersion = heartbeatSchemaVersion;
    this.heartbeat = heartbeat;
    this.resourceAttributes = ordered(resourceAttributes);
    this.attributes = ordered(attributes);
    this.metrics = ordered(metrics);
    this.logEvents = ordered(logEvents);
  }

  /** The allowlist shipped with this agent build. */
  public static TelemetryAllowlist builtIn() {
    return AllowlistParser.fromResource(RESOURCE);
  }

  /** The version of the allowlist document. */
  public int version() {
    return version;
  }

  public int heartbeatSchemaVersion() {
    return heartbeatSchemaVersion;
  }

  /** The heartbeat's top-level fields in document order. */
  public Map<String, ValueRule> heartbeatFields() {
    return heartbeat.fields();
  }

  public Map<String, ValueRule> resourceAttributes() {
    return resourceAttributes;
  }

  public Map<String, ValueRule> attributes() {
    return attributes;
  }

  public Map<String, MetricRule> metrics() {
    return metrics;
  }

  public Map<String, MetricRule> logEvents() {
    return logEvents;
  }

  /**
   * Checks a heartbeat document: exactly the schema's fields, no others, each of the right form.
   *
   * @return the problem (naming the field, never its value), or empty when it conforms
   */
  public Optional<String> heartbeatProblem(JsonNode document) {
    return Optional.ofNullable(heartbeat.check("", document));
  }

  /** Screens one metric data point; empty when it may leave. */
  public Optional<DenialReason> checkMetric(TelemetryItem item) {
    return check(metrics, item);
  }

  /** Screens one log event; empty when it may leave. A body or any other unlisted field refuses it. */
  public Optional<DenialReason> checkLogEvent(TelemetryItem item) {
    return check(logEvents, item);
  }

  /** Screens the OTLP resource attributes of a batch; empty when they may leave. */
  public Optional<DenialReason> checkResource(Map<String, String> resource) {
    for (Map.Entry<String, String> e : resource.entrySet()) {
      ValueRule rule = resourceAttributes.get(e.getKey());
      if (rule == null) {
        return Optional.of(DenialReason.ATTRIBUTE_KEY);
      }
      if (rule.checkText(e.getKey(), e.getValue()) != null) {
        return Optional.of(DenialReason.ATTRIBUTE_VALUE);
      }
    }
    return Optional.empty();
  }

  private Optional<DenialReason> check(Map<String, MetricRule> rules, TelemetryItem item) {
    MetricRule rule = rules.get(item.name());
    if (rule == null) {
      return Optional.of(DenialReason.NAME);
    }
    if (!item.fields().isEmpty()) {
      return Optional.of(DenialReason.FIELD);
    }
    for (Map.Entry<String, String> e : item.attributes().entrySet()) {
      ValueRule value = attributes.get(e.getKey());
      if (value == null || !rule.attributes().contains(e.getKey())) {
        return Optional.of(DenialReason.ATTRIBUTE_KEY);
      }
      if (value.checkText(e.getKey(), e.getValue()) != null) {
        return Optional.of(DenialReason.ATTRIBUTE_VALUE);
      }
    }
    return Optional.empty();
  }

  /** This allowlist with a signed policy's removals applied; removals of unknown names are ignored. */
  public TelemetryAllowlist narrowedBy(AllowlistOverrides overrides) {
    Map<String, ValueRule> attrs = new LinkedHashMap<>(attributes);
    overrides.denyAttributes().forEach(attrs::remove);
    Map<String, MetricRule> kept = new LinkedHashMap<>();
    metrics.forEach((name, rule) -> {
      if (!overrides.denyMetrics().contains(name) && attrs.keySet().containsAll(rule.attributes())) {
        kept.put(name, rule);
      }
    });
    Map<String, MetricRule> events = new LinkedHashMap<>();
    logEvents.forEach((name, rule) -> {
      if (!overrides.denyMetrics().contains(name) && attrs.keySet().containsAll(rule.attributes())) {
        events.put(name, rule);
      }
    });
    return new TelemetryAllowlist(version, heartbeatSchemaVersion, heartbeat, resourceAttributes, attrs, kept, events);
  }

  /** Names of every allowlisted metric, in document order. */
  public List<String> metricNames() {
    return List.copyOf(metrics.keySet());
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
