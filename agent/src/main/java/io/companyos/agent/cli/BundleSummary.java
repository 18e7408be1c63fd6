package io.companyos.agent.cli;

import io.companyos.agent.bundle.BundleContents;
import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.bundle.manifest.FileEntry;
import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.Omission;
import io.companyos.agent.bundle.manifest.Truncation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human summary of a verified bundle, for the vendor's support engineer. */
final class BundleSummary {
  private BundleSummary() {}

  static void print(BundleContents contents, PrintWriter out) {
    Manifest m = contents.manifest();
    out.println("installation  " + m.installationId() + "  (cluster " + m.cluster() + ", node " + m.node()
        + ", tier " + m.tier() + ")");
    out.println("signed by     " + contents.signerFingerprint() + "  (installation signing key; compare with"
        + " earlier bundles)");
    out.println("created       " + m.createdAt() + " by agent " + m.agentVersion());
    out.println("window        " + m.since().from() + " .. " + m.since().to());
    List<String> runs = new ArrayList<>();
    for (CollectorRun run : m.collectors()) {
      runs.add(run.name() + " " + run.status() + " " + run.durationMillis() + " ms"
          + (run.detail().isEmpty() ? "" : " (" + run.detail() + ")"));
    }
    out.println("collectors    " + (runs.isEmpty() ? "none recorded" : String.join("; ", runs)));
    long bytes = m.files().stream().mapToLong(FileEntry::size).sum();
    out.println("files         " + m.files().size() + ", " + ByteSize.format(bytes) + " (SHA-256 of each checked)");
    out.println("omissions     " + m.omissions().size());
    for (Omission o : m.omissions()) {
      out.println("  - " + o.path() + ": " + o.reason());
    }
    out.println("truncations   " + m.truncations().size());
    for (Truncation t : m.truncations()) {
      out.println("  - " + t.path() + ": " + t.reason());
    }
    out.println("redactions    " + counts(contents.report().totals()) + "  (rules " + m.redactionRulesVersion()
        + ")");
  }

  /** {@code 1234 (email 12, ipv4 40)}, or {@code 0}. */
  static String counts(Map<String, Long> totals) {
    long sum = totals.values().stream().mapToLong(Long::longValue).sum();
    if (sum == 0) {
      return "0";
    }
    List<String> parts = new ArrayList<>();
    totals.forEach((detector, count) -> {
      if (count > 0) {
        parts.add(detector + " " + count);
      }
    });
    return sum + " (" + String.join(", ", parts) + ")";
  }
}
