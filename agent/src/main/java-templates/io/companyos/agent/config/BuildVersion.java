package io.companyos.agent.config;

/**
 * The agent's version as the build set it ({@code agent.version} in agent/pom.xml; the image build passes its
 * VERSION): generated into a constant at build time, not read from a resource at run time, because reading a
 * resource opened and indexed the 24,000-entry jar at every command's start (every class comes from the class-data
 * archive), ~6 ms (docs/benchmarks.md, session 17).
 */
final class BuildVersion {
  static final String VALUE = "${agent.version}";

  private BuildVersion() {}
}
