package io.companyos.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from the build (resource {@code agent-version.properties}). */
public final class AgentVersion {
  private static final String VERSION = load();

  private AgentVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = AgentVersion.class.getResourceAsStream("/agent-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
