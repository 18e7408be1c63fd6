package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKey.OpenPGPSecretKey;

/**
 * A secret key that opens bundles (the vendor's support key). Loading checks the passphrase, so a wrong passphrase is
 * reported as such and not as "cannot decrypt the bundle".
 */
public final class DecryptionKey {

  private final OpenPGPKey key;
  private final char[] passphrase;

  private DecryptionKey(OpenPGPKey key, char[] passphrase) {
    this.key = key;
    this.passphrase = passphrase;
  }

  /**
   * Reads an armoured or binary secret key file.
   *
   * @param passphrase the key's passphrase, or {@code null} for an unprotected key
   */
  public static DecryptionKey read(Path file, char[] passphrase) throws KeyException {
    return parse(KeyFiles.read(file, "secret key file"), "secret key file " + file, passphrase);
  }

  /** Parses armoured or binary secret key data; {@code origin} names it in error messages. */
  public static DecryptionKey parse(byte[] keyData, String origin, char[] passphrase) throws KeyException {
    List<OpenPGPKey> keys;
    try {
      keys = OpenPgp.api().readKeyOrCertificate().parseKeys(keyData);
    } catch (IOException | RuntimeException e) {
      throw new KeyException(origin + " holds no OpenPGP secret key (is it the public key?)", e);
    }
    if (keys.size() != 1) {
      throw new KeyException(origin + " holds " + keys.size() + " secret keys; expected exactly one");
    }
    OpenPGPKey key = keys.get(0);
    String fingerprint = Fingerprints.hex(key.getFingerprint());
    boolean anyUsable = false;
    for (OpenPGPComponentKey component : key.getEncryptionKeys()) {
      OpenPGPSecretKey secret = key.getSecretKey(component);
      if (secret == null) {
        continue;
      }
      anyUsable = true;
      if (secret.isLocked()) {
        if (passphrase == null) {
          throw new KeyException("secret key " + fingerprint + " is protected by a passphrase; give a passphrase file");
        }
        if (!secret.isPassphraseCorrect(passphrase)) {
          throw new KeyException("wrong passphrase for secret key " + fingerprint);
        }
      }
    }
    if (!anyUsable) {
      throw new KeyException(origin + ": key " + fingerprint + " has no secret encryption subkey");
    }
    return new DecryptionKey(key, passphrase == null ? null : passphrase.clone());
  }

  /** Upper-case hex fingerprint of the primary key. */
  public String fingerprint() {
    return Fingerprints.hex(key.getFingerprint());
  }

  /** The public half, for encrypting to this key (tests, audit keys). */
  public RecipientKey publicKey() throws KeyException {
    return RecipientKey.of(key.toCertificate(), "key " + fingerprint());
  }

  OpenPGPKey key() {
    return key;
  }

  char[] passphrase() {
    return passphrase == null ? null : passphrase.clone();
  }

  /** Overwrites the in-memory copy of the passphrase. */
  public void forgetPassphrase() {
    if (passphrase != null) {
      Arrays.fill(passphrase, '\0');
    }
  }

  @Override
  public String toString() {
    return "DecryptionKey[" + fingerprint() + "]";
  }
}
