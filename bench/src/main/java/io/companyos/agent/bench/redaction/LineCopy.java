package io.companyos.agent.bench.redaction;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of the end-to-end comparison: a plain UTF-8 line copy of a file with BufferedReader and
 * BufferedWriter, as any Java line-based redactor must at least do. Prints {@code RESULT ... MiBps=}.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.companyos.agent.bench.redaction.LineCopy IN OUT [WARMUP_IN]</pre>
 */
public final class LineCopy {
  private LineCopy() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 2) {
      copy(Path.of(args[2]), Path.of(args[1]));
    }
    long t0 = System.nanoTime();
    long lines = copy(Path.of(args[0]), Path.of(args[1]));
    double secs = (System.nanoTime() - t0) / 1e9;
    double mib = Files.size(Path.of(args[0])) / 1048576.0;
    System.out.printf("RESULT mode=line-copy lines=%d MiB=%.1f secs=%.3f MiBps=%.1f%n", lines, mib, secs, mib / secs);
  }

  private static long copy(Path in, Path out) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      return copyLines(r, w);
    }
  }

  /** The in-memory floor the JMH benchmark and RedactCpuTime compare against: decode lines, encode them again. */
  static long copyInMemory(byte[] data) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data),
            StandardCharsets.UTF_8), 1 << 16);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(),
            StandardCharsets.UTF_8), 1 << 16)) {
      return copyLines(r, w);
    }
  }

  private static long copyLines(BufferedReader r, BufferedWriter w) throws IOException {
    long n = 0;
    String line;
    while ((line = r.readLine()) != null) {
      w.write(line);
      w.write('\n');
      n++;
    }
    return n;
  }
}
