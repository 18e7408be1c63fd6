package io.companyos.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A parsed YAML configuration: the tree, plus the line on which every key and array element starts, keyed by JSON
 * pointer ({@code /telemetry/endpoint}, {@code /logs/0/path}), so that errors found after binding can name a line.
 */
final class YamlDocument {
  private final ObjectNode root;
  private final Map<String, Integer> lines;

  private YamlDocument(ObjectNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  static YamlDocument parse(String yaml, YAMLFactory factory, ObjectMapper mapper) throws ConfigException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = factory.createParser(yaml)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        String pointer = p.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw ConfigException.atLine("", line > 0 ? OptionalInt.of(line) : OptionalInt.empty(),
          "invalid YAML: " + yamlProblem(e));
    } catch (IOException e) {
      throw new ConfigException("", "", "cannot parse YAML (" + e.getClass().getSimpleName() + ")");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(factory.createParser(yaml));
    } catch (IOException e) {
      throw new ConfigException("", "", "invalid YAML");
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return new YamlDocument(JsonNodeFactory.instance.objectNode(), lines);
    }
    if (!tree.isObject()) {
      throw ConfigException.atLine("", OptionalInt.of(1), "the configuration must be a YAML mapping of keys");
    }
    return new YamlDocument((ObjectNode) tree, lines);
  }

  /** Jackson's original message names the problem without echoing values for syntax errors; keep its first line. */
  private static String yamlProblem(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null) {
      // SnakeYAML's problem ("expected the node content, but found '<stream end>'"), not its context ("while
      // parsing a flow node"), which was all the first line said; never its snippet of the document
      // (SnakeYAML's scanner and parser quote single characters and <token kinds>; anything longer is elided)
      return marked.getProblem().trim().replaceAll("'[^'<][^']+'", "'…'");
    }
    String msg = e.getOriginalMessage();
    if (msg == null) {
      return "syntax error";
    }
    if (msg.startsWith("Duplicate field")) {
      return "duplicate key " + msg.substring(msg.indexOf('\'')).replace("'", "");
    }
    int nl = msg.indexOf('\n');
    return (nl > 0 ? msg.substring(0, nl) : msg).trim();
  }

  ObjectNode root() {
    return root;
  }

  /** The line of the node at the pointer, or of its nearest ancestor present in the file. */
  OptionalInt lineOf(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return OptionalInt.of(line);
      }
      if (p.isEmpty()) {
        return OptionalInt.empty();
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
