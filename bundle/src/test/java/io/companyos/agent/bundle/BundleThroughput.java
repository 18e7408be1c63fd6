package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.TimeWindow;
import io.companyos.agent.bundle.pgp.InstallationSigningKey;
import io.companyos.agent.bundle.pgp.RecipientKey;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark driver for {@code bench/bundle-throughput.sh}: exports every file of a directory as logs.
 *
 * <p>Arguments: {@code LOG_DIR RECIPIENT.asc OUT_DIR STATE_DIR [pass-through]}. With {@code pass-through} the text
 * goes through a redactor that copies it unchanged (measures the pipeline alone; never a production redactor).
 */
final class BundleThroughput {

  private BundleThroughput() {}

  public static void main(String[] args) throws Exception {
    Path logs = Path.of(args[0]);
    List<RecipientKey> recipients = RecipientKey.read(Path.of(args[1]));
    Path out = Path.of(args[2]);
    InstallationSigningKey signing = InstallationSigningKey.loadOrCreate(Path.of(args[3]), "bench", Clock.systemUTC());
    ContentRedactor redactor = args.length > 4 && args[4].equals("pass-through") ? new PassThrough()
        : new PlantedSecretRedactor();
    List<BundleSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        sources.add(BundleSource.textFile("logs/bench/" + file.getFileName(), file, SourcePriority.LOGS));
      }
    }
    long started = System.nanoTime();
    ExportReceipt receipt = BundleWriter.builder()
        .redactor(redactor)
        .canaryCheck(List::of)
        .recipients(recipients)
        .signingKey(signing)
        .workDir(out)
        .limits(BundleLimits.DEFAULTS.withPerFileBytes(1L << 30).withTotalBytes(4L << 30)
            .withDeadline(Duration.ofMinutes(10)))
        .build()
        .export(new BundleInfo("bench", "bench", "bench", "bench", "airgapped",
                TimeWindow.endingAt(Instant.now(), Duration.ofHours(24))), sources, List.of(),
            BundleTarget.directory(out));
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("export_seconds=%.2f bundle_bytes=%d files=%d omissions=%d redactor=%s%n", seconds,
        receipt.size(), receipt.manifest().files().size(), receipt.manifest().omissions().size(),
        redactor.getClass().getSimpleName());
  }

  /** Copies text unchanged: measures the pipeline without redaction cost. */
  private static final class PassThrough implements ContentRedactor {
    @Override
    public RedactionCounts redact(Reader in, Writer out, String sourceName) throws IOException {
      in.transferTo(out);
      return RedactionCounts.NONE;
    }

    @Override
    public String rulesVersion() {
      return "pass-through (benchmark only)";
    }
  }
}
