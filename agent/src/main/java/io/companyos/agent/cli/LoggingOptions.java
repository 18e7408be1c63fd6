package io.companyos.agent.cli;

import picocli.CommandLine.Option;

/**
 * The logging options of every subcommand and the hidden {@code --stacktrace}; picocli reads them from the
 * subclass's fields ({@link CommonOptions}, {@link VendorOptions}).
 */
abstract class LoggingOptions {
  @Option(names = {"-v", "--verbose"}, description = "Log debug detail to stderr")
  boolean verbose;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Log line format on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  LogSetup.Format logFormat;

  @Option(names = "--stacktrace", hidden = true, description = "Print the stack trace of a failure")
  boolean stacktrace;

  /** Configures logging as the options ask; call first in every command. */
  public void applyLogging() {
    LogSetup.apply(logFormat, verbose);
  }
}
