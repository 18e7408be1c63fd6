package io.companyos.agent.config;

import java.util.OptionalInt;

/**
 * A configuration that cannot be used. The message is one line that names the key path and, where the value came
 * from the YAML file, its line: {@code config error: telemetry.endpoint (line 7): not an absolute https URL}. It never
 * contains the offending value, which may be a secret.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String keyPath;
  private final String origin;
  private final String problem;

  /**
   * @param keyPath dotted key path such as {@code logs[0].path}; empty for the document as a whole
   * @param origin where the value came from, e.g. {@code line 7} or {@code env COMPANYOS_AGENT_SERVER_PORT}; may be empty
   * @param problem what is wrong, without the value
   */
  public ConfigException(String keyPath, String origin, String problem) {
    super(format(keyPath, origin, problem));
    this.keyPath = keyPath;
    this.origin = origin;
    this.problem = problem;
  }

  static ConfigException atLine(String keyPath, OptionalInt line, String problem) {
    return new ConfigException(keyPath, line.isPresent() ? "line " + line.getAsInt() : "", problem);
  }

  public String keyPath() {
    return keyPath;
  }

  public String origin() {
    return origin;
  }

  public String problem() {
    return problem;
  }

  private static String format(String keyPath, String origin, String problem) {
    StringBuilder sb = new StringBuilder("config error: ");
    if (!keyPath.isEmpty()) {
      sb.append(keyPath);
    }
    if (!origin.isEmpty()) {
      sb.append(keyPath.isEmpty() ? "(" : " (").append(origin).append(')');
    }
    if (!keyPath.isEmpty() || !origin.isEmpty()) {
      sb.append(": ");
    }
    return sb.append(problem).toString();
  }
}
