package io.companyos.agent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Support bundles.
 *
 * @param recipients ASCII-armoured OpenPGP public keys to encrypt to (default: the demo vendor key, see README)
 * @param outputDir where {@code export-bundle} writes (default {@code ./bundles})
 */
public record BundleConfig(List<Path> recipients, Path outputDir) {
  public BundleConfig {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    outputDir = outputDir == null ? Path.of("bundles") : outputDir;
  }
}
