package io.companyos.agent.bench.redaction;

import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput over the bytes of a generated log file held in memory (no disk): the redacting
 * stream with the full catalog, and the floor every Java redactor stands on, a UTF-8 line copy with
 * BufferedReader/BufferedWriter. One operation is the whole file; MiB/s = file MiB / (ms/op / 1000).
 *
 * <pre>java -jar bench/target/benchmarks.jar RedactThroughput -p logFile=FILE</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
public class RedactThroughputBenchmark {
  /** A file written by {@code make-logs.py}. */
  @Param("")
  public String logFile;

  private byte[] data;
  private Redactor redactor;

  @Setup
  public void load() throws IOException {
    if (logFile.isEmpty()) {
      throw new IllegalArgumentException("run with -p logFile=FILE (see bench/redact-throughput.sh)");
    }
    data = Files.readAllBytes(Path.of(logFile));
    redactor = BenchCatalog.redactor();
  }

  /** The engine: bytes in, redacted bytes out. */
  @Benchmark
  public long redact() throws IOException {
    RedactionCounter counter = new RedactionCounter();
    try (OutputStream out = redactor.newRedactingStream(OutputStream.nullOutputStream(), counter)) {
      out.write(data);
    }
    return counter.total();
  }

  /** The floor: decode UTF-8 lines and encode them again. */
  @Benchmark
  public long lineCopy() throws IOException {
    return LineCopy.copyInMemory(data);
  }
}
