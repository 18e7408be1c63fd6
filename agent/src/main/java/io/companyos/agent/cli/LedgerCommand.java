package io.companyos.agent.cli;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.policy.ledger.LedgerEntry;
import io.companyos.agent.policy.ledger.LedgerReader;
import io.companyos.agent.policy.ledger.LedgerVerification;
import io.companyos.agent.policy.ledger.LedgerVerifier;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent ledger verify|show}: the egress ledger, the record of everything that left. */
@Command(name = "ledger", description = "Check or print the egress ledger (stateDir/egress-ledger.jsonl).",
    subcommands = {LedgerCommand.Verify.class, LedgerCommand.Show.class})
final class LedgerCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    // without a command nothing was done: bad usage (exit 2, the message and the usage on stderr), not exit 0
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
  }

  /** {@code agent ledger verify}: exit 0 when the chain is intact, 1 when an entry was edited or deleted. */
  @Command(name = "verify", description = "Check the ledger's hash chain: exit 0 when intact, 1 when an entry was "
      + "edited, deleted or reordered.")
  static final class Verify implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      common.applyLogging();
      AgentConfig config = common.loadConfig();
      LedgerVerification v = LedgerVerifier.verify(config.stateDir());
      PrintWriter out = spec.commandLine().getOut();
      if (!v.intact()) {
        PrintWriter err = spec.commandLine().getErr();
        v.problems().forEach(p -> err.println("ledger: " + p));
        err.println("ledger BROKEN: " + v.problems().size() + " problem" + (v.problems().size() == 1 ? "" : "s")
            + " in " + v.entries() + " entries");
        err.flush();
        return ExitCodes.FAILED;
      }
      if (v.entries() == 0) {
        out.println("ledger empty: nothing has been sent from " + config.stateDir());
      } else {
        out.println("ledger intact: " + v.entries() + " entries (" + v.firstSeq() + ".." + v.lastSeq() + ") in "
            + v.files().size() + " file" + (v.files().size() == 1 ? "" : "s")
            + (v.rotatedAway() ? "; older entries were rotated away, the chain is checked from entry "
                + v.firstSeq() : ""));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code agent ledger show [--since 7d] [--json]}. */
  @Command(name = "show", description = "Print ledger entries, oldest first.")
  static final class Show implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DURATION",
        description = "Only entries from this long ago on, e.g. 7d or 12h (default: all)")
    String since;

    @Option(names = "--json", description = "Print the entries as JSON lines, exactly as stored")
    boolean json;

    @Override
    public Integer call() throws Exception {
      common.applyLogging();
      AgentConfig config = common.loadConfig();
      Instant from = Instant.EPOCH;
      if (since != null) {
        // as export-bundle --since: one line naming the value given
        from = Instant.now().minus(ExportBundleCommand.duration(since, "--since"));
      }
      PrintWriter out = spec.commandLine().getOut();
      long damaged = LedgerReader.forEach(config.stateDir(), from, e -> out.println(json ? e.toJson() : line(e)));
      out.flush();
      if (damaged > 0) {
        spec.commandLine().getErr().println("ledger: " + damaged + " damaged line" + (damaged == 1 ? "" : "s")
            + " skipped; run `agent ledger verify`");
        spec.commandLine().getErr().flush();
      }
      return ExitCodes.OK;
    }

    private static String line(LedgerEntry e) {
      return String.format(Locale.ROOT, "%6d  %s  %-12s %-6s %-16s %7d B  sha256:%s  %s", e.seq(), e.time(), e.kind(),
          e.event(), e.outcome(), e.bytes(), e.sha256().substring(0, 16), e.destination());
    }
  }
}
