package io.companyos.agent.bundle.pgp;

import com.sun.management.ThreadMXBean;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * The seal's serial path once, cold, in a fresh JVM, as the export runs it after staging: a file of zstd frames read
 * in 128 KiB pieces into a 256 KiB buffer, the OpenPGP message ({@link MessageEncryption}: literal packet, AES-256
 * SEIPD v1 with its MDC), and a buffered sink hashing SHA-256 (the receipt) — on one thread. Prints wall, this
 * thread's CPU and the process's CPU over the seal (JIT compiler threads included), for a jar of one commit against
 * another in alternating JVMs (docs/benchmarks.md, bundle sixth pass).
 *
 * <pre>
 * cat LOGS/*.log | zstd -3 &gt; frames.zst      # ~227 MB for the benchmark's 1 GiB
 * mvn -B -q -o -pl bundle -am test-compile
 * for i in 1 2 3 4 5; do for jar in before.jar after.jar; do
 *   java -XX:+UseSerialGC -Xmx256m -XX:CompileCommand=quiet \
 *     -XX:CompileCommand=MaxNodeLimit,org.bouncycastle.*::*,1 -cp bundle/target/test-classes:$jar \
 *     io.companyos.agent.bundle.pgp.SealPathCpu frames.zst examples/demo-vendor-key/demo-vendor.pub.asc
 * done; done
 * </pre>
 */
public final class SealPathCpu {

  private SealPathCpu() {}

  public static void main(String[] args) throws Exception {
    Path frames = Path.of(args[0]);
    List<RecipientKey> recipients = RecipientKey.read(Path.of(args[1]));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long processStart = processCpuMillis();
    long threadStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    MessageDigest receipt = MessageDigest.getInstance("SHA-256");
    OutputStream sink = new BufferedOutputStream(
        new DigestOutputStream(OutputStream.nullOutputStream(), receipt), 1 << 20);
    OutputStream message = MessageEncryption.open(sink, recipients);
    OutputStream buffered = new BufferedOutputStream(message, 256 * 1024);
    byte[] buffer = new byte[128 * 1024];
    long bytes = 0;
    try (InputStream in = Files.newInputStream(frames)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        buffered.write(buffer, 0, n);
        bytes += n;
      }
    }
    buffered.flush();
    message.close();
    sink.flush();
    System.out.printf("bytes=%d wall_ms=%d thread_cpu_ms=%d process_cpu_ms=%d%n", bytes,
        (System.nanoTime() - wallStart) / 1_000_000, (threads.getCurrentThreadCpuTime() - threadStart) / 1_000_000,
        processCpuMillis() - processStart);
  }

  /** utime + stime of this process from /proc/self/stat, in milliseconds (Linux: 100 clock ticks per second). */
  private static long processCpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }
}
