package io.companyos.agent.policy.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.policy.pgp.DetachedSignatures;
import io.companyos.agent.policy.pgp.OpenPgpKeys;
import io.companyos.agent.policy.pgp.SignatureVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the license status offline: the license file ({@code license.json}, {@code {"expiresAt":
 * "2027-01-31T00:00:00Z", ...}}) must carry a detached OpenPGP signature by the vendor's license key. A missing file
 * is {@code missing}; anything wrong with the signature or the content is {@code invalid}, never an exception.
 * Expiring means within {@value #EXPIRING_DAYS} days.
 */
public final class LicenseCheck {
  /** The vendor's license-signing public key shipped with the agent. */
  public static final String VENDOR_KEY_RESOURCE = "/io/companyos/agent/policy/license/vendor-license-key.asc";
  static final int EXPIRING_DAYS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(LicenseCheck.class);
  private static final long MAX_BYTES = 64 * 1024;

  private final List<PGPPublicKeyRing> vendorKeys;
  private final Clock clock;

  public LicenseCheck(List<PGPPublicKeyRing> vendorKeys, Clock clock) {
    this.vendorKeys = List.copyOf(vendorKeys);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A check with the vendor key shipped in the agent. */
  public static LicenseCheck withShippedKey(Clock clock) {
    try (InputStream in = LicenseCheck.class.getResourceAsStream(VENDOR_KEY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the vendor license key is missing from the build");
      }
      return new LicenseCheck(OpenPgpKeys.read(in, "the shipped vendor license key"), clock);
    } catch (IOException e) {
      throw new IllegalStateException("the shipped vendor license key is unreadable", e);
    }
  }

  /** A check with the vendor key read from {@code keyFile} (an override of the shipped key). */
  public static LicenseCheck withKeyFile(Path keyFile, Clock clock) throws IOException {
    return new LicenseCheck(OpenPgpKeys.read(keyFile), clock);
  }

  /**
   * The status of {@code file} signed by {@code signature}.
   *
   * @param file the license file, or null when none is configured
   * @param signature its detached signature
   */
  public LicenseStatus status(Path file, Path signature) {
    if (file == null || !Files.exists(file)) {
      return LicenseStatus.MISSING;
    }
    try {
      byte[] data = readSmall(file);
      byte[] sig = signature != null && Files.exists(signature) ? readSmall(signature) : new byte[0];
      SignatureVerdict verdict = DetachedSignatures.verify(data, sig, vendorKeys).verdict();
      if (verdict != SignatureVerdict.VALID) {
        LOG.warn("license {} is invalid: {}", file.getFileName(), describe(verdict));
        return LicenseStatus.INVALID;
      }
      JsonNode root = new ObjectMapper().readTree(data);
      Instant expires = Instant.parse(root.path("expiresAt").asText(""));
      Instant now = clock.instant();
      LicenseState state = !now.isBefore(expires) ? LicenseState.EXPIRED
          : now.plus(Duration.ofDays(EXPIRING_DAYS)).isAfter(expires) ? LicenseState.EXPIRING : LicenseState.VALID;
      return new LicenseStatus(state, Optional.of(expires));
    } catch (IOException | RuntimeException e) { // DateTimeParseException among them
      LOG.warn("license {} is invalid: unreadable content ({})", file.getFileName(), e.getClass().getSimpleName());
      return LicenseStatus.INVALID;
    }
  }

  private static String describe(SignatureVerdict v) {
    return switch (v) {
      case MALFORMED -> "no readable signature";
      case UNTRUSTED_KEY -> "not signed by the vendor license key";
      case BAD_SIGNATURE -> "the file does not match its signature";
      case VALID -> "valid";
    };
  }

  private static byte[] readSmall(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException("too large");
    }
    return Files.readAllBytes(file);
  }
}
