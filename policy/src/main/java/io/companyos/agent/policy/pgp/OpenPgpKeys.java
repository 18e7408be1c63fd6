package io.companyos.agent.policy.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Reads OpenPGP public keys (ASCII-armoured or binary, one or more per file). */
public final class OpenPgpKeys {
  private static final long MAX_KEY_FILE_BYTES = 1024 * 1024;

  private OpenPgpKeys() {}

  /**
   * Reads every public key ring in {@code file}.
   *
   * @throws IOException when the file cannot be read or holds no OpenPGP public key (the message names the file)
   */
  public static List<PGPPublicKeyRing> read(Path file) throws IOException {
    if (Files.size(file) > MAX_KEY_FILE_BYTES) {
      throw new IOException(file + " is larger than 1 MiB; not a public key file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads every public key ring from {@code in}; {@code name} appears in errors. */
  public static List<PGPPublicKeyRing> read(InputStream in, String name) throws IOException {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    try {
      PGPPublicKeyRingCollection c = new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(in),
          new BcKeyFingerprintCalculator());
      c.getKeyRings().forEachRemaining(rings::add);
    } catch (PGPException | IOException | RuntimeException e) {
      throw new IOException(name + " is not an OpenPGP public key file");
    }
    if (rings.isEmpty()) {
      throw new IOException(name + " holds no OpenPGP public key");
    }
    return rings;
  }
}
