package io.companyos.agent.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Loads the configuration: one YAML file (or the embedded {@code default-config.yaml}), then the
 * {@code COMPANYOS_AGENT_*} environment overrides, bound strictly to {@link AgentConfig}. Every problem becomes one
 * {@link ConfigException} naming the key path and its line (or environment variable).
 */
public final class ConfigLoader {
  /** The embedded configuration used when no {@code --config} is given. */
  public static final String DEFAULT_RESOURCE = "/default-config.yaml";
  private static final int MAX_CONFIG_BYTES = 1024 * 1024;

  /**
   * Keys a release retired, by key path ({@code []} for any list index, e.g. {@code probes[].foo}), with what to do
   * instead: a configuration of an older version that still names one gets this migration message, not "unknown
   * key". Keys are only ever added so far (0.1.0 is the first release), so the table is empty; a change that renames
   * or removes a key adds its entry here (the compatibility test over {@code config-compat/} fails until it does).
   */
  static final Map<String, String> RETIRED_KEYS = Map.of();

  private final Map<String, String> env;
  private final Map<String, String> retired;
  private final YAMLFactory yaml = YAMLFactory.builder().build();
  private final ObjectMapper mapper = ConfigJackson.mapper();

  /** A loader reading overrides from {@code env} (pass {@code System.getenv()} in production). */
  public ConfigLoader(Map<String, String> env) {
    this(env, RETIRED_KEYS);
  }

  /** A loader with its own table of retired keys (tests of the migration messages). */
  ConfigLoader(Map<String, String> env, Map<String, String> retired) {
    this.env = Map.copyOf(Objects.requireNonNull(env));
    this.retired = Map.copyOf(retired);
  }

  /** Loads {@code file}, or the embedded default configuration when {@code file} is null. */
  public AgentConfig load(Path file) throws ConfigException {
    return bind(file == null ? embeddedDefault() : read(file));
  }

  /** The text of the embedded default configuration. */
  public static String embeddedDefault() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new String(Objects.requireNonNull(in, DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("the embedded default configuration is missing from the jar", e);
    }
  }

  /** Binds YAML text (plus the environment overrides). */
  public AgentConfig bind(String yamlText) throws ConfigException {
    YamlDocument doc = YamlDocument.parse(yamlText, yaml, mapper);
    Map<String, String> fromEnv = EnvOverrides.apply(doc.root(), env);
    try {
      return mapper.treeToValue(doc.root(), AgentConfig.class);
    } catch (JsonMappingException e) {
      throw translate(e, doc, fromEnv, retired);
    } catch (IOException e) {
      throw new ConfigException("", "", "cannot bind the configuration (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static String read(Path file) throws ConfigException {
    if (Files.isDirectory(file)) {
      throw new ConfigException("", file.toString(), "is a directory, not a configuration file");
    }
    try {
      if (Files.size(file) > MAX_CONFIG_BYTES) {
        throw new ConfigException("", file.toString(), "larger than 1 MiB; is this the right file?");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", file.toString(), "no such file");
    } catch (IOException e) {
      throw new ConfigException("", file.toString(), "cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static ConfigException translate(JsonMappingException e, YamlDocument doc, Map<String, String> fromEnv,
      Map<String, String> retired) {
    StringBuilder keyPath = new StringBuilder();
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (keyPath.length() > 0) {
          keyPath.append('.');
        }
        keyPath.append(ref.getFieldName());
        pointer.append('/').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        keyPath.append('[').append(ref.getIndex()).append(']');
        pointer.append('/').append(ref.getIndex());
      }
    }
    String problem;
    InvalidValueException invalid = find(e, InvalidValueException.class);
    if (e instanceof UnrecognizedPropertyException u) {
      String migration = retired.get(keyPath.toString().replaceAll("\\[\\d+]", "[]"));
      problem = migration != null ? migration : "unknown key" + expected(u.getKnownPropertyIds());
    } else if (invalid != null) {
      problem = invalid.getMessage();
      if (invalid.subKey() != null) {
        keyPath.append(keyPath.length() > 0 ? "." : "").append(invalid.subKey());
        pointer.append('/').append(invalid.subKey());
      }
    } else if (ourIllegalArgument(e) != null) {
      problem = ourIllegalArgument(e).getMessage();
    } else if (e instanceof MismatchedInputException m) {
      problem = "expected " + describe(m.getTargetType());
    } else {
      problem = "invalid value";
    }
    String p = pointer.toString();
    String origin = fromEnv.containsKey(p)
        ? "env " + fromEnv.get(p)
        : lineText(doc.lineOf(p));
    return new ConfigException(keyPath.toString(), origin, problem);
  }

  private static String lineText(OptionalInt line) {
    return line.isPresent() ? "line " + line.getAsInt() : "";
  }

  private static String expected(Collection<Object> known) {
    if (known == null || known.isEmpty()) {
      return "";
    }
    TreeSet<String> names = new TreeSet<>();
    known.forEach(k -> names.add(String.valueOf(k)));
    return " (expected one of: " + String.join(", ", names) + ")";
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type)) {
      return "a mapping of keys";
    }
    if (type.isEnum()) {
      return "one of its named values";
    }
    return "a " + type.getSimpleName();
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** An IllegalArgumentException thrown by our own code carries a message without values; a library's may not. */
  private static IllegalArgumentException ourIllegalArgument(Throwable t) {
    IllegalArgumentException iae = find(t, IllegalArgumentException.class);
    if (iae != null && iae.getStackTrace().length > 0
        && iae.getStackTrace()[0].getClassName().startsWith("io.companyos.")) {
      return iae;
    }
    return null;
  }
}
