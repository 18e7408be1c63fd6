package io.companyos.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The shared options of the vendor-side commands (keygen, decrypt-bundle, inspect-bundle), which read no agent
 * configuration: logging and the hidden {@code --stacktrace}. {@code -c/--config} is still accepted, so that scripts
 * passing it to every command keep working, but hidden: the help showed an option these commands ignore.
 */
final class VendorOptions extends LoggingOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", hidden = true,
      description = "Accepted and ignored: this command reads no agent configuration")
  Path config;
}
