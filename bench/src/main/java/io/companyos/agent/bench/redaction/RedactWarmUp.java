package io.companyos.agent.bench.redaction;

import io.companyos.agent.redaction.RedactionCounter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the first megabytes of a run go: {@link BenchCatalog}'s redactor, built fresh in a fresh JVM, redacts the
 * file (held in memory) in 64 KiB writes, and the CPU time of the redacting thread is printed per STEP MiB, with the
 * milliseconds since the redactor was built. The early steps against the late ones show the JIT's warm-up and the
 * new values' cost apart from the start of the process (run it with {@code bin/agent}'s {@code engine_jit} flags to
 * see what {@code redact} gets).
 *
 * <pre>java -XX:+UseSerialGC -Xmx1g $FLAGS -cp bench/target/benchmarks.jar \
 *     io.companyos.agent.bench.redaction.RedactWarmUp FILE [MIB=96] [STEP=4]</pre>
 */
public final class RedactWarmUp {
  private RedactWarmUp() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: RedactWarmUp FILE [MIB=96] [STEP=4]");
      System.exit(2);
    }
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    int step = (args.length > 2 ? Integer.parseInt(args[2]) : 4) << 20;
    int total = Math.min(data.length, (args.length > 1 ? Integer.parseInt(args[1]) : 96) << 20) / step * step;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    RedactionCounter counter = new RedactionCounter();
    StringBuilder line = new StringBuilder("CPU ms per " + (step >> 20) + " MiB (@ ms since the build):");
    try (OutputStream o = BenchCatalog.redactor().newRedactingStream(OutputStream.nullOutputStream(), counter)) {
      long c0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < total; i += step) {
        for (int j = i; j < i + step; j += 65536) {
          o.write(data, j, Math.min(65536, i + step - j));
        }
        long c = threads.getCurrentThreadCpuTime();
        line.append(' ').append((c - c0) / 1_000_000).append('@').append((System.nanoTime() - t0) / 1_000_000);
        c0 = c;
      }
    }
    System.out.println(line);
    System.out.println("redactions: " + counter.total());
  }
}
