package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleContents;
import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleReader;
import io.companyos.agent.bundle.manifest.ManifestJson;
import io.companyos.agent.bundle.pgp.KeyException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agent inspect-bundle}: verifies a bundle fully and prints its manifest; writes nothing. */
@Command(name = "inspect-bundle",
    description = "Verify a support bundle (integrity, every file against the manifest, the manifest signature)"
        + " without extracting it, and print its manifest.json on stdout (or a summary with --summary).")
final class InspectBundleCommand implements Callable<Integer> {
  @Mixin
  VendorOptions common;

  @Mixin
  DecryptionKeyOptions keys;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (*.tar.zst.pgp)")
  Path file;

  @Option(names = "--summary", description = "Print the human summary instead of the manifest JSON")
  boolean summary;

  /** Whether stderr is a terminal, for the progress line; a field so that a test can stand in. */
  java.util.function.BooleanSupplier progressTerminal = () -> Terminal.isTerminal(2);

  @Override
  public Integer call() throws UsageException, KeyException, BundleException, IOException {
    common.applyLogging();
    DecryptBundleCommand.requireBundleFile(file);
    BundleReader reader = new BundleReader(keys.load());
    BundleContents contents;
    AtomicLong read = new AtomicLong();
    try (ProgressLine line = ProgressLine.start(DecryptBundleCommand.progress(read, Files.size(file)),
            spec.commandLine().getErr(), progressTerminal.getAsBoolean());
        InputStream bundle = new BufferedInputStream(
            DecryptBundleCommand.stopOnSignal(Files.newInputStream(file), null, read), 256 * 1024)) {
      contents = reader.verify(bundle);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (summary) {
      out.println("verified      " + file);
      BundleSummary.print(contents, out);
    } else {
      out.println(new String(new ManifestJson().write(contents.manifest()), StandardCharsets.UTF_8));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
