package io.companyos.agent.cli;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand shares: the configuration file, logging, and the hidden {@code --stacktrace}. */
public final class CommonOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "YAML configuration file (default: the embedded default configuration)")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "Log debug detail to stderr")
  boolean verbose;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Log line format on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  LogSetup.Format logFormat;

  @Option(names = "--stacktrace", hidden = true, description = "Print the stack trace of a failure")
  boolean stacktrace;

  /** Loads the configuration named by {@code --config} (or the embedded default) with the process environment. */
  public AgentConfig loadConfig() throws ConfigException {
    return new ConfigLoader(System.getenv()).load(config);
  }

  /** Configures logging as the options ask; call first in every command. */
  public void applyLogging() {
    LogSetup.apply(logFormat, verbose);
  }

  public Path configFile() {
    return config;
  }
}
