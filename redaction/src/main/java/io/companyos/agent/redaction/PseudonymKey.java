package io.companyos.agent.redaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-installation secret of keyed pseudonyms (HMAC-SHA256, 32 random bytes). With the key the same
 * value always maps to the same token; without it nobody can brute-force a token back to a small-domain
 * value such as an IPv4 address or an SSN. The key never leaves the installation.
 *
 * <p>On disk it is one line of base64 in a file readable by the owner only ({@code 0600}).
 */
public final class PseudonymKey {
  private static final int LENGTH = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final byte[] key;

  private PseudonymKey(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("pseudonym key must have at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** A key from the given bytes (at least 16), for tests and for keys held elsewhere. */
  public static PseudonymKey of(byte[] key) {
    return new PseudonymKey(Objects.requireNonNull(key, "key"));
  }

  /** A fresh random key that lives only in memory. */
  public static PseudonymKey random() {
    byte[] k = new byte[LENGTH];
    new SecureRandom().nextBytes(k);
    return new PseudonymKey(k);
  }

  /**
   * Reads the key from {@code file}, or generates one into it (created with mode {@code 0600}, its parent
   * directories as needed) when it does not exist yet.
   *
   * @throws IOException if the file cannot be read or written, or does not hold a key
   */
  public static PseudonymKey loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    PseudonymKey created = random();
    byte[] line = (Base64.getEncoder().encodeToString(created.key) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      if (supportsPosix(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.write(file, line, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException raced) {
      return load(file);
    }
    return created;
  }

  private static PseudonymKey load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    byte[] k;
    try {
      k = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IOException("pseudonym key file " + file + " does not hold a base64 key");
    }
    if (k.length < 16) {
      throw new IOException("pseudonym key file " + file + " holds a key shorter than 16 bytes");
    }
    return new PseudonymKey(k);
  }

  private static boolean supportsPosix(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * HMAC-SHA256 under this key with the padded-key blocks hashed once: each {@link Hmac#mac} costs two
   * SHA-256 compressions for short inputs instead of four. Not thread-safe: one per thread.
   */
  public Hmac newHmac() {
    try {
      MessageDigest inner = MessageDigest.getInstance("SHA-256");
      MessageDigest outer = MessageDigest.getInstance("SHA-256");
      byte[] k = key.length > 64 ? MessageDigest.getInstance("SHA-256").digest(key) : key;
      byte[] ipad = new byte[64];
      byte[] opad = new byte[64];
      for (int i = 0; i < 64; i++) {
        byte b = i < k.length ? k[i] : 0;
        ipad[i] = (byte) (b ^ 0x36);
        opad[i] = (byte) (b ^ 0x5c);
      }
      inner.update(ipad);
      outer.update(opad);
      return new Hmac(inner, outer);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** HMAC-SHA256 with precomputed pad states (RFC 2104); equal to {@link Mac} "HmacSHA256". */
  public static final class Hmac {
    private final MessageDigest innerStart;
    private final MessageDigest outerStart;

    private Hmac(MessageDigest innerStart, MessageDigest outerStart) {
      this.innerStart = innerStart;
      this.outerStart = outerStart;
    }

    /** The MAC of {@code prefix || 0x00 || value}. */
    public byte[] mac(byte[] prefix, byte[] value) {
      try {
        MessageDigest in = (MessageDigest) innerStart.clone();
        in.update(prefix);
        in.update((byte) 0);
        in.update(value);
        MessageDigest out = (MessageDigest) outerStart.clone();
        out.update(in.digest());
        return out.digest();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
      }
    }
  }

  /** A new HMAC-SHA256 initialised with this key; {@link Mac} is not thread-safe, so one per thread. */
  public Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PseudonymKey && Arrays.equals(key, ((PseudonymKey) o).key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "PseudonymKey[***]";
  }
}
