package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A Kubernetes Secret printed as text ({@code kubectl get secret -o yaml|json} pasted into a log, a ticket, a
 * support file): every value of its {@code data} (base64) and {@code stringData} is a secret whatever its key's name
 * ({@code DATABASE_URL}, {@code config.json}, {@code license}). Found at {@code data:} (YAML, its own line) or
 * {@code "data": {} (JSON); the values count only when the same object says {@code kind: Secret} (kubectl sorts it
 * after {@code data}, a hand-written manifest before).
 */
final class KubeSecretDetector {
  private KubeSecretDetector() {}

  private static final int MAX = 64 * 1024;

  /** At the {@code :} of {@code data:} or {@code stringData:} (YAML). */
  static int yaml(Scan s, int last) {
    int ks = Bytes.startsWithIgnoreCase(s.b, last - 10, s.hi, "stringdata:") ? last - 10 : last - 4;
    int ls = ks;
    while (ls > s.lo && (s.b[ls - 1] == ' ' || s.b[ls - 1] == '-')) {
      ls--;
    }
    if (ls > s.lo && s.b[ls - 1] != '\n') {
      return -1;
    }
    int col = ks - ls;
    int p = last + 1;
    if (s.at(p) == '\r') {
      p++;
    }
    if (s.at(p) != '\n') {
      return -1; // (an inline map or a value: not a Secret's data block)
    }
    int limit = Math.min(s.hi, p + MAX);
    // the data block: the lines indented deeper than the key
    int count = 0;
    int[] spans = new int[64];
    int line = p + 1;
    int valueIndent = -1;
    while (line < limit) {
      int ind = indent(s, line, limit);
      int eol = lineEnd(s, line, limit);
      if (ind <= col && eol > line + ind) {
        break; // the next key of the data's own level
      }
      if (eol > line + ind) {
        int k = line + ind;
        if (valueIndent >= 0 && ind > valueIndent) {
          count = span(spans, count, k, trimEnd(s, k, eol)); // a line of a block scalar's value (|, >)
        } else {
          valueIndent = -1;
          int colon = k;
          while (colon < eol && !(s.b[colon] == ':' && (colon + 1 == eol || s.b[colon + 1] == ' '))) {
            colon++;
          }
          if (colon < eol) {
            int v = KeyValueDetector.skipSpaces(s, colon + 1);
            int ve = trimEnd(s, v, eol);
            int q = s.at(v);
            if (ve > v && (q == '|' || q == '>') && ve - v <= 3) {
              valueIndent = ind;
            } else if (ve > v) {
              boolean quoted = (q == '"' || q == '\'') && ve - v >= 2 && s.b[ve - 1] == q;
              count = quoted ? span(spans, count, v + 1, ve - 1) : span(spans, count, v, ve);
            }
          }
        }
      }
      line = eol < limit ? eol + 1 : limit;
      if (count >= spans.length / 2) {
        break;
      }
    }
    if (count == 0 || !(kindSecretAfter(s, line, limit, col) || kindSecretBefore(s, ls, col))) {
      return -1;
    }
    for (int k = 0; k < count; k++) {
      int a = spans[2 * k];
      int b = spans[2 * k + 1];
      if (b > a && !KeyValueDetector.isPlaceholder(s, a, b)) {
        s.add(a, b, DetectorType.SECRET);
      }
    }
    return -1; // the spans are kept; the pass goes on over the block (no jump past text it has not scanned)
  }

  private static int span(int[] spans, int count, int a, int b) {
    spans[2 * count] = a;
    spans[2 * count + 1] = b;
    return count + 1;
  }

  /** Whether a line of the same object after the block, at indent {@code col}, is {@code kind: Secret}. */
  private static boolean kindSecretAfter(Scan s, int line, int limit, int col) {
    for (int n = 0; line < limit && n < 200; n++) {
      int ind = indent(s, line, limit);
      int eol = lineEnd(s, line, limit);
      if (eol > line + ind) {
        if (ind < col || Bytes.startsWith(s.b, line, limit, "---") || (ind == col - 2 && s.at(line + ind) == '-')) {
          return false;
        }
        if (ind == col && isKindSecret(s, line + ind, eol)) {
          return true;
        }
      }
      line = eol + 1;
    }
    return false;
  }

  /** Whether a line of the same object before the {@code data:} line (starting at {@code ls}) is {@code kind: Secret}. */
  private static boolean kindSecretBefore(Scan s, int ls, int col) {
    int eol = ls - 1;
    for (int n = 0; eol > s.lo && n < 200; n++) {
      int line = eol;
      while (line > s.lo && s.b[line - 1] != '\n') {
        line--;
      }
      int ind = indent(s, line, eol);
      if (eol > line + ind) {
        if (Bytes.startsWith(s.b, line, eol, "---")) {
          return false;
        }
        int k = line + ind;
        if (s.b[k] == '-' && s.at(k + 1) == ' ') {
          k += 2; // "- kind: Secret", the item's first key
          ind += 2;
        }
        if (ind < col) {
          return false;
        }
        if (ind == col && isKindSecret(s, k, eol)) {
          return true;
        }
      }
      eol = line - 1;
    }
    return false;
  }

  private static boolean isKindSecret(Scan s, int k, int eol) {
    return Bytes.startsWith(s.b, k, eol, "kind:") && trimEnd(s, KeyValueDetector.skipSpaces(s, k + 5), eol) - KeyValueDetector.skipSpaces(s, k + 5) == 6
        && Bytes.startsWith(s.b, KeyValueDetector.skipSpaces(s, k + 5), eol, "Secret");
  }

  /** At the {@code {} of {@code "data":{} or {@code "data": {} (JSON, also pretty-printed). */
  static int json(Scan s, int last) {
    int open = last;
    int d = s.b[last - 1] == ' ' ? last - 7 : last - 6; // the d of data
    if (!(s.at(d - 1) == '"' || (Bytes.startsWithIgnoreCase(s.b, d - 6, s.hi, "string") && s.at(d - 7) == '"'))) {
      return -1; // "metadata": {…}
    }
    int limit = Math.min(s.hi, open + MAX);
    int close = JsonSpans.closing(s, open, limit);
    if (close < 0 || !(jsonKindSecret(s, close + 1, limit, true) || jsonKindSecret(s, Math.max(s.lo, open - 4096), open, false))) {
      return -1;
    }
    JsonSpans.secretStrings(s, open, close);
    return -1; // the spans are kept; the pass goes on over the object
  }

  /** Whether {@code "kind": "Secret"} is in {@code [from, to)}; forward, it must be at the object's own level. */
  private static boolean jsonKindSecret(Scan s, int from, int to, boolean sameLevel) {
    int depth = 0;
    for (int p = from; p < to; p++) {
      int c = s.b[p];
      if (sameLevel && (c == '{' || c == '[')) {
        depth++;
      } else if (sameLevel && (c == '}' || c == ']') && --depth < 0) {
        return false;
      } else if (c == '"' && depth == 0 && Bytes.startsWith(s.b, p, to, "\"kind\"")) {
        int v = KeyValueDetector.skipSpaces(s, p + 6);
        if (s.at(v) == ':') {
          v = KeyValueDetector.skipSpaces(s, v + 1);
          if (Bytes.startsWith(s.b, v, to, "\"Secret\"")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static int indent(Scan s, int line, int limit) {
    int k = line;
    while (k < limit && s.b[k] == ' ') {
      k++;
    }
    return k - line;
  }

  private static int lineEnd(Scan s, int line, int limit) {
    int k = line;
    while (k < limit && s.b[k] != '\n') {
      k++;
    }
    return k;
  }

  private static int trimEnd(Scan s, int from, int eol) {
    int e = eol;
    while (e > from && (s.b[e - 1] == ' ' || s.b[e - 1] == '\r')) {
      e--;
    }
    return e;
  }
}
