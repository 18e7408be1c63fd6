package io.companyos.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The shared options of the vendor-side commands (keygen, decrypt-bundle, inspect-bundle), which read no agent
 * configuration: logging and the hidden {@code --stacktrace}. {@code -c/--config} is still accepted, so that scripts
 * passing it to every command keep working, but hidden: the help showed an option these commands ignore.
 */
final class VendorOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", hidden = true,
      description = "Accepted and ignored: this command reads no agent configuration")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "Log debug detail to stderr")
  boolean verbose;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Log line format on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  LogSetup.Format logFormat;

  @Option(names = "--stacktrace", hidden = true, description = "Print the stack trace of a failure")
  boolean stacktrace;

  /** Configures logging as the options ask; call first in every command. */
  void applyLogging() {
    LogSetup.apply(logFormat, verbose);
  }
}
