package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleInfo;
import io.companyos.agent.bundle.BundleLimits;
import io.companyos.agent.bundle.BundleTarget;
import io.companyos.agent.bundle.BundleWriter;
import io.companyos.agent.bundle.ExportProgress;
import io.companyos.agent.bundle.ExportReceipt;
import io.companyos.agent.bundle.StagedBundle;
import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundling.BundleCollection;
import io.companyos.agent.bundling.BundleExport;
import io.companyos.agent.bundling.BundleKeys;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.Durations;
import io.companyos.agent.daemon.StateDirectoryException;
import io.companyos.agent.redaction.RevealLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent export-bundle}: collect, redact, and seal an encrypted support bundle for the vendor. */
@Command(name = "export-bundle",
    description = "Collect health, metrics, logs, configuration and system facts, redact every text while streaming,"
        + " and write one encrypted support bundle (tar + zstd in an OpenPGP message to the vendor's key)."
        + " Prints a receipt line: path, size, SHA-256, redaction counts.")
final class ExportBundleCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--out", paramLabel = "PATH|-",
      description = "A directory (the bundle gets its standard name there), a file path, or - for stdout"
          + " (default: bundle.outputDir)")
  String out;

  @Option(names = "--recipient", paramLabel = "KEY.asc",
      description = "Encrypt to this public key instead of bundle.recipients; repeatable")
  List<Path> recipients;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "Logs from this long ago until now (default: ${DEFAULT-VALUE})")
  String since;

  @Option(names = "--include", paramLabel = "LIST", split = ",",
      description = "Only these: health, metrics, logs, config, system, agent (default: all)")
  List<String> include;

  @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "500MiB",
      description = "Cap on the redacted content; kept in order health, config, metrics, then logs newest first"
          + " (default: ${DEFAULT-VALUE})")
  String maxSize;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "50MiB",
      description = "Per-file cap; a larger file keeps its newest part (default: ${DEFAULT-VALUE})")
  String maxFileSize;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "5m",
      description = "After this, whatever is done is sealed and the rest listed as omitted (default: ${DEFAULT-VALUE})")
  String deadline;

  @Option(names = "--dry-run", description = "List what would be collected, with sizes, and stop")
  boolean dryRun;

  @Option(names = "--review", paramLabel = "DIR",
      description = "Write the redacted plaintext and the manifest into DIR (new or empty) and stop;"
          + " then agent seal-bundle DIR encrypts exactly those bytes")
  Path review;

  /** Where {@code --out -} writes; null for the process's standard output (tests capture it here). */
  OutputStream stdout;

  @Override
  public Integer call() throws ConfigException, UsageException, StateDirectoryException, KeyException,
      IOException, BundleException, InterruptedException {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    Duration window = duration(since, "--since");
    Duration limit = duration(deadline, "--deadline");
    BundleLimits limits = BundleLimits.DEFAULTS.withTotalBytes(ByteSize.parse(maxSize, "--max-size"))
        .withPerFileBytes(ByteSize.parse(maxFileSize, "--max-file-size")).withDeadline(limit);
    Set<String> categories = categories(include);
    boolean toStdout = "-".equals(out);
    if (review != null && out != null) {
      throw new UsageException("--review writes a directory to read first; give --out to seal-bundle instead");
    }
    if (review != null && recipients != null) {
      // the review directory is plaintext: the recipients were checked, then silently unused
      throw new UsageException("--review writes plaintext to read first; give --recipient to seal-bundle instead");
    }
    if (review != null && dryRun) {
      // --dry-run won and --review was silently ignored
      throw new UsageException("--dry-run writes nothing and --review writes DIR: give one of them");
    }
    refuseExistingFile(out);
    if (toStdout && stdout == null && review == null && !dryRun) {
      StandardOutput.refuseTerminal();
    }
    PrintWriter human = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();

    // the pseudonyms of the bundle's content go into the installation's reverse map, as agent redact's do, so that a
    // token support names can be looked up here (agent redact --reveal); a dry run redacts nothing
    try (RevealLog revealLog = dryRun ? null : RevealLog.open(config.stateDir())) {
      BundleExport export;
      try {
        export = BundleExport.prepare(config, recipients, Clock.systemUTC(), revealLog);
      } catch (BundleKeys.RecipientException e) {
        throw new UsageException(e.getMessage());
      }
      if (export.demoRecipient() && review == null && !dryRun) { // nothing is encrypted now: seal-bundle warns
        spec.commandLine().getErr().println(BundleKeys.DEMO_WARNING);
        spec.commandLine().getErr().flush();
      }

      try (ExportCancellation cancel = ExportCancellation.arm(Thread.currentThread(), spec.commandLine().getErr())) {
        try {
          return export(config, export, window, limits, categories, toStdout, human, cancel);
        } catch (InterruptedException | BundleException | IOException e) {
          if (cancel.signal() == null) {
            throw e;
          }
          spec.commandLine().getErr().println(cancel.message(review != null
              ? "the review directory " + review + " is incomplete: remove it"
              : "no bundle was written; its temporary files are removed"));
          spec.commandLine().getErr().flush();
          return ExitCodes.FAILED;
        }
      }
    }
  }

  private int export(AgentConfig config, BundleExport export, Duration window, BundleLimits limits,
      Set<String> categories, boolean toStdout, PrintWriter human, ExportCancellation cancel)
      throws IOException, BundleException, InterruptedException {
    BundleExport.Collected collected = export.collect(window, categories, limits.deadline(), System.getenv());
    cancel.check();
    if (dryRun) {
      DryRunListing.print(collected.result(), limits, human);
      human.flush();
      return ExitCodes.OK;
    }

    ExportProgress progress = new ExportProgress();
    BundleWriter writer = export.writer(collected, limits, workDir(config, toStdout), progress);
    BundleInfo info = export.info(collected);
    boolean terminal = Terminal.interactive();
    if (review != null) {
      StagedBundle staged;
      ProgressLine line = ProgressLine.start(progress, spec.commandLine().getErr(), terminal);
      try {
        staged = writer.stageForReview(info, collected.sources(), collected.runs(), review);
      } finally {
        line.close();
      }
      long bytes = staged.manifest().files().stream().mapToLong(FileEntry::size).sum();
      human.println("review directory " + review + ": " + staged.manifest().files().size() + " files, "
          + ByteSize.format(bytes) + ", " + staged.manifest().omissions().size() + " omissions; redactions "
          + BundleSummary.counts(staged.report().totals()));
      human.println("read it (manifest.json lists every file), delete any file you do not want to send, then: "
          + "agent seal-bundle " + review);
      human.flush();
      return ExitCodes.OK;
    }
    ExportReceipt receipt;
    ProgressLine line = ProgressLine.start(progress, spec.commandLine().getErr(), terminal);
    try {
      receipt = writer.export(info, collected.sources(), collected.runs(), target(config, toStdout));
    } finally {
      line.close();
    }
    Receipts.print(receipt, export.demoRecipient(), human);
    return ExitCodes.OK;
  }

  private BundleTarget target(AgentConfig config, boolean toStdout) {
    if (toStdout) {
      return BundleTarget.stream(stdout != null ? stdout : ExportCancellation.stdout());
    }
    if (out == null) {
      return BundleTarget.directory(config.bundle().outputDir());
    }
    Path path = Path.of(out);
    return Files.isDirectory(path) ? BundleTarget.directory(path) : BundleTarget.file(path);
  }

  /** Staging (redacted plaintext, 0700) next to where the bundle goes, not in a possibly memory-backed /tmp. */
  private Path workDir(AgentConfig config, boolean toStdout) throws IOException {
    if (toStdout) {
      return Path.of(System.getProperty("java.io.tmpdir"));
    }
    Path dir = out == null ? config.bundle().outputDir() : Path.of(out);
    // outputDir is a directory even before it exists (the first export must stage where the next one sweeps)
    if (out != null && !Files.isDirectory(dir)) {
      dir = dir.toAbsolutePath().getParent();
    }
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Refuses {@code --out FILE} when FILE exists: a bundle never overwrites a file. Checked before any work, not minutes
   * later when the bundle is renamed into place (that was exit 1 after a whole export).
   */
  static void refuseExistingFile(String out) throws UsageException {
    if (out != null && !"-".equals(out) && Files.exists(Path.of(out)) && !Files.isDirectory(Path.of(out))) {
      throw new UsageException("--out " + out + " already exists; a bundle never overwrites a file: give a new file"
          + " name or a directory");
    }
  }

  static Duration duration(String text, String option) throws UsageException {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage() + ", got '" + text + "'");
    }
  }

  static Set<String> categories(List<String> include) throws UsageException {
    if (include == null) {
      return Set.copyOf(BundleCollection.CATEGORIES);
    }
    if (include.isEmpty()) {
      // --include , (or "$EMPTY,") collected everything, the opposite of a narrower bundle
      throw new UsageException("--include: no category given (expected some of "
          + String.join(", ", BundleCollection.CATEGORIES) + ")");
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String item : include) {
      String category = item.trim().toLowerCase(Locale.ROOT);
      if (!BundleCollection.CATEGORIES.contains(category)) {
        throw new UsageException("--include: unknown category '" + item + "' (expected some of "
            + String.join(", ", BundleCollection.CATEGORIES) + ")");
      }
      chosen.add(category);
    }
    return chosen;
  }
}
