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
 */
public record BundleConfig(List<Path> recipients, Path outputDir, List<String> configFiles) {
  public BundleConfig {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    outputDir = outputDir == null ? Path.of("bundles") : outputDir;
    configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
    for (String glob : configFiles) {
      if (glob == null || glob.isBlank()) {
        throw new InvalidValueException("configFiles", "a glob must not be empty");
      }
    }
  }
}
