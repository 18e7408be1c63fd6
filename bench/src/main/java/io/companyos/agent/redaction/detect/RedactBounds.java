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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Upper bounds of the scanner's shape, in memory, in thread CPU time: what each layer of the engine costs on the
 * same file, so that a design can be judged by what it can reach before it is built. In this package because it
 * reads the scanner's per-byte table and keyword filter (package-private). The layers up to {@code gate4} measure the
 * loop as it was before session 18, with the pair bit and 3-byte hash filter ({@link Shapes#pairs}); the scanner
 * itself ({@code scan}, {@code engine}) now tests one bit of three byte classes. Each round runs, in turn:
 *
 * <ul>
 *   <li>{@code table}: one pass of the per-byte table lookup and the word-start test, nothing else;
 *   <li>{@code filter}: the same plus the keyword filter (pair bit, then the 3-byte hash), counted without a
 *       branch out: the byte loop with no stops;
 *   <li>{@code stops}: the scanner's inner loop as it is, breaking at every stop (filter pass or trigger) to an
 *       outer loop that does nothing but count: the byte loop with its stops and no detector work;
 *   <li>eighth pass, candidate shapes of the same loop (tables in {@link Shapes}), each counting its stops and
 *       doing nothing there but read what the scanner would need:
 *       <ul>
 *         <li>{@code stride}: the stride filter tested once per two bytes with both bytes' trigger test, breaking to
 *             a per-byte look at the pair where either passes (the exact filter only if the stride filter passed);
 *             its pattern looks are a superset of the trie's finds (counted after the rounds: FINDS);
 *         <li>{@code gate}: one bit per pair of raw bytes (a pattern's bytes 1–2, a trigger after a byte that lets
 *             it act) tested per byte, the byte at a gate stop and the one before looked at as {@code stops} does;
 *             the positions where the scanner may act that it skips are counted (GATE misses, must be 0);
 *         <li>{@code gate2}: the same bit, and where it passes the trigger bit or the 3-byte hash of the folded raw
 *             window before stopping;
 *         <li>{@code gate3}: {@code gate2} in two loops per 16 KiB: the positions of the gate's passes written to
 *             an array without a branch, then tested;
 *         <li>{@code gate4}: {@code gate3} with a byte per pair (trigger, a pattern's bytes 1–2, bytes 0–1), so a
 *             keyword pair passes only after its pattern's first pair;
 *       </ul>
 *   <li>{@code scan}: {@code CatalogScanner.scan} over 1 MiB windows as the stream cuts them (detectors, rescans,
 *       the match list), no replacement;
 *   <li>{@code engine}: the redacting stream into nothing (scan, tokens, output), as {@code RedactAb} measures.
 * </ul>
 *
 * Prints every round and the median of the second half of the rounds per layer, then the stop counts of each
 * shape and the superset checks (FINDS, GATE misses), and shape c's bound (SWAR: the 8-byte words that hold no
 * trigger and no pattern's first byte, which a word-at-a-time test could skip).
 *
 * <pre>java -XX:+UseSerialGC -Xmx1g [JIT flags] -cp bench/target/benchmarks.jar \
 *     io.companyos.agent.redaction.detect.RedactBounds FILE ROUNDS</pre>
 */
public final class RedactBounds {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] LAYERS =
      {"table", "filter", "stops", "stride", "gate", "gate2", "gate3", "gate4", "scan", "engine"};
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
    List<Trigger> catalog = TriggerCatalog.build(
        BenchCatalog.CUSTOMERS.stream().map(c -> c + ".com").toList(), BenchCatalog.KEYWORDS);
    CatalogScanner scanner = new CatalogScanner(catalog, enabled, labels);
    Shapes shapes = new Shapes(catalog.stream().map(t -> t.text().getBytes(StandardCharsets.UTF_8)).toList(),
        catalog.stream().map(t -> t.action() == Trigger.Action.KEY_VALUE).toList(), scanner);
    int[] info = new int[256];
    for (int c = 0; c < 256; c++) {
      info[c] = Shapes.info(scanner, c);
    }
    long[] pairs = shapes.pairs;
    long[] filter = shapes.filter;
    if (!shapes.strided) {
      System.err.println("a 2-byte pattern: the stride filter does not apply");
      System.exit(2);
    }
    long[] sPairs = shapes.stridePairs;
    long[] sFilter = shapes.strideFilter;
    long[] gate = shapes.gate;
    long[] gateT = shapes.gateTriggers;
    long[] folded = shapes.foldedFilter;
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
          case 3 -> sink += stride(data, info, pairs, filter, sPairs, sFilter)[0];
          case 4 -> sink += gated(data, info, pairs, filter, gate)[0];
          case 5 -> sink += gated2(data, info, gate, gateT, folded)[0];
          case 6 -> sink += gated3(data, info, gate, gateT, folded)[0];
          case 7 -> sink += gated4(data, info, shapes.gateBytes, gateT, folded)[0];
          case 8 -> sink += scan(scanner, data);
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
    long[] st = stride(data, info, pairs, filter, sPairs, sFilter);
    System.out.printf("STRIDE %d pair breaks, %d pattern looks (exact filter passes %d), %d trigger bytes%n", st[3], st[4],
        st[1], st[2]);
    finds(data, scanner.trie(), info, pairs, filter, sPairs, sFilter);
    long[] g = gated(data, info, pairs, filter, gate);
    System.out.printf("GATE %d gate stops, %d bytes looked at one by one, %d stops there (%d filter passes, %d trigger"
        + " bytes)%n", g[3], g[4], g[0], g[1], g[2]);
    gateMisses(data, scanner, info, pairs, filter, gate);
    long other = 0;
    long wordEnds = 0;
    int ow = 0;
    for (int p = 0; p < data.length; p++) {
      ow = ((ow << 8) | (info[data[p] & 0xFF] & 0xFF)) & 0xFFFFFF;
      if ((shapes.otherPairs[(ow >>> 6) & 0x3FF] & (1L << ow)) != 0 && passes(shapes.otherFilter, ow)) {
        other++;
      }
      if (p > 0 && (info[data[p - 1] & 0xFF] & CatalogScanner.WORD) != 0 && (info[data[p] & 0xFF] & CatalogScanner.WORD) == 0) {
        wordEnds++;
      }
    }
    System.out.printf("KEYSEP the per-byte filter without the key names passes %d times (with them %d); %d word ends"
        + " (a look-back each)%n", other, n[1], wordEnds);
    long[] g2 = gated2(data, info, gate, gateT, folded);
    System.out.printf("GATE2 %d stops, %d gate passes%n", g2[1], g2[2]);
    long[] g3 = gated3(data, info, gate, gateT, folded);
    System.out.printf("GATE3 %d stops, %d gate passes%n", g3[1], g3[2]);
    long[] g4 = gated4(data, info, shapes.gateBytes, gateT, folded);
    System.out.printf("GATE4 %d stops, %d gate passes%n", g4[1], g4[2]);
    long pairPasses = 0;
    long gatePasses = 0;
    long trigPasses = 0;
    int[] byClass = new int[32];
    for (int p = 1; p < data.length; p++) {
      int gi = ((data[p - 1] & 0xFF) << 8) | (data[p] & 0xFF);
      int li = ((info[data[p - 1] & 0xFF] & 0xFF) << 8) | (info[data[p] & 0xFF] & 0xFF);
      boolean pp = (pairs[li >>> 6] & (1L << li)) != 0;
      boolean gp = (gate[gi >>> 6] & (1L << gi)) != 0;
      pairPasses += pp ? 1 : 0;
      gatePasses += gp ? 1 : 0;
      if (gp && !pp) {
        trigPasses++;
        byClass[Integer.numberOfTrailingZeros(info[data[p] & 0xFF] & CatalogScanner.T_ANY | (1 << 30)) - 8]++;
      }
    }
    System.out.printf("GATE passes %d: keyword pair bit %d, a trigger only %d (digit, capital, @, +, (, %%, :, <, -, ."
        + " %s)%n", gatePasses, pairPasses, trigPasses, Arrays.toString(Arrays.copyOfRange(byClass, 1, 11)));
    quietWords(data, scanner.trie(), info);
  }

  /**
   * The stride loop (see the class comment); returns {stops, exact filter passes, trigger bytes, pair breaks,
   * positions where the pattern filter is looked at}.
   */
  private static long[] stride(byte[] b, int[] info, long[] pairs, long[] filter, long[] sPairs, long[] sFilter) {
    long hits = 0;
    long trigs = 0;
    long breaks = 0;
    long looks = 0;
    int window = 0;
    int prev = 0;
    int exact = 2; // bytes still to look at one by one (after a reset of window and prev: the start)
    boolean patterns = true; // whether those bytes need the exact filter (the stride filter passed)
    int i = 0;
    final int end = b.length;
    while (i < end) {
      if (exact <= 0) {
        int pw = window;
        int pp = prev;
        boolean hit = false;
        for (; i + 1 < end; i += 2) {
          int x0 = info[b[i] & 0xFF];
          int x1 = info[b[i + 1] & 0xFF];
          int w = ((pw << 16) | ((x0 & 0xFF) << 8) | (x1 & 0xFF)) & 0xFFFFFF;
          int t = (x0 & CatalogScanner.T_ANY & ~(((pp & CatalogScanner.WORD) << 1) | ((pp & CatalogScanner.WORD) << 2)))
              | (x1 & CatalogScanner.T_ANY & ~(((x0 & CatalogScanner.WORD) << 1) | ((x0 & CatalogScanner.WORD) << 2)));
          hit = (sPairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(sFilter, w);
          if (hit || t != 0) {
            break;
          }
          pw = w;
          pp = x1;
        }
        window = pw;
        prev = pp;
        exact = 2;
        patterns = hit || i + 1 >= end;
        breaks++;
        if (i >= end) {
          break;
        }
      }
      int inf = info[b[i] & 0xFF];
      int w = ((window << 8) | (inf & 0xFF)) & 0xFFFFFF;
      int trig = inf & CatalogScanner.T_ANY
          & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2));
      window = w;
      exact--;
      if (patterns) {
        looks++;
        if ((pairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(filter, w)) {
          hits++;
        }
      }
      if (trig != 0) {
        trigs++;
      }
      prev = inf;
      i++;
    }
    return new long[] {hits + trigs + breaks, hits, trigs, breaks, looks};
  }

  private static final int TAIL = 8;

  /** The gate loop; returns {stops at looked-at bytes, filter passes, trigger bytes, gate stops, looked-at bytes}. */
  private static long[] gated(byte[] b, int[] info, long[] pairs, long[] filter, long[] gate) {
    long hits = 0;
    long trigs = 0;
    long breaks = 0;
    long looked = 0;
    int window = 0;
    int prev = 0;
    int exact = 2;
    int i = 0;
    final int end = b.length;
    final int fastEnd = end - TAIL;
    while (i < end) {
      if (i >= exact && i < fastEnd) {
        int j = i;
        int g = b[i - 1] & 0xFF;
        for (; j < fastEnd; j++) {
          g = ((g << 8) | (b[j] & 0xFF)) & 0xFFFF;
          if ((gate[g >>> 6] & (1L << g)) != 0) {
            break;
          }
        }
        breaks++;
        if (j - 1 > i) {
          i = j - 1;
          window = ((info[b[i - 2] & 0xFF] & 0xFF) << 8) | (info[b[i - 1] & 0xFF] & 0xFF);
          prev = info[b[i - 1] & 0xFF];
        }
        exact = j + 1;
        continue;
      }
      looked++;
      int inf = info[b[i] & 0xFF];
      int w = ((window << 8) | (inf & 0xFF)) & 0xFFFFFF;
      int trig = inf & CatalogScanner.T_ANY
          & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2));
      boolean hit = (pairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(filter, w);
      window = w;
      if (hit) {
        hits++;
      } else if (trig != 0) {
        trigs++;
      }
      prev = inf;
      i++;
    }
    return new long[] {hits + trigs, hits, trigs, breaks, looked};
  }

  /**
   * The gate with the hash behind it: per byte one bit of the raw pair; where it passes, the trigger part, then
   * the 3-byte hash of the folded raw window; a stop where either passes, there the window and the flags of the
   * byte before are read again (what the scanner needs to look at the byte). Returns {sink, stops, gate passes}.
   */
  private static long[] gated2(byte[] b, int[] info, long[] gate, long[] gateT, long[] folded) {
    long stops = 0;
    long passes = 0;
    long sum = 0;
    int i = 2;
    final int end = b.length - TAIL;
    int rw = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    while (i < end) {
      int j = i;
      for (; j < end; j++) {
        rw = ((rw << 8) | (b[j] & 0xFF)) & 0xFFFFFF;
        if ((gate[(rw >>> 6) & 0x3FF] & (1L << rw)) != 0) {
          passes++;
          if ((gateT[(rw >>> 6) & 0x3FF] & (1L << rw)) != 0 || passes(folded, rw | 0x202020)) {
            break;
          }
        }
      }
      if (j >= end) {
        break;
      }
      stops++;
      sum += ((info[b[j - 2] & 0xFF] & 0xFF) << 8) + (info[b[j - 1] & 0xFF] & 0xFF) + info[b[j] & 0xFF];
      i = j + 1;
    }
    return new long[] {sum + stops, stops, passes};
  }

  private static final int CHUNK = 1 << 14;

  /**
   * {@code gate2} in two loops per 16 KiB: the first writes the position of every gate pass to an array without a
   * branch (the index moves by the bit), the second tests those positions as {@code gate2} does at a pass.
   */
  private static long[] gated3(byte[] b, int[] info, long[] gate, long[] gateT, long[] folded) {
    long stops = 0;
    long passes = 0;
    long sum = 0;
    int[] pos = new int[CHUNK];
    final int end = b.length - TAIL;
    int rw = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    for (int from = 2; from < end; from += CHUNK) {
      int to = Math.min(end, from + CHUNK);
      int k = 0;
      for (int j = from; j < to; j++) {
        rw = ((rw << 8) | (b[j] & 0xFF)) & 0xFFFFFF;
        pos[k] = j;
        k += (int) ((gate[(rw >>> 6) & 0x3FF] >>> rw) & 1);
      }
      passes += k;
      for (int n = 0; n < k; n++) {
        int j = pos[n];
        int w = ((b[j - 2] & 0xFF) << 16) | ((b[j - 1] & 0xFF) << 8) | (b[j] & 0xFF);
        if ((gateT[(w >>> 6) & 0x3FF] & (1L << w)) != 0 || passes(folded, w | 0x202020)) {
          stops++;
          sum += ((info[b[j - 2] & 0xFF] & 0xFF) << 8) + (info[b[j - 1] & 0xFF] & 0xFF) + info[b[j] & 0xFF];
        }
      }
    }
    return new long[] {sum + stops, stops, passes};
  }

  /** {@code gate3} with the byte gate: a keyword pair passes only after its pattern's first pair. */
  private static long[] gated4(byte[] b, int[] info, byte[] gate, long[] gateT, long[] folded) {
    long stops = 0;
    long passes = 0;
    long sum = 0;
    int[] pos = new int[CHUNK];
    final int end = b.length - TAIL;
    int rw = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    int before = gate[rw];
    for (int from = 2; from < end; from += CHUNK) {
      int to = Math.min(end, from + CHUNK);
      int k = 0;
      for (int j = from; j < to; j++) {
        rw = ((rw << 8) | (b[j] & 0xFF)) & 0xFFFF;
        int g = gate[rw];
        pos[k] = j;
        k += (g | ((g >> 1) & (before >> 2))) & 1;
        before = g;
      }
      passes += k;
      for (int n = 0; n < k; n++) {
        int j = pos[n];
        int w = ((b[j - 2] & 0xFF) << 16) | ((b[j - 1] & 0xFF) << 8) | (b[j] & 0xFF);
        if ((gateT[(w >>> 6) & 0x3FF] & (1L << w)) != 0 || passes(folded, w | 0x202020)) {
          stops++;
          sum += ((info[b[j - 2] & 0xFF] & 0xFF) << 8) + (info[b[j - 1] & 0xFF] & 0xFF) + info[b[j] & 0xFF];
        }
      }
    }
    return new long[] {sum + stops, stops, passes};
  }

  /**
   * The gate's superset check, by counting: the positions where the scanner may act (the trie finds a pattern
   * that starts two bytes back, or a trigger passes the scanner's quick rejection and, but for a digit, which may
   * start a date, {@code worthATry}) that the gate loop does not look at.
   */
  private static void gateMisses(byte[] b, CatalogScanner scanner, int[] info, long[] pairs, long[] filter,
      long[] gate) {
    boolean[] looked = new boolean[b.length];
    int exact = 2;
    int i = 0;
    final int fastEnd = b.length - TAIL;
    while (i < b.length) {
      if (i >= exact && i < fastEnd) {
        int j = i;
        int g = b[i - 1] & 0xFF;
        for (; j < fastEnd; j++) {
          g = ((g << 8) | (b[j] & 0xFF)) & 0xFFFF;
          if ((gate[g >>> 6] & (1L << g)) != 0) {
            break;
          }
        }
        i = Math.max(i, j - 1);
        exact = j + 1;
        continue;
      }
      looked[i++] = true;
    }
    long acts = 0;
    long missed = 0;
    int prev = 0;
    final int end = b.length;
    for (int p = 0; p < end; p++) {
      int inf = info[b[p] & 0xFF];
      int trig = inf & CatalogScanner.T_ANY
          & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2));
      boolean act = p >= 2 && found(scanner.trie(), b, p - 2);
      if (!act && trig != 0) {
        boolean rejected = trig == CatalogScanner.T_DIGIT ? (prev & 0xFF) == '.'
            : trig == CatalogScanner.T_DOT ? (prev & CatalogScanner.HEX) == 0 || (p + 5 < end && b[p + 5] != '.')
            : trig == CatalogScanner.T_UPPER ? p + 3 < end && (info[b[p + 1] & 0xFF] & CatalogScanner.T_UPPER) == 0
            : trig == CatalogScanner.T_DASH ? (prev & CatalogScanner.HEX) == 0 || (p + 3 < end && b[p + 3] != '-')
            : trig == CatalogScanner.T_COLON && (prev & CatalogScanner.HEX) == 0 && p + 1 < end && b[p + 1] != ':';
        act = !rejected && (trig == CatalogScanner.T_DIGIT || CatalogScanner.worthATry(b, inf, prev, p, end));
      }
      if (act) {
        acts++;
        if (!looked[p]) {
          missed++;
        }
      }
      prev = inf;
    }
    System.out.printf("GATE misses: %d of %d positions where the scanner may act are not looked at%n", missed, acts);
  }

  /**
   * The superset check, by counting: the positions where the trie finds a pattern, (1) over every position,
   * (2) where today's filter passes, (3) where the stride loop looks at the exact filter.
   */
  private static void finds(byte[] b, KeywordTrie trie, int[] info, long[] pairs, long[] filter, long[] sPairs,
      long[] sFilter) {
    boolean[] looked = new boolean[b.length];
    int window = 0;
    int prev = 0;
    int exact = 2;
    boolean patterns = true;
    int i = 0;
    while (i < b.length) {
      if (exact <= 0) {
        int w = ((window << 16) | ((info[b[i] & 0xFF] & 0xFF) << 8)
            | (i + 1 < b.length ? info[b[i + 1] & 0xFF] & 0xFF : 0)) & 0xFFFFFF;
        int x0 = info[b[i] & 0xFF];
        int x1 = i + 1 < b.length ? info[b[i + 1] & 0xFF] : 0;
        int t = (x0 & CatalogScanner.T_ANY & ~(((prev & CatalogScanner.WORD) << 1) | ((prev & CatalogScanner.WORD) << 2)))
            | (x1 & CatalogScanner.T_ANY & ~(((x0 & CatalogScanner.WORD) << 1) | ((x0 & CatalogScanner.WORD) << 2)));
        boolean hit = (sPairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(sFilter, w);
        if (!hit && t == 0 && i + 1 < b.length) {
          window = w;
          prev = x1;
          i += 2;
          continue;
        }
        exact = 2;
        patterns = hit || i + 1 >= b.length;
      }
      int inf = info[b[i] & 0xFF];
      window = ((window << 8) | (inf & 0xFF)) & 0xFFFFFF;
      exact--;
      if (patterns && i >= 2) {
        looked[i - 2] = true;
      }
      prev = inf;
      i++;
    }
    long all = 0;
    long today = 0;
    long strided = 0;
    int w = 0;
    for (int p = 0; p < b.length; p++) {
      w = ((w << 8) | (info[b[p] & 0xFF] & 0xFF)) & 0xFFFFFF;
      int start = p - 2;
      if (start < 0 || !found(trie, b, start)) {
        continue;
      }
      all++;
      if ((pairs[(w >>> 6) & 0x3FF] & (1L << w)) != 0 && passes(filter, w)) {
        today++;
      }
      if (looked[start]) {
        strided++;
      }
    }
    System.out.printf("FINDS positions where the trie finds a pattern: %d at all, %d where today's filter passes, %d"
        + " where the stride loop looks%n", all, today, strided);
  }

  private static boolean found(KeywordTrie trie, byte[] b, int start) {
    int node = 0;
    for (int k = start; k < b.length; k++) {
      node = trie.child(node, b[k]);
      if (node == 0) {
        return false;
      }
      if (trie.outputs(node) != null) {
        return true;
      }
    }
    return false;
  }

  /** Shape c's bound: the 8-byte words with no trigger byte and no byte that starts a pattern. */
  private static void quietWords(byte[] b, KeywordTrie trie, int[] info) {
    long quiet = 0;
    long words = b.length / 8;
    for (int k = 0; k + 8 <= b.length; k += 8) {
      boolean q = true;
      for (int j = k; j < k + 8 && q; j++) {
        q = (info[b[j] & 0xFF] & CatalogScanner.T_ANY) == 0 && trie.child(0, b[j]) == 0;
      }
      quiet += q ? 1 : 0;
    }
    System.out.printf("SWAR %d of %d 8-byte words (%.2f %%) hold no trigger and no pattern's first byte%n", quiet, words,
        100.0 * quiet / words);
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
    int h = Shapes.hash(window);
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
