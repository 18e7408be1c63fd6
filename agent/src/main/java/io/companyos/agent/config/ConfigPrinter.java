package io.companyos.agent.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Prints the effective configuration as YAML, every secret masked as {@value Secret#MASK}. */
public final class ConfigPrinter {
  private ConfigPrinter() {}

  public static String toYaml(AgentConfig config) {
    JsonNode tree = toTree(config);
    YAMLFactory factory = YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .build();
    try {
      return new ObjectMapper(factory).writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the configuration", e);
    }
  }

  /** The configuration as a JSON tree with secrets masked, for {@code /v1/status} and support bundles. */
  public static JsonNode toTree(AgentConfig config) {
    ObjectMapper mapper = ConfigJackson.mapper();
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return mapper.valueToTree(config);
  }
}
