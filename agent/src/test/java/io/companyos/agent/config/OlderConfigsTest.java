package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration compatibility across releases (docs/operator-guide.md, "Upgrades"): the configurations and key set of
 * every release frozen under {@code config-compat/<version>/} either still bind unchanged or are refused with the
 * migration message of {@link ConfigLoader#RETIRED_KEYS} for the key that went away — never with "unknown key".
 */
class OlderConfigsTest {

  private static final Path COMPAT = Path.of("src/test/resources/config-compat");
  private static final Map<String, Class<? extends ProbeConfig>> PROBE_TYPES = Map.of(
      "http", HttpProbeConfig.class, "tcp", TcpProbeConfig.class, "postgres", PostgresProbeConfig.class,
      "redis", RedisProbeConfig.class, "neo4j", Neo4jProbeConfig.class);

  private final ConfigLoader loader = new ConfigLoader(Map.of());

  static Stream<Path> releases() throws IOException {
    try (Stream<Path> dirs = Files.list(COMPAT)) {
      List<Path> list = dirs.filter(Files::isDirectory).sorted().toList();
      assertThat(list).as("frozen releases under %s", COMPAT).isNotEmpty();
      return list.stream();
    }
  }

  static Stream<Path> releasedConfigs() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path release : releases().toList()) {
      try (Stream<Path> entries = Files.list(release)) {
        entries.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releasedConfigs")
  void aReleasedConfigurationStillBindsOrGetsItsMigrationMessage(Path file) throws Exception {
    String text = fixture(file);
    try {
      loader.bind(text);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).as("%s is refused (%s), so a retired key must say what to do", file, e.getMessage())
          .doesNotContain("unknown key");
      assertThat(ConfigLoader.RETIRED_KEYS.values()).as("%s: %s", file, e.getMessage())
          .anySatisfy(m -> assertThat(e.getMessage()).contains(m));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void everyKeyOfAReleaseIsStillKnownOrRetiredWithAMessage(Path release) throws Exception {
    Set<String> current = currentKeyPaths();
    for (String key : releasedKeys(release)) {
      assertThat(current.contains(key) || ConfigLoader.RETIRED_KEYS.containsKey(untyped(key)))
          .as("key %s of release %s is neither known nor in ConfigLoader.RETIRED_KEYS", key, release.getFileName())
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void theFrozenConfigurationsSetEveryKeyOfTheirRelease(Path release) throws Exception {
    Set<String> set = new TreeSet<>();
    try (Stream<Path> entries = Files.list(release)) {
      for (Path file : (Iterable<Path>) entries.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
        collectYamlKeys(new ObjectMapper(new YAMLFactory()).readTree(fixture(file)), "", set);
      }
    }
    assertThat(set).containsAll(releasedKeys(release));
  }

  @Test
  void aRetiredKeyIsRefusedWithItsMigrationMessageNotAsUnknown() {
    ConfigLoader withRetired = new ConfigLoader(Map.of(), Map.of(
        "telemetry.batchSize", "removed in 0.3.0: batches are sized by telemetry.interval; delete the key",
        "probes[].retries", "renamed to probes[].attempts in 0.2.0"));

    assertThatThrownBy(() -> withRetired.bind("telemetry:\n  interval: 30s\n  batchSize: 512\n"))
        .hasMessage("config error: telemetry.batchSize (line 3): removed in 0.3.0: batches are sized by "
            + "telemetry.interval; delete the key");
    assertThatThrownBy(() -> withRetired.bind("probes:\n  - {name: a, type: tcp, host: h, port: 1}\n"
        + "  - {name: b, type: tcp, host: h, port: 2, retries: 3}\n"))
        .hasMessage("config error: probes[1].retries (line 3): renamed to probes[].attempts in 0.2.0");
    assertThatThrownBy(() -> withRetired.bind("telemetry:\n  batchSise: 512\n"))
        .hasMessageContaining("telemetry.batchSise (line 2): unknown key (expected one of: ");
  }

  /** Every key path this version accepts: {@code []} for a list index, {@code probes[<type>].key} per probe type. */
  static Set<String> currentKeyPaths() {
    Set<String> out = new TreeSet<>();
    collectRecordKeys(AgentConfig.class, "", out);
    return out;
  }

  private static void collectRecordKeys(Class<?> type, String prefix, Set<String> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + c.getName();
      Class<?> t = c.getType();
      if (t.isRecord() && t != EndpointUrl.class && t != DataSize.class) {
        collectRecordKeys(t, path + ".", out);
      } else if (List.class.isAssignableFrom(t) && element(c.getGenericType()) == ProbeConfig.class) {
        PROBE_TYPES.forEach((name, probe) -> {
          out.add(path + "[" + name + "].type");
          collectRecordKeys(probe, path + "[" + name + "].", out);
        });
      } else if (List.class.isAssignableFrom(t) && element(c.getGenericType()) instanceof Class<?> e && e.isRecord()) {
        collectRecordKeys(e, path + "[].", out);
      } else {
        out.add(path);
      }
    }
  }

  private static Type element(Type generic) {
    return generic instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
  }

  /** The key paths a YAML document sets, written as {@link #currentKeyPaths()} writes them. */
  private static void collectYamlKeys(JsonNode node, String path, Set<String> out) {
    if (node.isObject() && !isFreeFormMap(path)) {
      node.fields().forEachRemaining(f -> {
        String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        collectYamlKeys(f.getValue(), child, out);
      });
    } else if (node.isArray() && (path.equals("probes") || path.equals("logs") || path.equals("scrapes")
        || path.equals("redaction.rules"))) {
      for (JsonNode item : node) {
        String index = path.equals("probes") ? "[" + item.path("type").asText() + "]" : "[]";
        item.fields().forEachRemaining(f -> out.add(path + index + "." + f.getKey()));
      }
    } else {
      out.add(path);
    }
  }

  private static boolean isFreeFormMap(String path) {
    return path.equals("telemetry.headers") || path.equals("redaction.strategies");
  }

  private static List<String> releasedKeys(Path release) throws IOException {
    return Files.readAllLines(release.resolve("keys.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  /** {@code probes[http].url} as {@link ConfigLoader#RETIRED_KEYS} writes it: {@code probes[].url}. */
  private static String untyped(String key) {
    return key.replaceAll("\\[[a-z0-9]*]", "[]");
  }

  private static String fixture(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8)
        .replace("@FIXTURES@", file.getParent().toAbsolutePath().toString());
  }

  /** Prints the current key list (for {@code keys.txt} of a new release). */
  public static void main(String[] args) {
    currentKeyPaths().forEach(System.out::println);
  }
}
