package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleContents;
import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleReader;
import io.companyos.agent.bundle.pgp.KeyException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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
    // Ctrl-C or SIGTERM interrupts the extraction, whose own cleanup then removes what it wrote; without this the JVM
    // exited 130 and left the decrypted, unverified files in a hidden directory inside DIR
    PrintWriter err = spec.commandLine().getErr();
    try (ExportCancellation cancel = ExportCancellation.arm(Thread.currentThread(), err,
        "error: interrupted: nothing was extracted")) {
      try (InputStream bundle = new BufferedInputStream(stopOnSignal(Files.newInputStream(in), cancel), 256 * 1024)) {
        contents = reader.extract(bundle, out);
      } catch (BundleException | IOException e) {
        if (cancel.signal() == null) {
          throw e;
        }
        err.println(cancel.message("nothing was extracted"));
        err.flush();
        return ExitCodes.FAILED;
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("verified      " + in);
    BundleSummary.print(contents, stdout);
    stdout.println("extracted to  " + out);
    stdout.flush();
    return ExitCodes.OK;
  }

  /**
   * {@code in} until a signal cancels the command: then its next read fails, and the reader's cleanup removes what it
   * extracted. (The interrupt alone did not stop the extraction: it ran to the end and exited 0.)
   */
  private static InputStream stopOnSignal(InputStream in, ExportCancellation cancel) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        return super.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
      }

      private void check() throws InterruptedIOException {
        if (cancel.signal() != null) {
          throw new InterruptedIOException("interrupted (" + cancel.signal() + ")");
        }
      }
    };
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
