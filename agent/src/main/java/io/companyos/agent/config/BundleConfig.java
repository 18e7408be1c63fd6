package io.companyos.agent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Support bundles.
 *
 * @param recipients ASCII-armoured OpenPGP public keys to encrypt to (default: the demo vendor key, see README)
 * @param outputDir where {@code export-bundle} writes (default {@code ./bundles})
 * @param configFiles globs of CompanyOS configuration files to put, redacted by key and by value, under
 *     {@code config/files/} of a bundle, at most 1 MiB each (default none)
 * @param compressionLevel the zstd level of the bundle, 1 (fastest, the default) to 19 (smallest)
 */
public record BundleConfig(List<Path> recipients, Path outputDir, List<String> configFiles, Integer compressionLevel) {
  /** The default {@code compressionLevel}: the export's fastest (docs/benchmarks.md, session 12). */
  public static final int DEFAULT_COMPRESSION_LEVEL = 1;
  /** The highest {@code compressionLevel}: zstd's ordinary levels (20-22 need far more memory). */
  public static final int MAX_COMPRESSION_LEVEL = 19;

  public BundleConfig {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    outputDir = outputDir == null ? Path.of("bundles") : outputDir;
    configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
    for (String glob : configFiles) {
      if (glob == null || glob.isBlank()) {
        throw new InvalidValueException("configFiles", "a glob must not be empty");
      }
    }
    compressionLevel = compressionLevel == null ? DEFAULT_COMPRESSION_LEVEL : compressionLevel;
    if (compressionLevel < 1 || compressionLevel > MAX_COMPRESSION_LEVEL) {
      throw new InvalidValueException("compressionLevel",
          "must be 1 (fastest) to " + MAX_COMPRESSION_LEVEL + " (smallest), got " + compressionLevel);
    }
  }
}
