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
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
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
  VendorOptions common;

  @Mixin
  DecryptionKeyOptions keys;

  @Spec
  CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The bundle (*.tar.zst.pgp)")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory to extract into; must be new or empty")
  Path out;

  /** Whether stderr is a terminal, for the progress line; a field so that a test can stand in. */
  java.util.function.BooleanSupplier progressTerminal = () -> Terminal.isTerminal(2);

  @Override
  public Integer call() throws UsageException, KeyException, BundleException, IOException {
    common.applyLogging();
    requireBundleFile(in);
    requireNewOrEmpty(out);
    BundleReader reader = new BundleReader(keys.load());
    BundleContents contents;
    // Ctrl-C or SIGTERM interrupts the extraction, whose own cleanup then removes what it wrote; without this the JVM
    // exited 130 and left the decrypted, unverified files in a hidden directory inside DIR
    PrintWriter err = spec.commandLine().getErr();
    try (ExportCancellation cancel = ExportCancellation.arm(Thread.currentThread(), err,
        "error: interrupted: nothing was extracted")) {
      AtomicLong read = new AtomicLong();
      try (ProgressLine line = ProgressLine.start(progress(read, Files.size(in)), err, progressTerminal.getAsBoolean());
          InputStream bundle = new BufferedInputStream(stopOnSignal(Files.newInputStream(in), cancel, read),
              256 * 1024)) {
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
   * {@code in}, counting what is read into {@code read}, until a signal cancels the command (none when {@code cancel}
   * is null): then its next read fails, and the reader's cleanup removes what it extracted. (The interrupt alone did
   * not stop the extraction: it ran to the end and exited 0.)
   */
  static InputStream stopOnSignal(InputStream in, ExportCancellation cancel, AtomicLong read) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
          read.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = super.read(b, off, len);
        if (n > 0) {
          read.addAndGet(n);
        }
        return n;
      }

      private void check() throws InterruptedIOException {
        if (cancel != null && cancel.signal() != null) {
          throw new InterruptedIOException("interrupted (" + cancel.signal() + ")");
        }
      }
    };
  }

  /**
   * The progress line of reading a bundle of {@code size} bytes (decrypting and checking go at the pace of the read):
   * a bundle of hundreds of MiB took seconds without a sign of life.
   */
  static java.util.function.DoubleFunction<String> progress(AtomicLong read, long size) {
    return seconds -> {
      long done = read.get();
      double rate = seconds > 0 ? done / seconds : 0;
      String eta = rate > 0 && size > done
          ? String.format(Locale.ROOT, ", ETA %d:%02d", (long) ((size - done) / rate) / 60,
              (long) ((size - done) / rate) % 60)
          : "";
      return String.format(Locale.ROOT, "decrypting and verifying: read %s of %s (%s/s)%s", ByteSize.format(done),
          ByteSize.format(size), ByteSize.format((long) rate), eta);
    };
  }

  /**
   * An output directory that is a file or not empty is bad usage (exit 2), refused before the keys are read, as other
   * unusable arguments are; the reader refused it too, as exit 1. Same words.
   */
  private static void requireNewOrEmpty(Path dir) throws UsageException, IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(dir + " exists and is not a directory");
    }
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new UsageException("output directory " + dir + " is not empty; give a new or empty directory");
      }
    }
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
