package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * A freshly generated OpenPGP key pair, ASCII-armoured. {@link #toString()} never shows the secret key.
 *
 * @param fingerprint upper-case hex fingerprint of the primary key
 * @param armoredPublicKey the certificate to hand out ({@code gpg --import} reads it)
 * @param armoredSecretKey the secret key, protected by the passphrase given at generation (if any)
 */
public record GeneratedKey(String fingerprint, String armoredPublicKey, String armoredSecretKey) {

  public GeneratedKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(armoredPublicKey, "armoredPublicKey");
    Objects.requireNonNull(armoredSecretKey, "armoredSecretKey");
  }

  /** Names of the two files {@link #writeTo} creates. */
  public record KeyFiles(Path publicKey, Path secretKey) {}

  /**
   * Writes {@code BASENAME.pub.asc} (mode 0644 less the umask) and {@code BASENAME.sec.asc} (mode 0600) into
   * {@code dir}, creating the directory (0700) if needed. Refuses to overwrite either file.
   */
  public KeyFiles writeTo(Path dir, String baseName) throws IOException {
    if (!Files.isDirectory(dir)) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path publicFile = dir.resolve(baseName + ".pub.asc");
    Path secretFile = dir.resolve(baseName + ".sec.asc");
    for (Path file : new Path[] {publicFile, secretFile}) {
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite an existing key file");
      }
    }
    write(secretFile, armoredSecretKey, "rw-------");
    write(publicFile, armoredPublicKey, "rw-r--r--");
    return new KeyFiles(publicFile, secretFile);
  }

  private static void write(Path file, String text, String mode) throws IOException {
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Override
  public String toString() {
    return "GeneratedKey[" + fingerprint + "]";
  }
}
