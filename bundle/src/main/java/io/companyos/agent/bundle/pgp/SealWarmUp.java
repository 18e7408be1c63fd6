package io.companyos.agent.bundle.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Runs the seal's per-byte code on ~1.5 MB of throwaway bytes, so that the JIT has compiled it, with its
 * AES-NI and SHA-NI intrinsics, before the seal: the CFB keystream from the CBC cipher ({@link CbcKeystreamCfb}) and
 * the MDC's SHA-1. Cold, the seal ran its first ~20 MB through the JDK's block-by-block CBC loop and C1's SHA-1 and
 * XOR while C2 compiled them (~0.1 s of the export's one serial stretch). Each method is called more often than C2's
 * invocation threshold (5,000) on small inputs: 30-70 ms of the calling thread (with the first use of the JDK's AES
 * and SHA-1, which the seal would pay otherwise; ~10 ms once they are loaded), and the compiles on the compiler
 * threads.
 */
public final class SealWarmUp {

  private static final int CALLS = 12_000;
  private static final int BYTES_PER_CALL = 64;

  private SealWarmUp() {}

  /** Never throws: without a cipher or digest there is nothing to warm, and the seal reports it. */
  public static void run() {
    byte[] bytes = new byte[BYTES_PER_CALL];
    try (OutputStream cfb = new CbcKeystreamCfb(new byte[32], new byte[16], OutputStream.nullOutputStream())) {
      for (int i = 0; i < CALLS; i++) {
        cfb.write(bytes, 0, bytes.length);
      }
      MessageDigest mdc = MessageDigest.getInstance("SHA-1");
      for (int i = 0; i < CALLS; i++) {
        mdc.update(bytes, 0, bytes.length);
      }
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      // nothing warmed; the seal meets the same failure and says so
    }
  }
}
