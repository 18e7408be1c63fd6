package io.companyos.agent.cli;

import io.companyos.agent.bundle.ExportReceipt;
import java.io.PrintWriter;

/** The customer's receipt: one line with where the bundle is, its size and SHA-256, and the redaction counts. */
final class Receipts {
  private Receipts() {}

  static void print(ExportReceipt receipt, boolean demoRecipient, PrintWriter out) {
    String where = receipt.path() == null ? "stdout" : receipt.path().toString();
    out.println("bundle " + where + " size " + receipt.size() + " sha256 " + receipt.sha256() + " redactions "
        + BundleSummary.counts(receipt.report().totals()) + (demoRecipient ? " [DEMO KEY: not for real support]"
            : ""));
    out.flush();
  }
}
