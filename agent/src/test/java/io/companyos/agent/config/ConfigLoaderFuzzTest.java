package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target for the configuration loader (Jazzer): YAML text (plus environment overrides) becomes an
 * {@link AgentConfig} or one {@link ConfigException} with a one-line message; any other exception is a bug, and the
 * message never echoes a secret value that was in the input. Regression inputs:
 * {@code src/test/resources/io/companyos/agent/config/ConfigLoaderFuzzTestInputs/<method>/}.
 */
class ConfigLoaderFuzzTest {
  /** A value that must never appear in an error message. */
  static final String SECRET = "s3cr3t-Vq8ZxK2mWp";

  /**
   * Keys whose value the fuzzer may set to the secret, as YAML lines (the secret follows). Names of probes, rules and
   * detectors are left out: they are identifiers, and messages name them on purpose.
   */
  private static final List<String> SECRET_SLOTS = List.of(
      "adminToken: ", "  adminToken: ", "server: { adminToken: ", "server:\n  adminToken: ",
      "telemetry:\n  headers:\n    Authorization: ", "telemetry: { headers: { x-api-key: ",
      "  password: ", "    password: ", "probes:\n  - name: db\n    type: postgres\n    password: ",
      "tier: ", "server:\n  port: ", "  port: ", "  host: ", "telemetry:\n  endpoint: ", "  endpoint: ",
      "heartbeat:\n  interval: ", "  interval: ", "installation:\n  cluster: ", "  productVersion: ",
      "proxy:\n  url: ", "  url: ", "logs:\n  - path: ", "    format: ", "redaction:\n  keywords: [",
      "  strategies: { email: ", "hostRoot: ", "stateDir: ", "- ", "", "&a ", "!!int ");

  @FuzzTest
  void bindsOrRefusesWithOneCleanLine(FuzzedDataProvider data) {
    int slot = data.consumeInt(-1, SECRET_SLOTS.size() - 1);
    int where = data.consumeInt(0, Integer.MAX_VALUE);
    boolean viaEnv = data.consumeBoolean();
    // file paths are named in messages on purpose (which file cannot be read): not a place for the secret
    List<EnvOverrides.Variable> variables = EnvOverrides.variables().stream()
        .filter(v -> v.type() != java.nio.file.Path.class && !v.list())
        .toList();
    EnvOverrides.Variable variable = variables.get(data.consumeInt(0, variables.size() - 1));
    String yaml = data.consumeRemainingAsString();
    if (yaml.contains(SECRET)) {
      return;
    }
    Map<String, String> env = Map.of();
    if (slot >= 0 && viaEnv) {
      env = Map.of(variable.name(), SECRET);
    } else if (slot >= 0) {
      yaml = plantOnALine(yaml, SECRET_SLOTS.get(slot) + SECRET, where);
    }

    try {
      new ConfigLoader(env).bind(yaml);
    } catch (ConfigException refused) {
      assertThat(refused.getMessage()).startsWith("config error: ").doesNotContain("\n").doesNotContain("\r");
      assertThat(refused.getMessage()).doesNotContain(SECRET);
    }
  }

  /** The line inserted at the start of a fuzzer-chosen line of the text. */
  private static String plantOnALine(String text, String line, int where) {
    int lines = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    int at = 0;
    for (int i = where % lines; i > 0; i--) {
      at = text.indexOf('\n', at) + 1;
    }
    return text.substring(0, at) + line + "\n" + text.substring(at);
  }
}
