package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A Kubernetes Secret printed as text ({@code kubectl get secret -o yaml|json} pasted into a log, a ticket, a
 * support file): every value of its {@code data} (base64) and {@code stringData} is a secret whatever its key's name
 * ({@code DATABASE_URL}, {@code config.json}, {@code license}). Found at {@code data:} (YAML, its own line) or
 * {@code "data": {} (JSON); the values count only when the same object says {@code kind: Secret} (kubectl sorts it
 * after {@code data}, a hand-written manifest before; not an earlier object's or list item's), or always under
 * {@code stringData}, which only a Secret has, or on a Kubernetes audit event's line about Secrets
 * ({@code "objectRef":{"resource":"secrets"…}}: a {@code kubectl apply} patch, a {@code SecretList}; there also the
 * JSON-escaped copy in {@code last-applied-configuration} and a JSON patch's value at {@code /data/…}).
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
    boolean stringData = ks == last - 10; // only a Secret has stringData
    if (count == 0 || !(stringData || kindSecretAfter(s, line, limit, col) || kindSecretBefore(s, ls, col))) {
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
        boolean itemStart = s.b[k] == '-' && s.at(k + 1) == ' ';
        if (itemStart) {
          k += 2; // "- kind: Secret", the item's first key
          ind += 2;
        }
        if (ind < col) {
          return false;
        }
        if (ind == col && isKindSecret(s, k, eol)) {
          return true;
        }
        if (itemStart && ind == col) {
          return false; // the item starts here: an earlier item's kind (a List's Secret before a ConfigMap) is not its
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
    boolean stringData = s.at(d - 1) != '"'; // only a Secret has stringData
    if (close < 0 || !(stringData || jsonKindSecret(s, close + 1, limit, true) || jsonKindSecretBefore(s, open)
        || auditOfSecrets(s, open))) {
      return -1;
    }
    JsonSpans.secretStrings(s, open, close);
    return -1; // the spans are kept; the pass goes on over the object
  }

  /**
   * Whether the object that holds the member at {@code open} says {@code "kind": "Secret"} before it (a hand-written
   * manifest's order): back to that object's own {@code {}, not into an earlier object (the Secret before a
   * ConfigMap in a list or in the log line before), within 4 KiB.
   */
  private static boolean jsonKindSecretBefore(Scan s, int open) {
    int depth = 0;
    int floor = Math.max(s.lo, open - 4096);
    for (int p = open - 1; p >= floor; p--) {
      int c = s.b[p];
      if (c == '}' || c == ']') {
        depth++;
      } else if (c == '{' || c == '[') {
        if (--depth < 0) {
          return false; // the enclosing object's start: kind was not before data in it
        }
      } else if (c == '"' && depth == 0 && Bytes.startsWith(s.b, p, open, "\"kind\"")) {
        int v = KeyValueDetector.skipSpaces(s, p + 6);
        if (s.at(v) == ':' && Bytes.startsWith(s.b, KeyValueDetector.skipSpaces(s, v + 1), open, "\"Secret\"")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the line of {@code p} is a Kubernetes audit event about Secrets
   * ({@code "objectRef":{"resource":"secrets"}}:
   * a {@code kubectl apply} patch names no kind, a list's response is a {@code SecretList}) or holds a
   * {@code SecretList}.
   */
  static boolean auditOfSecrets(Scan s, int p) {
    int ls = p;
    while (ls > s.lo && p - ls < MAX && s.b[ls - 1] != '\n') {
      ls--;
    }
    int le = lineEnd(s, p, Math.min(s.hi, p + MAX));
    return Bytes.indexOf(s.b, ls, le, "\"resource\":\"secrets\"") >= 0
        || Bytes.indexOf(s.b, ls, le, "\"kind\":\"SecretList\"") >= 0;
  }

  /**
   * At the {@code /} after {@code "/data} or {@code "/stringData} (a {@code "path"}'s value) of a JSON patch on an
   * audit event's line
   * about Secrets ({@code [{"op":"replace","path":"/data/password","value":"TmV3…"}]}): the operation's value.
   */
  static int patchValue(Scan s, int last) {
    int q = last;
    while (q > s.lo && last - q < 16 && s.b[q] != '"') {
      q--; // the opening quote of "/data/ or "/stringData/
    }
    int colon = q - 1;
    while (colon > s.lo && s.b[colon] == ' ') {
      colon--;
    }
    if (s.at(colon) != ':' || !Bytes.startsWith(s.b, colon - 6, s.hi, "\"path\"") || !auditOfSecrets(s, last)) {
      return -1;
    }
    int limit = Math.min(s.hi, last + 4096);
    int open = last;
    while (open > s.lo && last - open < 4096 && s.b[open] != '{') {
      open--;
    }
    int close = JsonSpans.closing(s, open, limit);
    if (s.at(open) != '{' || close < 0) {
      return -1;
    }
    int v = Bytes.indexOf(s.b, open, close, "\"value\"");
    if (v < 0) {
      return -1;
    }
    int vc = KeyValueDetector.skipSpaces(s, v + 7);
    int vq = KeyValueDetector.skipSpaces(s, vc + 1);
    if (s.at(vc) != ':' || s.at(vq) != '"') {
      return -1;
    }
    int end = KeyValueDetector.closingQuote(s, vq + 1, '"');
    if (end > vq + 1 && !KeyValueDetector.isPlaceholder(s, vq + 1, end)) {
      s.add(vq + 1, end, DetectorType.SECRET);
    }
    return -1; // the span is kept; the pass goes on
  }

  /**
   * At the {@code {} of a JSON-escaped {@code \"data\":{} on an audit event's line about Secrets (the copy of the
   * object in kubectl's {@code last-applied-configuration} annotation): each {@code \"KEY\":\"VALUE\"} pair's
   * value up to the closing {@code }}.
   */
  static int jsonEscaped(Scan s, int last) {
    int d = last - 7; // the d of data
    boolean member = (s.at(d - 1) == '"' && s.at(d - 2) == '\\')
        || (Bytes.startsWithIgnoreCase(s.b, d - 6, s.hi, "string") && s.at(d - 7) == '"' && s.at(d - 8) == '\\');
    if (!member || !auditOfSecrets(s, last)) {
      return -1; // \"metadata\":{ …
    }
    int limit = Math.min(s.hi, last + MAX);
    int p = last + 1;
    while (p + 1 < limit && s.b[p] == '\\' && s.b[p + 1] == '"') {
      int keyEnd = Bytes.indexOf(s.b, p + 2, limit, "\\\"");
      if (keyEnd < 0 || s.at(keyEnd + 2) != ':' || s.at(keyEnd + 3) != '\\' || s.at(keyEnd + 4) != '"') {
        return -1;
      }
      int vs = keyEnd + 5;
      int ve = Bytes.indexOf(s.b, vs, limit, "\\\"");
      if (ve < 0) {
        return -1;
      }
      if (ve > vs) {
        s.add(vs, ve, DetectorType.SECRET);
      }
      p = ve + 2;
      if (s.at(p) == ',') {
        p++;
      }
    }
    return -1; // the spans are kept
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
