package io.companyos.agent.bundle.pgp;

import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/**
 * Entry point to Bouncy Castle's OpenPGP API as this module uses it: the lightweight (Bc) implementation for keys
 * and signatures, and the JDK's AES for message content, which the JIT runs on AES-NI (about 4x Bc's pure-Java AES
 * on a bundle's ciphertext).
 */
public final class OpenPgp {

  private OpenPgp() {}

  /** A new API instance; cheap to create and safe to use from one thread at a time. */
  public static OpenPGPApi api() {
    return new BcOpenPGPApi(new JdkCipherImplementation());
  }
}
