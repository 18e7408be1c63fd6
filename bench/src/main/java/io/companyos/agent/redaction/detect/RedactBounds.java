package io.companyos.agent.redaction.detect;

import io.companyos.agent.bench.redaction.BenchCatalog;
import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Upper bounds of the scanner's shape, in memory, in thread CPU time: what each layer of the engine costs on the
 * same file, so that a design can be judged by what it can reach before it is built. In this package because it
 * reads the scanner's per-byte table and keyword filter (package-private). Each round runs, in turn:
 *
 * <ul>
 *   <li>{@code table}: one pass of the per-byte table lookup and the word-start test, nothing else;
 *   <li>{@code filter}: the same plus the keyword filter (pair bit, then the 3-byte hash), counted without a
 *       branch out: the byte loop with no stops;
 *   <li>{@code stops}: the scanner's inner loop as it is, breaking at every stop (filter pass or trigger) to an
 *       outer loop that does nothing but count: the byte loop with its stops and no detector work;
 *   <li>{@code scan}: {@code CatalogScanner.scan} over 1 MiB windows as the stream cuts them (detectors, rescans,
 *       the match list), no replacement;
 *   <li>{@code engine}: the redacting stream into nothing (scan, tokens, output), as {@code RedactAb} measures.
 * </ul>
 *
 * Prints every round and the median of the second half of the rounds per layer, and the stop counts.
 *
 * <pre>java -XX:+UseSerialGC -Xmx1g [JIT flags] -cp bench/target/benchmarks.jar \
 *     io.companyos.agent.redaction.detect.RedactBounds FILE ROUNDS</pre>
 */
public final class RedactBounds {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] LAYERS = {"table", "filter", "stops", "scan", "engine"};
  private static final int WINDOW = RedactingOutputStream.WINDOW;
  private static long sink;

  private RedactBounds() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RedactBounds FILE ROUNDS");
      System.exit(2);
    }
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    boolean[] enabled = new boolean[DetectorType.values().length];
    Arrays.fill(enabled, true);
    List<String> labels = Arrays.stream(DetectorType.values()).map(DetectorType::label).toList();
    CatalogScanner scanner = new CatalogScanner(TriggerCatalog.build(
        BenchCatalog.CUSTOMERS.stream().map(c -> c + ".com").toList(), BenchCatalog.KEYWORDS), enabled, labels);
    int[] info = new int[256];
    for (int c = 0; c < 256; c++) {
      info[c] = scanner.info(c);
    }
    long[] pairs = scanner.trie().pairs();
    long[] filter = scanner.trie().filter();
    Redactor redactor = BenchCatalog.redactor();
    double mib = data.length / 1048576.0;
    double[][] rates = new double[LAYERS.length][rounds];
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r);
      for (int k = 0; k < LAYERS.length; k++) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        switch (k) {
          case 0 -> sink += table(data, info);
          case 1 -> sink += filter(data, info, pairs, filter);
          case 2 -> sink += stops(data, info, pairs, filter)[0];
          case 3 -> sink += scan(scanner, data);
          default -> engine(redactor, data);
        }
        rates[k][r] = mib / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
        line.append(String.format(" %s=%.1f", LAYERS[k], rates[k][r]));
      }
      System.out.println(line.append(" MiB/CPU-s"));
    }
    StringBuilder result = new StringBuilder("RESULT medians of rounds " + rounds / 2 + "-" + (rounds - 1) + ":");
    for (int k = 0; k < LAYERS.length; k++) {
      double[] half = Arrays.copyOfRange(rates[k], rounds / 2, rounds);
      Arrays.sort(half);
      result.append(String.format(" %s=%.1f", LAYERS[k], half[half.length / 2]));
    }
    System.out.println(result.append(" MiB/CPU-s"));
    long[] n = stops(data, info, pairs, filter);
    System.out.printf("STOPS %d in %d bytes (one in %.1f): %d filter passes, %d trigger bytes%n", n[1] + n[2],
        data.length, data.length / (double) (n[1] + n[2]), n[1], n[2]);
  }

  private static long table(byte[] b, int[] info) {
    long n = 0;
    int prev = 0;
    for (int i = 0; i < b.length; i++) {
      int x = info[b[i] & 0xFF];
      n += (x & CatalogScanner.T_ANY & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2)))
          != 0 ? 1 : 0;
      prev = x;
    }
    return n;
  }

  private static long filter(byte[] b, int[] info, long[] pairs, long[] filter) {
    long n = 0;
    int window = 0;
    int prev = 0;
    for (int i = 0; i < b.length; i++) {
      int x = info[b[i] & 0xFF];
      int w = ((window << 8) | (x & 0xFF)) & 0xFFFFFF;
      int trig = x & CatalogScanner.T_ANY & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2));
      boolean hit = (pairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(filter, w);
      n += hit || trig != 0 ? 1 : 0;
      window = w;
      prev = x;
    }
    return n;
  }

  /** The scanner's inner loop (see {@code CatalogScanner.scan}); returns {count, filter stops, trigger stops}. */
  private static long[] stops(byte[] b, int[] info, long[] pairs, long[] filter) {
    long hits = 0;
    long trigs = 0;
    int window = 0;
    int prev = 0;
    int i = 0;
    final int end = b.length;
    while (i < end) {
      int inf = 0;
      int trig = 0;
      boolean hit = false;
      for (; i < end; i++) {
        inf = info[b[i] & 0xFF];
        int w = ((window << 8) | (inf & 0xFF)) & 0xFFFFFF;
        trig = inf & CatalogScanner.T_ANY
            & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2));
        hit = (pairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(filter, w);
        window = w;
        if (hit || trig != 0) {
          break;
        }
        prev = inf;
      }
      if (i >= end) {
        break;
      }
      if (hit) {
        hits++;
      } else {
        trigs++;
      }
      prev = inf;
      i++;
    }
    return new long[] {hits + trigs, hits, trigs};
  }

  private static boolean passes(long[] filter, int window) {
    int h = KeywordTrie.hash(window);
    return (filter[h >>> 6] & (1L << h)) != 0;
  }

  /** The windows as {@link RedactingOutputStream} scans them: up to the window's end, reading up to 64 KiB on. */
  private static long scan(CatalogScanner scanner, byte[] data) {
    Scan s = scanner.newScan();
    long found = 0;
    for (int from = 0; from < data.length; from += WINDOW) {
      int limit = Math.min(data.length, from + WINDOW);
      s.b = data;
      s.lo = Math.max(0, from - RedactingOutputStream.CONTEXT);
      s.emitFrom = from;
      s.hi = Math.min(data.length, limit + RedactingOutputStream.OVERLAP);
      s.eof = s.hi == data.length;
      s.matches.clear();
      scanner.scan(s, from, limit);
      found += s.matches.size();
    }
    return found;
  }

  private static void engine(Redactor redactor, byte[] data) {
    try (OutputStream o = redactor.newRedactingStream(OutputStream.nullOutputStream(), new RedactionCounter())) {
      o.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
