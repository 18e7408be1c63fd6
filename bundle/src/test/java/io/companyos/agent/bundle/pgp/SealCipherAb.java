package io.companyos.agent.bundle.pgp;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * The sealing thread's cipher, A/B in one JVM: Bouncy Castle's JCA SEIPD v1 encryptor (the JDK's AES/CFB) against
 * {@link CbcCfbDataEncryptorBuilder} (the same ciphertext from the JDK's CBC intrinsic), taking turns round by round
 * on the same bytes, in thread CPU time, so that both share the JIT, heap and machine load (docs/benchmarks.md, bundle
 * fifth pass). Prints each round and the medians.
 *
 * <pre>
 * mvn -B -q -o -pl agent -am package -DskipTests &amp;&amp; mvn -B -q -o -pl bundle test-compile
 * java -XX:+UseSerialGC -Xmx256m -cp agent/target/companyos-agent.jar:bundle/target/test-classes \
 *   io.companyos.agent.bundle.pgp.SealCipherAb 185 9      # MiB per round (the benchmark's bundle is 185 MB), rounds
 * </pre>
 */
public final class SealCipherAb {

  private SealCipherAb() {}

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 185;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    byte[] chunk = new byte[256 * 1024]; // the sealer's buffer before the cipher
    new Random(1).nextBytes(chunk);
    byte[] key = new byte[32];
    new Random(2).nextBytes(key);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"jca-cfb", "cbc-keystream"};
    double[][] mibPerCpuSecond = new double[2][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int v = 0; v < 2; v++) {
        int variant = (round % 2 == 0) ? v : 1 - v; // alternate who goes first
        PGPDataEncryptorBuilder builder = variant == 0
            ? new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
            : new CbcCfbDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256);
        PGPDataEncryptor encryptor = builder.setWithIntegrityPacket(true).build(key);
        long start = threads.getCurrentThreadCpuTime();
        try (OutputStream out = encryptor.getOutputStream(OutputStream.nullOutputStream())) {
          for (long written = 0; written < (long) mib << 20; written += chunk.length) {
            out.write(chunk);
          }
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        mibPerCpuSecond[variant][round] = mib / seconds;
        System.out.printf("round %d %-14s %6.3f CPU-s  %6.1f MiB/CPU-s%n", round + 1, names[variant], seconds,
            mib / seconds);
      }
    }
    for (int v = 0; v < 2; v++) {
      double[] sorted = mibPerCpuSecond[v].clone();
      java.util.Arrays.sort(sorted);
      System.out.printf("RESULT %-14s median %.1f MiB/CPU-s over %d rounds (%d MiB each)%n", names[v],
          sorted[rounds / 2], rounds, mib);
    }
  }
}
