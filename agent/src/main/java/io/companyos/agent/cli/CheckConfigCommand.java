package io.companyos.agent.cli;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.ConfigPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code agent check-config}: validates the configuration and prints the effective one, secrets masked. */
@Command(name = "check-config",
    description = "Validate the configuration and print the effective configuration (secrets masked).")
final class CheckConfigCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws ConfigException {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    PrintWriter out = spec.commandLine().getOut();
    out.println("# effective configuration of "
        + (common.configFile() == null ? "the embedded defaults" : common.configFile())
        + " with COMPANYOS_AGENT_* overrides; secrets masked");
    out.print(ConfigPrinter.toYaml(config));
    out.flush();
    spec.commandLine().getErr().println("config OK");
    spec.commandLine().getErr().flush();
    return ExitCodes.OK;
  }
}
