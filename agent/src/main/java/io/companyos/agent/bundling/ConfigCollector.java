package io.companyos.agent.bundling;

import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigPrinter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code config/agent.yaml}: the effective configuration as {@code check-config} prints it, secrets masked. */
final class ConfigCollector implements BundleCollector {
  private final AgentConfig config;

  ConfigCollector(AgentConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "config";
  }

  @Override
  public String category() {
    return "config";
  }

  @Override
  public Collected collect() {
    byte[] yaml = ConfigPrinter.toYaml(config).getBytes(StandardCharsets.UTF_8);
    return new Collected(List.of(InMemorySource.of("config/agent.yaml", SourcePriority.CONFIG, yaml)), "");
  }
}
