package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;

/**
 * Generates v4 OpenPGP keys that GnuPG 2.2 imports and uses: an Ed25519 (EdDSA legacy) primary key for certification
 * and signing, plus, for encryption keys, a Curve25519 ECDH subkey. Secret keys are protected with AES-256 and an
 * iterated-salted SHA-256 S2K (GnuPG 2.2 does not read the AEAD/Argon2 protection Bouncy Castle would pick for v6).
 */
public final class OpenPgpKeyGenerator {

  /** S2K iteration count byte 0xEE: 33,554,432 bytes hashed, near what GnuPG calibrates on a fast machine. */
  private static final int S2K_COUNT = 0xEE;

  private final Clock clock;

  /** @param clock the keys' creation time */
  public OpenPgpKeyGenerator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An encryption key pair, e.g. the vendor's support key.
   *
   * @param userId e.g. {@code "CompanyOS Support <support@companyos.io>"}
   * @param passphrase protects the secret key; {@code null} leaves it unprotected
   * @param validity how long the key stays valid; {@code null} for no expiry
   */
  public GeneratedKey generateEncryptionKey(String userId, char[] passphrase, Duration validity) throws KeyException {
    return generate(userId, passphrase, validity, true);
  }

  /** A signing-only key without passphrase and without expiry (the installation's manifest signing key). */
  public GeneratedKey generateSigningKey(String userId) throws KeyException {
    return generate(userId, null, null, false);
  }

  private GeneratedKey generate(String userId, char[] passphrase, Duration validity, boolean withEncryptionSubkey)
      throws KeyException {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    if (validity != null && (validity.isNegative() || validity.isZero())) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
    try {
      OpenPGPImplementation impl = new JdkCipherImplementation();
      Date created = Date.from(clock.instant());
      OpenPGPKeyGenerator generator = new OpenPGPKeyGenerator(impl, PublicKeyPacket.VERSION_4,
          impl.pgpKeyPairGeneratorProvider(), impl.pgpDigestCalculatorProvider(),
          impl.pbeSecretKeyEncryptorFactory(false, SymmetricKeyAlgorithmTags.AES_256, S2K_COUNT),
          impl.keyFingerPrintCalculator(), created);
      var builder = generator
          .withPrimaryKey(PGPKeyPairGenerator::generateLegacyEd25519KeyPair, new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters params) {
              return params.setHashedSubpacketsFunction(sub -> primaryKeyFlagsAndExpiry(sub, validity));
            }
          })
          .addUserId(userId, new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters params) {
              return gnupgPreferences(params);
            }
          });
      if (withEncryptionSubkey) {
        builder = builder.addEncryptionSubkey(PGPKeyPairGenerator::generateLegacyX25519KeyPair);
      }
      OpenPGPKey key = builder.build(passphrase == null || passphrase.length == 0 ? null : passphrase);
      return new GeneratedKey(Fingerprints.hex(key.getFingerprint()), key.toCertificate().toAsciiArmoredString(),
          key.toAsciiArmoredString());
    } catch (PGPException | IOException e) {
      throw new KeyException("key generation failed: " + e.getMessage(), e);
    }
  }

  /** The primary key certifies and signs (manifest signatures); Bouncy Castle's default is certify-only. */
  private static PGPSignatureSubpacketGenerator primaryKeyFlagsAndExpiry(
      PGPSignatureSubpacketGenerator sub, Duration validity) {
    sub.removePacketsOfType(SignatureSubpacketTags.KEY_FLAGS);
    sub.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    sub.removePacketsOfType(SignatureSubpacketTags.KEY_EXPIRE_TIME);
    if (validity != null) {
      sub.setKeyExpirationTime(true, validity.toSeconds());
    }
    return sub;
  }

  /** GnuPG 2.2 reads algorithm preferences from the user ID self-signature, not from the direct-key signature. */
  private static SignatureParameters gnupgPreferences(SignatureParameters params) {
    return params.setHashedSubpacketsFunction(sub -> {
      sub.setPreferredSymmetricAlgorithms(false,
          new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
      sub.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
      sub.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
      sub.setPrimaryUserID(false, true);
      return sub;
    });
  }
}
