package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.RedactionReport;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The customer's receipt for a sealed bundle.
 *
 * @param path where it was written; {@code null} when streamed
 * @param size bytes of the encrypted file
 * @param sha256 lower-case hex SHA-256 of the encrypted file, to compare with what the vendor received
 */
public record ExportReceipt(Path path, long size, String sha256, Manifest manifest, RedactionReport report) {
  public ExportReceipt {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(report, "report");
  }
}
