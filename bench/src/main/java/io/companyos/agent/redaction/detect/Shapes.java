package io.companyos.agent.redaction.detect;

import java.util.List;

/**
 * The tables of the candidate scanner shapes that {@link RedactBounds} measures (eighth pass), built from the same
 * patterns and byte flags as the scanner's. Kept out of the engine: none of these shapes was built (none reached
 * 1.3 times the bound of today's loop; docs/benchmarks.md, "Eighth pass"). "Today's loop" is the scanner's before
 * session 18, which tested the pair bit and the 3-byte hash of lower-cased bytes ({@link #pairs}, {@link #filter},
 * {@link #info}); the scanner now tests one bit of three byte classes instead (see {@link KeywordTrie}).
 */
final class Shapes {
  private static final int BITS = 1 << 16;

  /**
   * The keyword filter of the scanner before session 18: a direct bit set of every pattern's lower-cased second and
   * third bytes, and a bit set of the hashes ({@link #hash}) of its first three.
   */
  final long[] pairs = new long[BITS / 64];
  final long[] filter = new long[BITS / 64];

  /** Shape b: the stride filter, hashed bits and direct bits of the window's last two bytes. */
  final long[] strideFilter = new long[BITS / 64];
  final long[] stridePairs = new long[BITS / 64];
  /** Whether the stride filter exists: a 2-byte pattern would need every window. */
  final boolean strided;
  /** The gate: a bit per pair of raw bytes {@code b[i-1] << 8 | b[i]}, keyword pairs or triggers that may act. */
  final long[] gate = new long[BITS / 64];
  /** The gate's trigger part alone. */
  final long[] gateTriggers = new long[BITS / 64];
  /** The keyword filter over raw windows with bit 5 of each byte set ({@code raw | 0x202020}). */
  final long[] foldedFilter = new long[BITS / 64];

  /** Shape a: today's filter (direct pair bits, hashed bits) over the patterns that are not key names. */
  final long[] otherPairs = new long[BITS / 64];
  final long[] otherFilter = new long[BITS / 64];

  /**
   * The gate as bytes per pair of raw bytes: bit 0 a trigger that may act (as {@link #gateTriggers}), bit 1 a
   * pattern's bytes 1–2, bit 2 a pattern's bytes 0–1 (either case); a position passes on bit 0, or on bit 1 of its
   * pair and bit 2 of the pair before.
   */
  final byte[] gateBytes = new byte[BITS];

  Shapes(List<byte[]> patterns, List<Boolean> keyNames, CatalogScanner scanner) {
    for (byte[] p : patterns) {
      addToFilter(p, pairs, filter);
    }
    for (byte[] p : patterns) {
      for (int x = 0; x < 256; x++) {
        for (int y = 0; y < 256; y++) {
          if (Bytes.lower(x) == Bytes.lower(p[0]) && Bytes.lower(y) == Bytes.lower(p[1])) {
            gateBytes[(x << 8) | y] |= 4;
          }
          if (Bytes.lower(x) == Bytes.lower(p[1]) && (p.length < 3 || Bytes.lower(y) == Bytes.lower(p[2]))) {
            gateBytes[(x << 8) | y] |= 2;
          }
        }
      }
    }
    for (int k = 0; k < patterns.size(); k++) {
      if (!keyNames.get(k)) {
        addToFilter(patterns.get(k), otherPairs, otherFilter);
      }
    }
    boolean all3 = true;
    for (byte[] p : patterns) {
      all3 &= addToStride(p);
      addFolded(p);
    }
    strided = all3;
    for (int x = 0; x < 256; x++) {
      for (int y = 0; y < 256; y++) {
        int lowered = (Bytes.lower(x) << 8) | Bytes.lower(y);
        int g = (x << 8) | y;
        boolean acts = mayAct(info(scanner, x), info(scanner, y));
        if ((pairs[lowered >>> 6] & (1L << lowered)) != 0 || acts) {
          gate[g >>> 6] |= 1L << g;
        }
        if (acts) {
          gateTriggers[g >>> 6] |= 1L << g;
          gateBytes[g] |= 1;
        }
      }
    }
  }

  /** Pattern {@code p} into a pair-bit set and a hash filter as the scanner before session 18 built them. */
  private static void addToFilter(byte[] p, long[] pairBits, long[] hashBits) {
    int w = (Bytes.lower(p[0]) << 16) | (Bytes.lower(p[1]) << 8);
    for (int c = 0; c < 256; c++) {
      if (p.length < 3 || c == Bytes.lower(p[2])) {
        int h = hash(w | Bytes.lower(c));
        hashBits[h >>> 6] |= 1L << h;
        int pair = (w & 0xFF00) | Bytes.lower(c);
        pairBits[pair >>> 6] |= 1L << pair;
      }
    }
  }

