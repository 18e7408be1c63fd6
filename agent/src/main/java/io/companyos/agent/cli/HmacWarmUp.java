package io.companyos.agent.cli;

import io.companyos.agent.redaction.PseudonymKey;

/**
 * Runs the pseudonym HMAC (the JDK's SHA-256) on a throwaway key, on a thread of its own, while a redacting command
 * ({@code redact}, {@code export-bundle}) starts: so that the JIT has compiled SHA-256 (with C2's SHA-NI intrinsic)
 * before the first value needs a token. Without it the first megabytes' new values each ran SHA-256 in the
 * interpreter: ~45 % of the engine's time in the first 4 MiB of make-logs (docs/benchmarks.md, session 15). Nothing it
 * computes is kept or written.
 */
final class HmacWarmUp {
  /** Enough calls for the tiered JIT to reach C2 for SHA-256's compression (~5,000 invocations and its loops). */
  static final int ROUNDS = 30_000;

  private HmacWarmUp() {}

  static void start() {
    Thread t = new Thread(HmacWarmUp::run, "hmac-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run() {
    PseudonymKey.Hmac hmac = PseudonymKey.of(new byte[32]).newHmac();
    byte[] label = {'i', 'p', 'v', '4'};
    byte[] value = new byte[16];
    for (int i = 0; i < ROUNDS; i++) {
      value[i & 15]++;
      hmac.mac(label, value);
    }
  }
}
