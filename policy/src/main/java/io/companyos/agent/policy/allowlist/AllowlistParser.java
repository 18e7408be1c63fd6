package io.companyos.agent.policy.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the allowlist resource. A malformed resource is a build defect, so it fails loudly. */
final class AllowlistParser {
  private AllowlistParser() {}

  static TelemetryAllowlist fromResource(String resource) {
    try (InputStream in = AllowlistParser.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("allowlist resource missing from the build: " + resource);
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("allowlist resource unreadable: " + resource, e);
    }
  }

  static TelemetryAllowlist parse(JsonNode root) {
    JsonNode heartbeat = required(root, "heartbeat");
    JsonNode otlp = required(root, "otlp");
    ValueRule heartbeatRule = new ValueRule(ValueType.OBJECT, 0, List.of(), false,
        rules(required(heartbeat, "fields")), "the heartbeat document");
    return new TelemetryAllowlist(required(root, "allowlistVersion").asInt(),
        required(heartbeat, "schemaVersion").asInt(), heartbeatRule,
        rules(required(otlp, "resourceAttributes")), rules(required(otlp, "attributes")),
        metricRules(required(otlp, "metrics")), metricRules(required(otlp, "logEvents")));
  }

  private static Map<String, ValueRule> rules(JsonNode object) {
    Map<String, ValueRule> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      out.put(e.getKey(), rule(e.getValue()));
    }
    return out;
  }

  private static ValueRule rule(JsonNode node) {
    ValueType type = ValueType.fromLabel(required(node, "type").asText());
    return new ValueRule(type, node.path("value").asLong(0), texts(node.path("values")),
        node.path("nullable").asBoolean(false),
        type == ValueType.OBJECT ? rules(required(node, "fields")) : Map.of(),
        node.path("description").asText(""));
  }

  private static Map<String, MetricRule> metricRules(JsonNode object) {
    Map<String, MetricRule> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      JsonNode m = e.getValue();
      out.put(e.getKey(), new MetricRule(m.path("instrument").asText("event"), m.path("unit").asText(""),
          texts(m.path("attributes")), m.path("description").asText("")));
    }
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      throw new IllegalStateException("allowlist: missing key " + key);
    }
    return v;
  }
}
