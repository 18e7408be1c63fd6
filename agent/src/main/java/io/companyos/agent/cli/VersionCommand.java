package io.companyos.agent.cli;

import io.companyos.agent.config.AgentVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code agent version}: the agent's version and the Java runtime it runs on. */
@Command(name = "version", description = "Print the agent version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().printf("companyos-agent %s%njava %s (%s)%n", AgentVersion.get(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
