package io.companyos.agent.cli;

import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.daemon.StateDirectoryException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/** The {@code agent} command: every subcommand of the CompanyOS Agent. */
@Command(
    name = "agent",
    // -h/--help and -V/--version on every subcommand too (`agent redact --help` was an unknown option)
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    // no subcommands from annotated methods (there are none): picocli otherwise reads the annotations of every method
    // of this class at each start, ~5 ms
    addMethodSubcommands = false,
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
    // without a command nothing was done: bad usage (exit 2, the message and the usage on stderr), not exit 0
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
  }

  /**
   * The subcommands by name, in the order help lists them; in a holder, so that {@code run} with plain arguments does
   * not load picocli's classes at all. Each name is its class's {@code @Command} name (CliTest checks): the lookup of
   * the invoked one by reading every class's annotation parsed 13 annotations (and loaded 13 classes) to build one,
   * ~15 ms of each command's start.
   */
  private static final class Subcommands {
    static final Map<String, Class<?>> BY_NAME = byName(
        "version", VersionCommand.class,
        "check-config", CheckConfigCommand.class,
        "health", HealthCommand.class,
        "run", RunCommand.class,
        "preview", PreviewCommand.class,
        "ledger", LedgerCommand.class,
        "export-bundle", ExportBundleCommand.class,
        "seal-bundle", SealBundleCommand.class,
        "keygen", KeygenCommand.class,
        "decrypt-bundle", DecryptBundleCommand.class,
        "inspect-bundle", InspectBundleCommand.class,
        "redact", RedactCommand.class,
        "help", CommandLine.HelpCommand.class);

    private static Map<String, Class<?>> byName(Object... nameThenClass) {
      Map<String, Class<?>> byName = new LinkedHashMap<>();
      for (int i = 0; i < nameThenClass.length; i += 2) {
        byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
      }
      return Collections.unmodifiableMap(byName);
    }
  }

  /** Each subcommand's name as the lookup of {@link #commandLine(String[])} knows it, by class (for a test). */
  static Map<String, Class<?>> subcommandsByName() {
    return Subcommands.BY_NAME;
  }

  /**
   * Runs the command line as {@link Main} does: {@code run} with plain arguments ({@link RunCommand#plainArgs})
   * directly, with the same error handling; everything else through picocli.
   */
  public static int execute(String[] args) {
    return execute(args, null);
  }

  /** As {@link #execute(String[])}, with errors on {@code err} (null: picocli's standard error writer). */
  static int execute(String[] args, PrintWriter err) {
    RunCommand run = RunCommand.plainArgs(args);
    if (run == null) {
      CommandLine cl = commandLine(args);
      if (err != null) {
        cl.setErr(err);
      }
      return cl.execute(args);
    }
    try {
      return run.call();
    } catch (Exception e) {
      return report(e, err != null ? err : stderr(), run.common.stacktrace);
    }
  }

  /** Standard error as picocli writes it: in the encoding of {@code sun.stderr.encoding}, else the default. */
  private static PrintWriter stderr() {
    String encoding = System.getProperty("sun.stderr.encoding");
    Charset charset = encoding != null && Charset.isSupported(encoding)
        ? Charset.forName(encoding) : Charset.defaultCharset();
    return new PrintWriter(new OutputStreamWriter(System.err, charset), true);
  }

  /** The configured command line with every subcommand: one-line errors with distinct exit codes. */
  public static CommandLine commandLine() {
    return commandLine(List.copyOf(Subcommands.BY_NAME.values()));
  }

  /**
   * The command line for these arguments: when the first names a subcommand (other than {@code help}, which lists
   * them all), only that subcommand's model is built. Picocli builds a model by reflection over every option of every
   * registered command, which was a third of the daemon's start-up; the parse of the given arguments is the same.
   */
  public static CommandLine commandLine(String[] args) {
    Class<?> invoked = args.length > 0 && !"help".equals(args[0]) ? Subcommands.BY_NAME.get(args[0]) : null;
    if (invoked != null) {
      return commandLine(List.of(invoked));
    }
    return commandLine();
  }

  /** The command line with one given subcommand instance (e.g. one reading and writing test streams). */
  static CommandLine commandLineWith(Object subcommand) {
    return commandLine(List.of(subcommand));
  }

  private static CommandLine commandLine(List<?> subcommands) {
    CommandLine cl = new CommandLine(new AgentCommand());
    for (Object c : subcommands) {
      cl.addSubcommand(c);
    }
    Handlers handlers = new Handlers();
    cl.setExecutionExceptionHandler(handlers);
    cl.setParameterExceptionHandler(handlers);
    return cl;
  }

  /**
   * picocli's two exception handlers, in a class rather than two lambdas: picocli's interfaces are Java 5 class files,
   * which the JDK 17 class-data archive leaves out once a lambda made at its dump has linked them; then every command
   * loaded them, and the picocli classes that implement them, from the jar, and made the two lambdas anew.
   */
  private static final class Handlers
      implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
      return handle(ex, cmd, parsed);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      return usageError(ex, args);
    }
  }

  /**
   * A usage error: its line, picocli's suggestions for a mistyped command or option, and where the help is; exit 2.
   * Not the whole usage after it, which pushed the one line that matters off the screen (export-bundle's is 40 lines).
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !cmd.getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
      err.println("Unknown command: '" + unmatched.getUnmatched().get(0) + "'");
    } else {
      err.println(ex.getMessage());
    }
    String reordered = cmd.getParent() == null ? optionsAfterTheCommand(args, cmd) : null;
    if (reordered != null) {
      // `agent -v health` suggested --version
      err.println("Options go after the command: " + reordered);
    } else {
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int handle(Exception ex, CommandLine cmd, ParseResult parsed) {
    return report(ex, cmd.getErr(), wantsStacktrace(parsed));
  }

  /** A failed command's one line on {@code err} (and its stack trace when asked), and its exit status. */
  private static int report(Exception ex, PrintWriter err, boolean stacktrace) {
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
    if (stacktrace) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /**
   * {@code agent --config F check-config} as {@code agent check-config --config F}, when options came before a
   * command; null when no argument names a command or none comes before it.
   */
  private static String optionsAfterTheCommand(String[] args, CommandLine top) {
    for (int i = 1; i < args.length; i++) {
      if (top.getSubcommands().containsKey(args[i]) && args[0].startsWith("-")) {
        List<String> fixed = new java.util.ArrayList<>();
        fixed.add("agent");
        fixed.add(args[i]);
        fixed.addAll(List.of(args).subList(0, i));
        fixed.addAll(List.of(args).subList(i + 1, args.length));
        return String.join(" ", fixed);
      }
    }
    return null;
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
