package io.companyos.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks the record for a {@code probes:} entry by its {@code type} key; a missing or unknown type is
 * an error naming the probe and the known types. The rest of the entry binds strictly to the record.
 */
final class ProbeConfigDeserializer extends JsonDeserializer<ProbeConfig> {

  private static final Map<String, Class<? extends ProbeConfig>> TYPES = new TreeMap<>(Map.of(
      "http", HttpProbeConfig.class,
      "tcp", TcpProbeConfig.class,
      "postgres", PostgresProbeConfig.class,
      "redis", RedisProbeConfig.class,
      "neo4j", Neo4jProbeConfig.class));

  @Override
  public ProbeConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = ctxt.readTree(p);
    if (!(node instanceof ObjectNode entry)) {
      throw new InvalidValueException("expected a mapping of keys with at least name and type");
    }
    JsonNode name = entry.get("name");
    String probe = name != null && name.isTextual() ? " of probe '" + name.asText() + "'" : "";
    String known = " (expected one of: " + String.join(", ", TYPES.keySet()) + ")";
    JsonNode type = entry.get("type");
    if (type == null || !type.isTextual()) {
      throw new InvalidValueException("type", "required value missing" + probe + known);
    }
    Class<? extends ProbeConfig> target = TYPES.get(type.asText());
    if (target == null) {
      throw new InvalidValueException("type", "unknown probe type" + probe + known);
    }
    ObjectNode rest = entry.deepCopy();
    rest.remove("type");
    return ctxt.readTreeAsValue(rest, target);
  }
}
