package io.companyos.agent.config;

/** The agent's version, from the build ({@code agent.version}, generated into {@link BuildVersion}). */
public final class AgentVersion {
  private AgentVersion() {}

  public static String get() {
    return BuildVersion.VALUE;
  }
}
