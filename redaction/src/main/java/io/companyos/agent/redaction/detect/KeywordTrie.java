package io.companyos.agent.redaction.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's literal patterns (key words, token prefixes, suffixes, customer domains, keywords) as a
 * trie over lower-cased bytes, plus a direct bit set of their first three bytes, by class.
 *
 * <p>Each byte that starts a pattern (among its first three) has a class of 6 bits ({@link #startClass}), every
 * other byte class 0, so three bytes' classes index one bit of 2<sup>18</sup>: set for each pattern's first three
 * bytes. The scanner keeps the last three classes in a register and tests that bit at every position, one load and
 * no arithmetic; only where it is set does it walk the trie. On logs it passes at ~1.7 % of positions, where the
 * pair bit and 3-byte hash it replaced passed at 13 % and then needed a multiplication. The catalog's patterns start
 * with more distinct bytes than 62 classes hold (67 in session 25): the bytes common in logs get classes of their
 * own, and the rarest (punctuation logs seldom hold, other scripts, also from configured keywords) share class 63,
 * which only lets more positions through to the trie.
 */
final class KeywordTrie {
  /** The highest class; further distinct bytes share it. */
  private static final int MAX_CLASS = 63;

  private final int[] byteClass = new int[256];
  private final int width;
  private final char[] next;
  private final int[][] outputs;
  /** Per byte, its class among the bytes the patterns start with (1-63, either case for ASCII letters), else 0. */
  private final byte[] startClass = new byte[256];
  /** One bit per three classes ({@code c0 << 12 | c1 << 6 | c2}): the first three bytes of a pattern. */
  private final long[] trigrams = new long[(1 << 18) / 64];
  /**
   * The trie's nodes after the first two and three bytes of each pattern of three bytes or more, by their classes
   * (an open-addressing table: key {@code trigram + 1}, value {@code node2 << 16 | node3}), so that a walk starts at
   * the fourth byte. When more bytes start patterns than there are classes, the last class is shared and three
   * classes with it name no three bytes: such patterns have no entry and their walks start at the root. (Until
   * session 22 the whole table was dropped then: session 21's patterns brought the starting bytes from 61 to 65
   * and every walk started at the root, 3 % of the engine in memory.)
   */
  private final int[] prefixKeys;
  private final int[] prefixNodes;
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
    }
    maxLength = longest;
    boolean shared = !classifyStarts(patterns);
    for (byte[] p : patterns) {
      int w = (startClass[Bytes.lower(p[0])] << 12) | (startClass[Bytes.lower(p[1])] << 6);
      if (p.length >= 3) {
        setTrigram(w | startClass[Bytes.lower(p[2])]);
      } else {
        for (int c = 0; c <= MAX_CLASS; c++) { // a 2-byte pattern: any byte after it
          setTrigram(w | c);
        }
      }
    }
    next = new char[nodes.size() * width];
    outputs = new int[nodes.size()][];
    for (int n = 0; n < nodes.size(); n++) {
      System.arraycopy(nodes.get(n), 0, next, n * width, width);
      if (!out.get(n).isEmpty()) {
        outputs[n] = out.get(n).stream().mapToInt(Integer::intValue).toArray();
      }
    }
    int size = Integer.highestOneBit(Math.max(16, patterns.size() * 4) - 1) << 1;
    prefixKeys = new int[size];
    prefixNodes = new int[size];
    for (byte[] p : patterns) {
      // (when class 63 is shared, a trigram with it names no three bytes: those patterns' walks start at the root)
      if (p.length >= 3 && !(shared && (startClass(p[0]) == MAX_CLASS || startClass(p[1]) == MAX_CLASS
          || startClass(p[2]) == MAX_CLASS))) {
        int node2 = child(child(0, p[0]), p[1]);
        int node3 = child(node2, p[2]);
        int w = (startClass(p[0]) << 12) | (startClass(p[1]) << 6) | startClass(p[2]);
        int slot = slot(w);
        while (prefixKeys[slot] != 0 && prefixKeys[slot] != w + 1) {
          slot = (slot + 1) & (size - 1);
        }
        prefixKeys[slot] = w + 1;
        prefixNodes[slot] = (node2 << 16) | node3;
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

  /**
   * Gives each lower-cased byte among the patterns' first three bytes a class, the bytes common in logs first (see
   * {@link #rarity}), then in the order met; upper case too. Returns whether every such byte has a class of its own.
   * When there are more than 63, the rarest share class 63: a shared class lets through every position where any of
   * its bytes stands, so it must hold bytes that logs seldom have (session 25: in the order met it had taken {@code ,
   * ; ) ] [}, and 70 bytes made the filter pass at 55,000 more places per 64 MiB).
   */
  private boolean classifyStarts(List<byte[]> patterns) {
    java.util.LinkedHashSet<Integer> met = new java.util.LinkedHashSet<>();
    for (byte[] p : patterns) {
      for (int k = 0; k < Math.min(3, p.length); k++) {
        met.add(Bytes.lower(p[k]) & 0xFF);
      }
    }
    List<Integer> order = new ArrayList<>(met);
    order.sort((a, b) -> Integer.compare(rarity(a), rarity(b))); // stable: the order met among equals
    int classes = 0;
    for (int c : order) {
      startClass[c] = (byte) Math.min(MAX_CLASS, ++classes);
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      startClass[c] = startClass[c + 32];
    }
    return classes <= MAX_CLASS;
  }

  /**
   * How rare a byte is in log text, for {@link #classifyStarts}: 0 for letters, digits, blanks and the punctuation
   * logs are made of, 1 for punctuation they seldom hold, 2 for bytes of other scripts.
   */
  private static int rarity(int c) {
    if (c >= 0x80) {
      return 2;
    }
    return "`!{}|*&$<>~^\\#%@?".indexOf(c) >= 0 ? 1 : 0;
  }

  private int slot(int trigram) {
    return (trigram * 0x9E3779B1) >>> (32 - Integer.numberOfTrailingZeros(prefixKeys.length));
  }

  /**
   * For the classes {@code trigram} of three bytes: the trie's node after the first two ({@code << 16}) and after all
   * three (0 when no pattern goes on with the third), or -1 when the walk has to start from the root (the table
   * holds no entry for them, or there is none). Never -1 otherwise: the two nodes differ.
   */
  int prefix(int trigram) {
    int[] keys = prefixKeys;
    if (keys == null) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int slot = slot(trigram); ; slot = (slot + 1) & mask) {
      int k = keys[slot];
      if (k == trigram + 1) {
        return prefixNodes[slot];
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  private void setTrigram(int t) {
    trigrams[t >>> 6] |= 1L << t;
  }

  /** Per byte its class (0-63, see the class comment): 0 for a byte no pattern starts with. */
  int startClass(int c) {
    return startClass[c & 0xFF];
  }

  /**
   * The bit set the scanner tests per byte, indexed by the last three bytes' classes ({@code c0 << 12 | c1 << 6 |
   * c2}): set where a pattern may start at {@code c0}'s byte. It passes every position where the trie finds a
   * pattern, so it changes no result.
   */
  long[] trigrams() {
    return trigrams;
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
