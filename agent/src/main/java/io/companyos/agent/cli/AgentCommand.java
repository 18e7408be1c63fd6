package io.companyos.agent.cli;

import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.daemon.StateDirectoryException;
import java.io.PrintWriter;
import java.util.List;
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

  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
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
      CommandLine.HelpCommand.class);

  /** The configured command line with every subcommand: one-line errors with distinct exit codes. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line for these arguments: when the first names a subcommand (other than {@code help}, which lists
   * them all), only that subcommand's model is built. Picocli builds a model by reflection over every option of every
   * registered command, which was a third of the daemon's start-up; the parse of the given arguments is the same.
   */
  public static CommandLine commandLine(String[] args) {
    if (args.length > 0 && !"help".equals(args[0])) {
      for (Class<?> c : SUBCOMMANDS) {
        if (args[0].equals(c.getAnnotation(Command.class).name())) {
          return commandLine(List.of(c));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cl = new CommandLine(new AgentCommand());
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
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
