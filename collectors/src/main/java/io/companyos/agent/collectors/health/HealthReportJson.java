package io.companyos.agent.collectors.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link HealthReport}, as printed by {@code agent health} and served in the
 * daemon's status: {@code {"status": …, "probes": [{name, type, status, latencyMs, detail}]}}.
 */
public final class HealthReportJson {

  private final ObjectMapper mapper;

  public HealthReportJson() {
    this.mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The report as a JSON tree, for embedding in a larger document. */
  public ObjectNode toTree(HealthReport report) {
    ObjectNode root = mapper.createObjectNode();
    root.put("status", report.status().name());
    ArrayNode probes = root.putArray("probes");
    for (ProbeResult result : report.probes()) {
      probes.addObject()
          .put("name", result.name())
          .put("type", result.type())
          .put("status", result.status().name())
          .put("latencyMs", result.latencyMs())
          .put("detail", result.detail());
    }
    return root;
  }

  /** The report as indented JSON text. */
  public String write(HealthReport report) {
    try {
      return mapper.writeValueAsString(toTree(report));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a tree of strings and numbers", e);
    }
  }
}
