package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Environment overrides: every scalar key of the configuration (and every list of strings or paths) can be set with
 * {@code COMPANYOS_AGENT_<PATH>}, the key path in upper snake case: {@code server.port} is
 * {@code COMPANYOS_AGENT_SERVER_PORT}, {@code stateDir} is {@code COMPANYOS_AGENT_STATE_DIR}. Lists take
 * comma-separated values. The variable names are derived from the configuration records, so the list cannot drift
 * from the code.
 */
public final class EnvOverrides {
  public static final String PREFIX = "COMPANYOS_AGENT_";

  /** One supported variable: its name, the JSON pointer it sets, and whether it takes a comma-separated list. */
  public record Variable(String name, String pointer, boolean list, Class<?> type) {
    /** The dotted key path, e.g. {@code server.port}. */
    public String keyPath() {
      return pointer.substring(1).replace('/', '.');
    }
  }

  private EnvOverrides() {}

  /** Every supported variable, in declaration order. */
  public static List<Variable> variables() {
    List<Variable> vars = new ArrayList<>();
    collect(AgentConfig.class, "", PREFIX, vars);
    return List.copyOf(vars);
  }

  /**
   * Applies the overrides present in {@code env} to the tree.
   *
   * @return the applied variable names by JSON pointer, so that errors can name the variable instead of a line
   */
  static Map<String, String> apply(ObjectNode root, Map<String, String> env) {
    Map<String, String> applied = new LinkedHashMap<>();
    for (Variable v : variables()) {
      String value = env.get(v.name());
      if (value == null) {
        continue;
      }
      String[] parts = v.pointer().substring(1).split("/");
      ObjectNode node = root;
      for (int i = 0; i < parts.length - 1; i++) {
        JsonNode child = node.get(parts[i]);
        if (!(child instanceof ObjectNode)) {
          child = node.putObject(parts[i]);
        }
        node = (ObjectNode) child;
      }
      String leaf = parts[parts.length - 1];
      if (v.list()) {
        ArrayNode array = node.putArray(leaf);
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            array.add(item.trim());
          }
        }
      } else {
        putScalar(node, leaf, value, v.type());
      }
      applied.put(v.pointer(), v.name());
    }
    return applied;
  }

  private static void collect(Class<?> type, String pointer, String prefix, List<Variable> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      String p = pointer + "/" + c.getName();
      String var = prefix + upperSnake(c.getName());
      Class<?> t = c.getType();
      if (t.isRecord() && t != EndpointUrl.class && t != DataSize.class) {
        collect(t, p, var + "_", out);
      } else if (List.class.isAssignableFrom(t)) {
        if (isScalarList(c.getGenericType())) {
          out.add(new Variable(var, p, true, String.class));
        }
      } else if (!Map.class.isAssignableFrom(t)) {
        out.add(new Variable(var, p, false, t));
      }
    }
  }

  private static boolean isScalarList(Type generic) {
    if (generic instanceof ParameterizedType pt) {
      Type arg = pt.getActualTypeArguments()[0];
      return arg == String.class || arg == Path.class;
    }
    return false;
  }

  /** Environment values are text; give numbers and booleans their YAML type so binding stays strict. */
  private static void putScalar(ObjectNode node, String key, String value, Class<?> type) {
    String v = value.trim();
    if ((type == Integer.class || type == int.class) && v.matches("-?\\d{1,9}")) {
      node.put(key, Integer.parseInt(v));
    } else if ((type == Long.class || type == long.class) && v.matches("-?\\d{1,18}")) {
      node.put(key, Long.parseLong(v));
    } else if ((type == Boolean.class || type == boolean.class) && v.matches("true|false")) {
      node.put(key, Boolean.parseBoolean(v));
    } else {
      node.put(key, value);
    }
  }

  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
