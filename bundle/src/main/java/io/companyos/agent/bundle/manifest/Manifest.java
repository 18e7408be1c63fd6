package io.companyos.agent.bundle.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code manifest.json}, the first entry of every bundle: who produced it, when, for which window, what every
 * collector did, every file with its size and SHA-256, and everything left out or cut short and why.
 *
 * @param formatVersion {@link #FORMAT_VERSION} for bundles this code writes
 * @param redactionRulesVersion version of the redaction rules every text file went through
 * @param files every file in the bundle except {@code manifest.json} and {@code manifest.json.sig}
 * @param signer the installation key that signed this manifest; {@code null} only in an unsealed review directory
 */
public record Manifest(
    int formatVersion,
    String agentVersion,
    String installationId,
    String cluster,
    String node,
    String tier,
    Instant createdAt,
    TimeWindow since,
    String redactionRulesVersion,
    List<CollectorRun> collectors,
    List<FileEntry> files,
    List<Omission> omissions,
    List<Truncation> truncations,
    Signer signer) {

  /** The format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  public Manifest {
    if (formatVersion < 1) {
      throw new IllegalArgumentException("formatVersion must be >= 1, got " + formatVersion);
    }
    Objects.requireNonNull(agentVersion, "agentVersion");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(redactionRulesVersion, "redactionRulesVersion");
    collectors = List.copyOf(collectors);
    files = List.copyOf(files);
    omissions = List.copyOf(omissions);
    truncations = List.copyOf(truncations);
  }

  /** This manifest with its signer set (sealing a staged bundle). */
  public Manifest withSigner(Signer newSigner) {
    return new Manifest(formatVersion, agentVersion, installationId, cluster, node, tier, createdAt, since,
        redactionRulesVersion, collectors, files, omissions, truncations, newSigner);
  }

  /** This manifest with other file, omission and truncation lists (sealing a reviewed directory). */
  public Manifest withContent(List<FileEntry> newFiles, List<Omission> newOmissions,
      List<Truncation> newTruncations) {
    return new Manifest(formatVersion, agentVersion, installationId, cluster, node, tier, createdAt, since,
        redactionRulesVersion, collectors, newFiles, newOmissions, newTruncations, signer);
  }

  /**
   * The installation key that signed the manifest.
   *
   * @param fingerprint upper-case hex, to pin per installation
   * @param publicKey ASCII-armoured certificate, to verify {@code manifest.json.sig} with
   */
  public record Signer(String fingerprint, String publicKey) {
    public Signer {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(publicKey, "publicKey");
    }
  }
}
