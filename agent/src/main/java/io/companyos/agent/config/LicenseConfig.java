package io.companyos.agent.config;

import io.companyos.agent.policy.pgp.OpenPgpKeys;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The CompanyOS license, whose status the heartbeat reports (computed offline).
 *
 * @param file the license file, e.g. {@code license.json} (default: none, status {@code missing})
 * @param signature its detached OpenPGP signature by the vendor (default: {@code <file>.asc})
 * @param vendorKey the vendor's license-signing public key (default: the key shipped with the agent)
 */
public record LicenseConfig(Path file, Path signature, Path vendorKey) {
  public LicenseConfig {
    if (signature == null && file != null) {
      signature = file.resolveSibling(file.getFileName() + ".asc");
    }
    if (vendorKey != null) {
      try {
        OpenPgpKeys.read(vendorKey);
      } catch (IOException e) {
        throw new InvalidValueException("vendorKey", e instanceof java.nio.file.NoSuchFileException
            ? "no such file " + vendorKey : e.getMessage());
      }
    }
  }

  static LicenseConfig none() {
    return new LicenseConfig(null, null, null);
  }
}
