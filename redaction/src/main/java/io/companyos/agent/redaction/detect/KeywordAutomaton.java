package io.companyos.agent.redaction.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An Aho-Corasick automaton compiled to a dense DFA over byte classes. ASCII letters are folded to lower
 * case; every other byte is matched as it is. Bytes that occur in no pattern share one class, which keeps
 * the transition table small enough for the L1/L2 cache.
 */
final class KeywordAutomaton {
  private final int[] byteClass = new int[256];
  private final int shift;
  private final char[] next;
  private final int[][] outputs;
  private final int firstAccepting;
  private final int[] patternLength;

  private KeywordAutomaton(List<byte[]> patterns) {
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
    int s = 0;
    while ((1 << s) < classes) {
      s++;
    }
    shift = s;
    int width = 1 << s;

    List<int[]> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(new int[width]);
    out.add(new ArrayList<>());
    patternLength = new int[patterns.size()];
    for (int id = 0; id < patterns.size(); id++) {
      byte[] p = patterns.get(id);
      patternLength[id] = p.length;
      int state = 0;
      for (byte x : p) {
        int cls = byteClass[Bytes.lower(x)];
        int to = trie.get(state)[cls];
        if (to == 0) {
          to = trie.size();
          trie.add(new int[width]);
          out.add(new ArrayList<>());
          trie.get(state)[cls] = to;
        }
        state = to;
      }
      out.get(state).add(id);
    }

    int n = trie.size();
    int[] fail = new int[n];
    int[] dense = new int[n << shift];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < width; c++) {
      int to = trie.get(0)[c];
      dense[c] = to;
      if (to != 0) {
        queue.add(to);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      out.get(state).addAll(out.get(fail[state]));
      for (int c = 0; c < width; c++) {
        int to = trie.get(state)[c];
        if (to != 0) {
          fail[to] = dense[(fail[state] << shift) | c];
          dense[(state << shift) | c] = to;
          queue.add(to);
        } else {
          dense[(state << shift) | c] = dense[(fail[state] << shift) | c];
        }
      }
    }
    // Renumber: states without output first (the start state stays 0), so that "has output" is one compare.
    int[] order = new int[n];
    int k = 0;
    for (int state = 0; state < n; state++) {
      if (out.get(state).isEmpty()) {
        order[state] = k++;
      }
    }
    firstAccepting = k;
    for (int state = 0; state < n; state++) {
      if (!out.get(state).isEmpty()) {
        order[state] = k++;
      }
    }
    if (n > Character.MAX_VALUE) {
      throw new IllegalArgumentException("too many keyword states: " + n);
    }
    next = new char[n << shift];
    for (int state = 0; state < n; state++) {
      for (int c = 0; c < width; c++) {
        next[(order[state] << shift) | c] = (char) order[dense[(state << shift) | c]];
      }
    }
    outputs = new int[n][];
    for (int state = 0; state < n; state++) {
      List<Integer> ids = out.get(state);
      if (!ids.isEmpty()) {
        outputs[order[state]] =
            ids.stream()
                .distinct()
                .sorted(Comparator.comparingInt((Integer id) -> -patternLength[id]))
                .mapToInt(Integer::intValue)
                .toArray();
      }
    }
  }

  /** Builds the automaton; pattern ids are the indexes in {@code patterns}. */
  static KeywordAutomaton of(List<byte[]> patterns) {
    return new KeywordAutomaton(patterns);
  }

  /** The state after reading byte {@code b} in {@code state}; the start state is 0. */
  int step(int state, byte b) {
    return next[(state << shift) | byteClass[b & 0xFF]];
  }

  /** Pattern ids that end in {@code state}, longest first, or {@code null}. */
  int[] outputs(int state) {
    return outputs[state];
  }

  int patternLength(int id) {
    return patternLength[id];
  }

  /** States from this one on have outputs. */
  int firstAccepting() {
    return firstAccepting;
  }

  char[] table() {
    return next;
  }

  int[] classes() {
    return byteClass;
  }

  int shift() {
    return shift;
  }

  int[][] allOutputs() {
    return outputs;
  }

  @Override
  public String toString() {
    return "KeywordAutomaton[states=" + outputs.length + ", classes=" + (1 << shift) + ", patterns="
        + patternLength.length + ", lengths=" + Arrays.stream(patternLength).max().orElse(0) + "]";
  }
}
