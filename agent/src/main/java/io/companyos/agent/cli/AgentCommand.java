package io.companyos.agent.cli;

import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.daemon.StateDirectoryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/** The {@code agent} command: every subcommand of the CompanyOS Agent. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentCommand.Version.class,
    description = "CompanyOS Agent: health, metrics and support bundles, with PII and secrets redacted.",
    subcommands = {
        VersionCommand.class,
        CheckConfigCommand.class,
        HealthCommand.class,
        RunCommand.class,
        PreviewCommand.class,
        LedgerCommand.class,
        ExportBundleCommand.class,
        SealBundleCommand.class,
        KeygenCommand.class,
        DecryptBundleCommand.class,
        InspectBundleCommand.class,
        RedactCommand.class,
        CommandLine.HelpCommand.class,
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:ok",
        "1:the work failed",
        "2:bad usage or bad configuration",
    })
public final class AgentCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The configured command line: one-line errors with distinct exit codes. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new AgentCommand());
    cl.setExecutionExceptionHandler(AgentCommand::handle);
    return cl;
  }

  private static int handle(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code;
    String line;
    if (ex instanceof ConfigException) {
      code = ExitCodes.USAGE;
      line = ex.getMessage();
    } else if (ex instanceof StateDirectoryException || ex instanceof UsageException) {
      code = ExitCodes.USAGE;
      line = "error: " + ex.getMessage();
    } else {
      code = ExitCodes.FAILED;
      line = "error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
    }
    err.println(line);
    if (wantsStacktrace(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean wantsStacktrace(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"companyos-agent " + AgentVersion.get()};
    }
  }
}
