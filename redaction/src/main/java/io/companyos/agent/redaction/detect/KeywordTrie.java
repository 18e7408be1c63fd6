package io.companyos.agent.redaction.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's literal patterns (key words, token prefixes, suffixes, customer domains, keywords) as a
 * trie over lower-cased bytes, plus a 64 Ki-bit filter of the hashes of their first three bytes.
 *
 * <p>The scanner keeps the last three lower-cased bytes in a register and tests the filter at every
 * position; only where the filter says a pattern may start does it walk the trie. Unlike an Aho-Corasick
 * automaton, whose every step waits for the previous table load, the filter test has no dependency from
 * one byte to the next, so the common case runs at the speed of independent loads.
 */
final class KeywordTrie {
  private static final int FILTER_BITS = 1 << 16;

  private final int[] byteClass = new int[256];
  private final int width;
  private final char[] next;
  private final int[][] outputs;
  private final long[] filter = new long[FILTER_BITS / 64];
  private final long[] pairs = new long[(1 << 16) / 64];
  private final int maxLength;

  private KeywordTrie(List<byte[]> patterns) {
    int classes = 1;
    for (byte[] p : patterns) {
      for (byte x : p) {
        int c = Bytes.lower(x);
        if (byteClass[c] == 0) {
          byteClass[c] = classes++;
        }
      }
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      byteClass[c] = byteClass[c + 32];
    }
    width = classes;
    List<char[]> nodes = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    nodes.add(new char[width]);
    out.add(new ArrayList<>());
    int longest = 0;
    for (int id = 0; id < patterns.size(); id++) {
      byte[] p = patterns.get(id);
      longest = Math.max(longest, p.length);
      int node = 0;
      for (byte x : p) {
        int cls = byteClass[Bytes.lower(x)];
        int to = nodes.get(node)[cls];
        if (to == 0) {
          to = nodes.size();
          if (to > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many keyword patterns");
          }
          nodes.add(new char[width]);
          out.add(new ArrayList<>());
          nodes.get(node)[cls] = (char) to;
        }
        node = to;
      }
      out.get(node).add(id);
      addToFilter(p);
    }
    maxLength = longest;
    next = new char[nodes.size() * width];
    outputs = new int[nodes.size()][];
    for (int n = 0; n < nodes.size(); n++) {
      System.arraycopy(nodes.get(n), 0, next, n * width, width);
      if (!out.get(n).isEmpty()) {
        outputs[n] = out.get(n).stream().mapToInt(Integer::intValue).toArray();
      }
    }
  }

  static KeywordTrie of(List<byte[]> patterns) {
    for (byte[] p : patterns) {
      if (p.length < 2) {
        throw new IllegalArgumentException("patterns need at least 2 bytes");
      }
    }
    return new KeywordTrie(patterns);
  }

  /** The hash of three lower-cased bytes packed as {@code b0 << 16 | b1 << 8 | b2}, 16 bits. */
  static int hash(int window) {
    return (window * 0x9E3779B1) >>> 16;
  }

  private void addToFilter(byte[] p) {
    int w = (Bytes.lower(p[0]) << 16) | (Bytes.lower(p[1]) << 8);
    if (p.length >= 3) {
      set(hash(w | Bytes.lower(p[2])));
      setPair((w & 0xFF00) | Bytes.lower(p[2]));
    } else {
      for (int c = 0; c < 256; c++) {
        set(hash(w | Bytes.lower(c)));
        setPair((w & 0xFF00) | Bytes.lower(c));
      }
    }
  }

  private void setPair(int pair) {
    pairs[pair >>> 6] |= 1L << pair;
  }

  /**
   * A direct bit set of the second and third bytes of every pattern (lower-cased), tested before the hashed
   * filter: one load and no multiplication for the ~90 % of positions it rules out. Indexed by the low 16
   * bits of the scanner's window. It passes every window the trie can match, so it changes no result.
   */
  long[] pairs() {
    return pairs;
  }

  private void set(int h) {
    filter[h >>> 6] |= 1L << h;
  }

  long[] filter() {
    return filter;
  }

  int maxLength() {
    return maxLength;
  }

  /** The child of {@code node} on byte {@code b} (either case for ASCII letters), or 0 for none. */
  int child(int node, byte b) {
    int cls = byteClass[b & 0xFF];
    return cls == 0 ? 0 : next[node * width + cls];
  }

  /** Pattern ids that end at {@code node}, or {@code null}. */
  int[] outputs(int node) {
    return outputs[node];
  }

  @Override
  public String toString() {
    return "KeywordTrie[nodes=" + outputs.length + ", classes=" + width + "]";
  }
}