  /** The hash of three lower-cased bytes packed as {@code b0 << 16 | b1 << 8 | b2}, 16 bits. */
  static int hash(int window) {
    return (window * 0x9E3779B1) >>> 16;
  }

  /**
   * The scanner's flags of {@code c} with the lower-cased byte in the low 8 bits, as the scanner before session 18
   * read them (it now holds the byte's class there).
   */
  static int info(CatalogScanner scanner, int c) {
    return (scanner.info(c) & ~0xFF) | Bytes.lower(c);
  }

  /**
   * The stride filter is tested once per two bytes, at the window {@code b[i-1..i+1]} of the pair
   * {@code (i, i+1)}: it must pass wherever a pattern starts at {@code i - 2} or {@code i - 1}, the two starts
   * whose first three bytes end in the pair. A pattern starting at {@code i - 1} has its first three bytes there;
   * one starting at {@code i - 2} its bytes 1–3, or, if it has only three, its bytes 1–2 and any byte.
   */
  private boolean addToStride(byte[] p) {
    if (p.length < 3) {
      return false;
    }
    int w = (Bytes.lower(p[0]) << 16) | (Bytes.lower(p[1]) << 8) | Bytes.lower(p[2]);
    setStride(w);
    int tail = (w << 8) & 0xFFFF00;
    if (p.length >= 4) {
      setStride(tail | Bytes.lower(p[3]));
    } else {
      for (int c = 0; c < 256; c++) {
        setStride(tail | Bytes.lower(c));
      }
    }
    return true;
  }

  private void setStride(int window) {
    int h = hash(window);
    strideFilter[h >>> 6] |= 1L << h;
    stridePairs[(window & 0xFFFF) >>> 6] |= 1L << window;
  }

  /** Bit 5 set: an ASCII letter's lower case, and a function of the byte, so a test on it passes every case. */
  private static int folded(int c) {
    return (c & 0xFF) | 0x20;
  }

  private void addFolded(byte[] p) {
    int w = (folded(p[0]) << 16) | (folded(p[1]) << 8);
    if (p.length >= 3) {
      setFolded(w | folded(p[2]));
    } else {
      for (int c = 0; c < 256; c++) {
        setFolded(w | folded(c));
      }
    }
  }

  private void setFolded(int window) {
    int h = hash(window);
    foldedFilter[h >>> 6] |= 1L << h;
  }

  /**
   * The gate's trigger part: whether a byte of flags {@code y} after one of flags {@code x} may be a trigger that
   * the scanner does something with (away from the window's end), or the second byte of a pair that makes the
   * byte before it one: every condition of the scanner's quick rejection and of {@code worthATry} on the byte
   * before the trigger, none of those on the bytes after it (left to the look at the byte): a digit or capital
   * only at a word start, a digit not after a dot; a dot or dash only after a hex digit; a colon after a hex
   * digit, or the pair {@code ::} (the loop stops at the second colon and looks at the first too); {@code (} and
   * {@code +} only after no word byte; {@code %} only before {@code 4} (the pair {@code %4}, as {@code ::});
   * {@code @} and {@code <} always.
   */
  private static boolean mayAct(int x, int y) {
    if (((x & 0xFF) == '%' && (y & 0xFF) == '4') || ((x & 0xFF) == ':' && (y & 0xFF) == ':')) {
      return true;
    }
    int t = y & CatalogScanner.T_ANY;
    if ((x & CatalogScanner.WORD) != 0) {
      t &= ~(CatalogScanner.T_DIGIT | CatalogScanner.T_UPPER);
    }
    if (t == 0) {
      return false;
    }
    switch (t) {
      case CatalogScanner.T_DIGIT:
        return (x & 0xFF) != '.';
      case CatalogScanner.T_DOT:
      case CatalogScanner.T_DASH:
      case CatalogScanner.T_COLON:
        return (x & CatalogScanner.HEX) != 0;
      case CatalogScanner.T_PAREN:
      case CatalogScanner.T_PLUS:
        return (x & CatalogScanner.WORD) == 0;
      case CatalogScanner.T_PERCENT:
        return false;
      default:
        return true; // @, <, a word-initial capital
    }
  }
}
