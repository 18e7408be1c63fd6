package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.Manifest;
import io.companyos.agent.bundle.manifest.RedactionReport;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A bundle that decrypted, passed the integrity check, matched its manifest file by file, and whose manifest
 * signature verified with the installation key the manifest names.
 *
 * @param signerFingerprint the installation signing key; compare with earlier bundles of the same installation
 * @param extractedTo where the files are; {@code null} when only verified
 */
public record BundleContents(Manifest manifest, RedactionReport report, String signerFingerprint,
    Path extractedTo) {
  public BundleContents {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(signerFingerprint, "signerFingerprint");
  }
}
