package io.companyos.agent.cli;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand shares: the configuration file, logging, and the hidden {@code --stacktrace}. */
public final class CommonOptions extends LoggingOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "YAML configuration file (default: $COMPANYOS_AGENT_CONFIG, else the embedded default"
          + " configuration)")
  Path config;

  /** The environment variable naming the configuration file when {@code --config} is not given. */
  public static final String CONFIG_ENV = "COMPANYOS_AGENT_CONFIG";

  /**
   * Loads the configuration named by {@code --config}, else by {@code $COMPANYOS_AGENT_CONFIG} (so that
   * {@code kubectl exec <pod> -- agent <command>} uses the pod's configuration), else the embedded default; with the
   * process environment's overrides.
   */
  public AgentConfig loadConfig() throws ConfigException {
    return new ConfigLoader(System.getenv()).load(configFile());
  }

  /** The configuration file in use, or null for the embedded default. */
  public Path configFile() {
    if (config != null) {
      return config;
    }
    String fromEnv = System.getenv(CONFIG_ENV);
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }
}
