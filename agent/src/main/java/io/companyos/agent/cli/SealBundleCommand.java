package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleTarget;
import io.companyos.agent.bundle.BundleWriter;
import io.companyos.agent.bundle.ExportProgress;
import io.companyos.agent.bundle.ExportReceipt;
import io.companyos.agent.bundle.StagedBundle;
import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundling.BundleCanaryCheck;
import io.companyos.agent.bundling.BundleKeys;
import io.companyos.agent.bundling.BundleRedactor;
import io.companyos.agent.bundling.ConfiguredRedactor;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.daemon.StateDirectoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agent seal-bundle DIR}: encrypts exactly the reviewed bytes of {@code export-bundle --review DIR}. */
@Command(name = "seal-bundle",
    description = "Seal a directory made by export-bundle --review into an encrypted bundle: exactly the reviewed"
        + " bytes (files deleted during review are listed as omitted; a changed or added file is refused).")
final class SealBundleCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The review directory")
  Path dir;

  @Option(names = "--out", paramLabel = "PATH|-",
      description = "A directory, a file path, or - for stdout (default: bundle.outputDir)")
  String out;

  @Option(names = "--recipient", paramLabel = "KEY.asc",
      description = "Encrypt to this public key instead of bundle.recipients; repeatable")
  List<Path> recipients;

  @Override
  public Integer call() throws ConfigException, UsageException, StateDirectoryException, KeyException,
      IOException, BundleException {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    if (!Files.isDirectory(dir)) {
      throw new UsageException("review directory " + dir + " does not exist");
    }
    ExportBundleCommand.refuseExistingFile(out);
    boolean toStdout = "-".equals(out);
    if (toStdout) {
      StandardOutput.refuseTerminal();
    }
    PrintWriter human = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    BundleKeys keys;
    try {
      keys = BundleKeys.load(config, recipients, Clock.systemUTC());
    } catch (BundleKeys.RecipientException e) {
      throw new UsageException(e.getMessage());
    }
    if (keys.demoRecipient()) {
      spec.commandLine().getErr().println(BundleKeys.DEMO_WARNING);
      spec.commandLine().getErr().flush();
    }
    StagedBundle staged = StagedBundle.open(dir);
    ExportProgress progress = new ExportProgress();
    BundleWriter writer = BundleWriter.builder()
        .redactor(new BundleRedactor(keys.redactor(), ConfiguredRedactor.rulesVersion(config.redaction())))
        .canaryCheck(new BundleCanaryCheck(keys.redactor()))
        .recipients(keys.recipients())
        .signingKey(keys.signingKey())
        .zstdLevel(config.bundle().compressionLevel())
        .progress(progress)
        .build();
    BundleTarget target;
    if (toStdout) {
      target = BundleTarget.stream(ExportCancellation.stdout());
    } else {
      Path path = out == null ? config.bundle().outputDir() : Path.of(out);
      target = out == null || Files.isDirectory(path) ? BundleTarget.directory(path) : BundleTarget.file(path);
    }
    ExportReceipt receipt;
    ProgressLine line = ProgressLine.start(progress, spec.commandLine().getErr(), Terminal.interactive());
    try (ExportCancellation cancel = ExportCancellation.arm(Thread.currentThread(), spec.commandLine().getErr())) {
      try {
        receipt = writer.seal(staged, target);
      } catch (BundleException e) {
        if (cancel.signal() == null) {
          throw e;
        }
        spec.commandLine().getErr().println(cancel.message("no bundle was written; its temporary file is removed"));
        spec.commandLine().getErr().flush();
        return ExitCodes.FAILED;
      }
    } finally {
      line.close();
    }
    Receipts.print(receipt, keys.demoRecipient(), human);
    return ExitCodes.OK;
  }
}
