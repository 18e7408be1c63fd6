package io.companyos.agent.bench.redaction;

import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ToLongBiFunction;

/**
 * Engine A against engine B (and more) in one JVM: each variant's redaction classes (a class directory or jar, e.g.
 * another worktree's {@code redaction/target/classes}; empty for the ones in this jar) are loaded by a class loader
 * of their own, and the variants redact the same file held in memory in turn, round after round, timed in thread
 * CPU time. Alternating in one process puts every variant under the same JIT mode, heap and machine load, which
 * separate JVMs one after another on a shared machine do not. Prints every round and, per variant, the median,
 * minimum and maximum of the second half of the rounds (the first half is warm-up).
 *
 * <pre>java -XX:+UseSerialGC [-XX:TieredStopAtLevel=1] -cp bench/target/benchmarks.jar \
 *     io.companyos.agent.bench.redaction.RedactAb FILE ROUNDS LABEL=CLASSES [LABEL=CLASSES …]</pre>
 */
public final class RedactAb {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private RedactAb() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: RedactAb FILE ROUNDS LABEL=CLASSES [LABEL=CLASSES ...]");
      System.exit(2);
    }
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    int n = args.length - 2;
    String[] labels = new String[n];
    Object[] runners = new Object[n];
    Method[] run = new Method[n];
    URL self = RedactAb.class.getProtectionDomain().getCodeSource().getLocation();
    for (int k = 0; k < n; k++) {
      String[] lv = args[k + 2].split("=", 2);
      labels[k] = lv[0];
      URL[] path = lv.length < 2 || lv[1].isEmpty()
          ? new URL[] {self}
          : new URL[] {Path.of(lv[1]).toAbsolutePath().toUri().toURL(), self};
      ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass(Round.class.getName());
      runners[k] = c.getConstructor().newInstance();
      run[k] = c.getMethod("applyAsLong", Object.class, Object.class);
    }
    double mib = data.length / 1048576.0;
    double[][] rates = new double[n][rounds];
    long[] matches = new long[1];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        long cpu = (long) run[k].invoke(runners[k], data, matches);
        rates[k][r] = mib / (cpu / 1e9);
        System.out.printf("round %d %-10s %6.1f MiB/CPU-s (%d matches)%n", r, labels[k], rates[k][r], matches[0]);
      }
    }
    for (int k = 0; k < n; k++) {
      double[] half = Arrays.copyOfRange(rates[k], rounds / 2, rounds);
      Arrays.sort(half);
      System.out.printf("RESULT %-10s median %.1f MiB/CPU-s, min %.1f, max %.1f (rounds %d-%d, %.1f MiB)%n", labels[k],
          half[half.length / 2], half[0], half[half.length - 1], rounds / 2, rounds - 1, mib);
    }
  }

  /** One pass of {@link BenchCatalog}'s redactor over the data; loaded once per variant's class loader. */
  public static final class Round implements ToLongBiFunction<Object, Object> {
    private final Redactor redactor = BenchCatalog.redactor();

    /** Redacts {@code data} (a byte array) into nothing; returns the CPU nanoseconds, the match count in {@code out[0]}. */
    @Override
    public long applyAsLong(Object data, Object out) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      RedactionCounter counter = new RedactionCounter();
      try (OutputStream o = redactor.newRedactingStream(OutputStream.nullOutputStream(), counter)) {
        o.write((byte[]) data);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      ((long[]) out)[0] = counter.total();
      return THREADS.getCurrentThreadCpuTime() - c0;
    }
  }
}
