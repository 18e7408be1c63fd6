package io.companyos.agent.bundle.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;

/**
 * The installation's own signing key, which signs every bundle's manifest so the vendor can tell which installation
 * produced a bundle and that nothing in it changed. Created in the state directory on first use (mode 0600, no
 * passphrase: the agent must be able to sign unattended) and reused afterwards.
 */
public final class InstallationSigningKey {

  /** File name inside the state directory. */
  public static final String FILE_NAME = "bundle-signing-key.asc";

  private final OpenPGPKey key;

  private InstallationSigningKey(OpenPGPKey key) {
    this.key = key;
  }

  /**
   * Loads {@code stateDir/bundle-signing-key.asc}, or generates and stores it when absent.
   *
   * @param installationId goes into the new key's user ID ({@code "CompanyOS installation <id>"})
   */
  public static InstallationSigningKey loadOrCreate(Path stateDir, String installationId, Clock clock)
      throws KeyException, IOException {
    Objects.requireNonNull(installationId, "installationId");
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      Files.createDirectories(stateDir);
      GeneratedKey generated = new OpenPgpKeyGenerator(clock)
          .generateSigningKey("CompanyOS installation " + installationId);
      Path temp = Files.createTempFile(stateDir, ".bundle-signing-key", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
          out.write(generated.armoredSecretKey().getBytes(StandardCharsets.US_ASCII));
        }
        // no REPLACE_EXISTING: if another process created the key meanwhile, use theirs
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(temp);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    return fromArmored(KeyFiles.read(file, "installation signing key"), "installation signing key " + file);
  }

  static InstallationSigningKey fromArmored(byte[] keyData, String origin) throws KeyException {
    try {
      List<OpenPGPKey> keys = OpenPgp.api().readKeyOrCertificate().parseKeys(keyData);
      if (keys.size() != 1 || keys.get(0).getSigningKeys().isEmpty()) {
        throw new KeyException(origin + " does not hold exactly one signing key");
      }
      return new InstallationSigningKey(keys.get(0));
    } catch (IOException | RuntimeException e) {
      throw new KeyException(origin + " is not a readable OpenPGP secret key", e);
    }
  }

  /** Upper-case hex fingerprint of the key. */
  public String fingerprint() {
    return Fingerprints.hex(key.getFingerprint());
  }

  /** The public key, ASCII-armoured, for the manifest (the vendor verifies and pins it). */
  public String armoredPublicKey() throws IOException {
    return key.toCertificate().toAsciiArmoredString();
  }

  /** A detached, ASCII-armoured signature over {@code data}, as {@code gpg --verify SIG DATA} checks it. */
  public String signDetached(byte[] data) throws IOException {
    try {
      List<OpenPGPDocumentSignature> signatures = OpenPgp.api().createDetachedSignature()
          .addSigningKey(key, new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters params) {
              // Bouncy Castle would pick SHA3-512 from the key's preferences; GnuPG 2.2 cannot verify that
              return params.setSignatureHashAlgorithm(HashAlgorithmTags.SHA512);
            }
          })
          .sign(new ByteArrayInputStream(data));
      StringBuilder armored = new StringBuilder();
      for (OpenPGPDocumentSignature signature : signatures) {
        armored.append(signature.toAsciiArmoredString());
      }
      return armored.toString();
    } catch (PGPException e) {
      throw new IOException("signing the manifest failed: " + e.getMessage(), e);
    }
  }
}
