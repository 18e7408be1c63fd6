package io.companyos.agent.bench.redaction;

import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The same two operations as {@link RedactThroughputBenchmark} (the redacting stream with {@link BenchCatalog}'s
 * catalog, and a UTF-8 line copy, over a file held in memory), timed in CPU time of the measuring thread instead of
 * wall time: on a machine shared with other work the wall clock measures the other tenants too, CPU time much less.
 * Alternates the two operations {@code ROUNDS} times and prints every round and the medians of the second half
 * (the first half is warm-up). The JIT mode is whatever the JVM is started with ({@code -XX:TieredStopAtLevel=1} for
 * what {@code bin/agent redact} runs).
 *
 * <pre>java -XX:+UseSerialGC -cp bench/target/benchmarks.jar io.companyos.agent.bench.redaction.RedactCpuTime FILE [ROUNDS=10]</pre>
 */
public final class RedactCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private RedactCpuTime() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: RedactCpuTime FILE [ROUNDS]");
      System.exit(2);
    }
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Redactor redactor = BenchCatalog.redactor();
    double mib = data.length / 1048576.0;
    double[] redact = new double[rounds];
    double[] copy = new double[rounds];
    long matches = 0;
    for (int r = 0; r < rounds; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      RedactionCounter counter = new RedactionCounter();
      try (OutputStream out = redactor.newRedactingStream(OutputStream.nullOutputStream(), counter)) {
        out.write(data);
      }
      long c1 = THREADS.getCurrentThreadCpuTime();
      lineCopy(data);
      long c2 = THREADS.getCurrentThreadCpuTime();
      matches = counter.total();
      redact[r] = mib / ((c1 - c0) / 1e9);
      copy[r] = mib / ((c2 - c1) / 1e9);
      System.out.printf("round %d: redact %.1f MiB/CPU-s (%d matches), line copy %.1f MiB/CPU-s%n", r, redact[r],
          matches, copy[r]);
    }
    double red = median(Arrays.copyOfRange(redact, rounds / 2, rounds));
    double cp = median(Arrays.copyOfRange(copy, rounds / 2, rounds));
    System.out.printf("RESULT MiB=%.1f redact_MiB_per_cpu_s=%.1f line_copy_MiB_per_cpu_s=%.1f ratio=%.2f matches=%d%n",
        mib, red, cp, red / cp, matches);
  }

  private static long lineCopy(byte[] data) throws IOException {
    return LineCopy.copyInMemory(data);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
