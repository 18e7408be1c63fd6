package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleContents;
import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleReader;
import io.companyos.agent.bundle.pgp.KeyException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agent decrypt-bundle}: the vendor side: decrypt, verify everything, extract, summarise. */
@Command(name = "decrypt-bundle",
    description = "Decrypt a support bundle, check its integrity, every file's SHA-256 against the manifest and the"
        + " manifest's signature, then extract it into DIR and print a summary. On any failure nothing is"
        + " extracted and nothing is written outside DIR (exit 1).")
final class DecryptBundleCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  DecryptionKeyOptions keys;

  @Spec
  CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The bundle (*.tar.zst.pgp)")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory to extract into; must be new or empty")
  Path out;

  @Override
  public Integer call() throws UsageException, KeyException, BundleException, IOException {
    common.applyLogging();
    requireBundleFile(in);
    BundleReader reader = new BundleReader(keys.load());
    BundleContents contents;
    try (InputStream bundle = new BufferedInputStream(Files.newInputStream(in), 256 * 1024)) {
      contents = reader.extract(bundle, out);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("verified      " + in);
    BundleSummary.print(contents, stdout);
    stdout.println("extracted to  " + out);
    stdout.flush();
    return ExitCodes.OK;
  }

  static void requireBundleFile(Path file) throws UsageException {
    if (!Files.exists(file)) {
      throw new UsageException("bundle file " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + " is not a regular file");
    }
  }
}
