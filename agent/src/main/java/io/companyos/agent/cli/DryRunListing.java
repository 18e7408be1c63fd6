package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleLimits;
import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.bundling.BundleCollection;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code export-bundle --dry-run}: what would be collected, with sizes, before any redaction or encryption. */
final class DryRunListing {
  private DryRunListing() {}

  static void print(BundleCollection.Result collected, BundleLimits limits, PrintWriter out) {
    out.println("dry run: nothing is written; the bundle would hold (sizes before redaction):");
    long total = 0;
    for (BundleSource source : collected.sources()) {
      long size = source.sizeHint();
      total += Math.max(size, 0);
      String shown = size < 0 ? "size unknown" : ByteSize.format(size);
      String cap = size > limits.perFileBytes() ? "  (over the per-file cap: the newest "
          + ByteSize.format(limits.perFileBytes()) + " kept)" : "";
      out.println(String.format(Locale.ROOT, "  %-8s %10s  %s%s", source.priority().name().toLowerCase(Locale.ROOT),
          shown, source.path(), cap));
    }
    out.println("collectors:");
    for (CollectorRun run : collected.runs()) {
      out.println("  " + run.name() + " " + run.status() + " " + run.durationMillis() + " ms"
          + (run.detail().isEmpty() ? "" : " (" + run.detail() + ")"));
    }
    out.println(collected.sources().size() + " files, " + ByteSize.format(total) + " known; caps: "
        + ByteSize.format(limits.totalBytes()) + " in total, " + ByteSize.format(limits.perFileBytes())
        + " per file");
  }
}
