package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;

/**
 * A public key a bundle is encrypted to: the vendor's support key, or the customer's own audit key. Only v4 keys with a
 * currently valid encryption (sub)key are accepted, because GnuPG 2.2 cannot read messages to v6 keys.
 */
public final class RecipientKey {

  private final OpenPGPCertificate certificate;

  private RecipientKey(OpenPGPCertificate certificate) {
    this.certificate = certificate;
  }

  /** Every public key in an ASCII-armoured or binary key file (a file may hold several). */
  public static List<RecipientKey> read(Path file) throws KeyException {
    return parse(KeyFiles.read(file, "recipient key file"), "recipient key file " + file);
  }

  /** Every public key in armoured or binary key data; {@code origin} names it in error messages. */
  public static List<RecipientKey> parse(byte[] keyData, String origin) throws KeyException {
    List<OpenPGPCertificate> certificates;
    try {
      certificates = OpenPgp.api().readKeyOrCertificate().parseKeysOrCertificates(keyData);
    } catch (IOException | RuntimeException e) {
      throw new KeyException(origin + " holds no readable OpenPGP public key", e);
    }
    if (certificates.isEmpty()) {
      throw new KeyException(origin + " holds no OpenPGP public key");
    }
    List<RecipientKey> keys = new ArrayList<>();
    for (OpenPGPCertificate certificate : certificates) {
      keys.add(of(certificate.isSecretKey() ? publicPart(certificate) : certificate, origin));
    }
    return List.copyOf(keys);
  }

  static RecipientKey of(OpenPGPCertificate certificate, String origin) throws KeyException {
    String fingerprint = Fingerprints.hex(certificate.getFingerprint());
    if (certificate.getPrimaryKey().getVersion() != 4) {
      throw new KeyException(origin + ": key " + fingerprint + " is a version "
          + certificate.getPrimaryKey().getVersion()
          + " key; bundles must be readable by GnuPG 2.2, which needs v4 keys");
    }
    List<OpenPGPComponentKey> encryptionKeys = certificate.getEncryptionKeys(new Date());
    if (encryptionKeys.isEmpty()) {
      throw new KeyException(origin + ": key " + fingerprint
          + " has no valid encryption subkey (expired, revoked, or a signing-only key)");
    }
    return new RecipientKey(certificate);
  }

  private static OpenPGPCertificate publicPart(OpenPGPCertificate key) {
    return ((org.bouncycastle.openpgp.api.OpenPGPKey) key).toCertificate();
  }

  /** Upper-case hex fingerprint of the primary key, as {@code gpg --with-colons} prints it. */
  public String fingerprint() {
    return Fingerprints.hex(certificate.getFingerprint());
  }

  /** The primary user ID, or the empty string when the key has none. */
  public String userId() {
    var userId = certificate.getPrimaryUserId();
    return userId == null ? "" : userId.getUserId();
  }

  OpenPGPCertificate certificate() {
    return certificate;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecipientKey key && key.fingerprint().equals(fingerprint());
  }

  @Override
  public int hashCode() {
    return Objects.hash(fingerprint());
  }

  @Override
  public String toString() {
    return "RecipientKey[" + fingerprint() + " " + userId() + "]";
  }
}
