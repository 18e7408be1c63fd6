package io.companyos.agent.redaction.detect;

import java.io.ByteArrayOutputStream;

/**
 * A command line written as a list of arguments rather than as one string: a JSON or Python list
 * ({@code "args": ["--password", "x"]} of a Kubernetes container or an Ansible result), a YAML block sequence
 * ({@code - --password} and {@code - x} on the next line), and auditd's {@code EXECVE} and {@code PROCTITLE}
 * records ({@code a1="--password" a2="x"}; an argument with a blank, a quote or a control byte, and a whole
 * process title, in upper-case hex). A flag's value is then the next item of the list.
 */
final class Argv {
  private Argv() {}

  /** auditd never hex-encodes more than this per argument (longer ones come as {@code aN[k]=} chunks). */
  private static final int MAX_HEX = 16384;

  /**
   * The next item of the list after a flag that ends before {@code p} (after its closing quote, if quoted, or at the
   * line end of a YAML item), as {@code start << 32 | end} of its text (for auditd's hex, of the hex); -1 if there is
   * none, or when it is another flag. {@code ks} is where the flag starts (its dashes), {@code quote} the flag's
   * quote or 0.
   */
  static long next(Scan s, int ks, int p, int quote) {
    long arg = item(s, ks, p, quote);
    return arg == -1 || s.at(start(arg)) == '-' ? -1 : arg; // another flag: this one's value is not in the list
  }

  /**
   * As {@link #next} for a list inside a JSON string, its quotes escaped ({@code [\"--password\", \"x\"]}):
   * {@code escape} is the length of the flag's closing escaped quote, which the item's quotes must match.
   */
  static long nextEscaped(Scan s, int p, int escape) {
    int q = p;
    while (s.at(q) == ' ' && q - p < 16) {
      q++;
    }
    if (s.at(q) != ',') {
      return -1;
    }
    q++;
    while (s.at(q) == ' ' && q - p < 64) {
      q++;
    }
    if (KeyValueDetector.escapedQuote(s, q) != escape) {
      return -1;
    }
    int start = q + escape;
    int limit = Math.min(s.hi, start + KeyValueDetector.MAX_VALUE);
    int end = start;
    while (end < limit && s.b[end] != '\n' && KeyValueDetector.escapedQuote(s, end) != escape) {
      end++;
    }
    return end >= limit || s.b[end] == '\n' || s.at(start) == '-' ? -1 : pack(start, end);
  }

  private static long item(Scan s, int ks, int p, int quote) {
    int q = p;
    while (s.at(q) == ' ' && q - p < 16) {
      q++;
    }
    if (quote != 0 && s.at(q) == ',') { // "--password", "x" · '--password', 'x', also one per line (pretty JSON)
      q++;
      while ((s.at(q) == ' ' || s.at(q) == '\n' || s.at(q) == '\r' || s.at(q) == '\t') && q - p < 256) {
        q++;
      }
      if (s.at(q) != quote) {
        return -1;
      }
      int end = KeyValueDetector.closingQuote(s, q + 1, quote);
      return end < 0 ? -1 : pack(q + 1, end);
    }
    if (quote == '"' && auditdArgumentAt(s, p)) { // auditd: a1="--password" a2=
      int r = p + 2;
      while (Bytes.isDigit(s.at(r))) {
        r++;
      }
      r++;
      if (s.at(r) == '"') {
        int end = KeyValueDetector.closingQuote(s, r + 1, '"');
        return end < 0 ? -1 : pack(r + 1, end);
      }
      int end = hexEnd(s, r);
      return end < 0 ? -1 : pack(r, end);
    }
    int c = s.at(q);
    if (c == '\n' || c == '\r') {
      int itemStart = ks - (quote != 0 ? 1 : 0);
      int next = c == '\r' ? q + 2 : q + 1;
      return s.at(itemStart - 1) == ' ' && s.at(itemStart - 2) == '-' ? yamlItem(s, itemStart, next)
          : quote == 0 ? lineItem(s, itemStart, next) : -1;
    }
    return -1;
  }

  /**
   * The next line's one word, when the flag at {@code flag} is alone on its line after blanks and the next line holds
   * one word at the same indent: {@code kubectl describe pod}'s {@code Args:} (and {@code Command:}), one argument
   * per line; -1 otherwise.
   */
  private static long lineItem(Scan s, int flag, int next) {
    int lineStart = flag;
    while (lineStart > s.lo && s.b[lineStart - 1] == ' ') {
      lineStart--;
    }
    int indent = flag - lineStart;
    if (indent == 0 || (lineStart > s.lo && s.b[lineStart - 1] != '\n')) {
      return -1;
    }
    for (int k = 0; k < indent; k++) {
      if (s.at(next + k) != ' ') {
        return -1;
      }
    }
    int v = next + indent;
    int end = v;
    while (end < s.hi && end - v < 1024 && (s.b[end] & 0xFF) > ' ') {
      end++;
    }
    int after = s.at(end);
    if (end == v || !(after == '\n' || after == '\r' || (end == s.hi && s.eof))) {
      return -1;
    }
    return pack(v, end);
  }

  /**
   * The next YAML sequence item's text, when the item at {@code itemStart} (its flag, or the flag's quote) is one
   * ({@code - } and only blanks before it on its line) and the line at {@code next} holds an item at the same
   * indent; -1 otherwise.
   */
  private static long yamlItem(Scan s, int itemStart, int next) {
    if (s.at(itemStart - 1) != ' ' || s.at(itemStart - 2) != '-') {
      return -1;
    }
    int lineStart = itemStart - 2;
    while (lineStart > s.lo && s.b[lineStart - 1] == ' ') {
      lineStart--;
    }
    if (lineStart > s.lo && s.b[lineStart - 1] != '\n') {
      return -1;
    }
    int indent = itemStart - 2 - lineStart;
    for (int k = 0; k < indent; k++) {
      if (s.at(next + k) != ' ') {
        return -1;
      }
    }
    int v = next + indent;
    if (s.at(v) != '-' || s.at(v + 1) != ' ') {
      return -1;
    }
    v += 2;
    int q = s.at(v);
    if (q == '"' || q == '\'') {
      int end = KeyValueDetector.closingQuote(s, v + 1, q);
      return end < 0 ? -1 : pack(v + 1, end);
    }
    int end = v;
    while (end < s.hi && end - v < KeyValueDetector.MAX_VALUE && s.b[end] != '\n' && s.b[end] != '\r') {
      end++;
    }
    while (end > v && s.b[end - 1] == ' ') {
      end--;
    }
    if (end == v || (end < s.hi && end - v >= KeyValueDetector.MAX_VALUE) || (end == s.hi && !s.eof)) {
      return -1;
    }
    return pack(v, end);
  }

  /** Whether auditd's next argument, {@code aN=}, starts after the blank at {@code p}. */
  static boolean auditdArgumentAt(Scan s, int p) {
    int r = p + 2;
    while (Bytes.isDigit(s.at(r)) && r - p < 8) {
      r++;
    }
    return s.at(p) == ' ' && s.at(p + 1) == 'a' && r > p + 2 && s.at(r) == '=';
  }

  static int start(long arg) {
    return (int) (arg >>> 32);
  }

  static int end(long arg) {
    return (int) arg;
  }

  private static long pack(int start, int end) {
    return (long) start << 32 | end;
  }

  /** The end of auditd's hex at {@code start} (upper-case, an even count of at least 8, not inside a word), or -1. */
  private static int hexEnd(Scan s, int start) {
    int end = start;
    while (end < s.hi && end - start < MAX_HEX && Bytes.isHex(s.b[end]) && !Bytes.isLower(s.b[end])) {
      end++;
    }
    int n = end - start;
    return n < 8 || (n & 1) != 0 || Bytes.isWord(s.at(end)) || (end == s.hi && !s.eof) ? -1 : end;
  }

  /**
   * At the {@code =} of auditd's {@code proctitle=} or of an {@code EXECVE} record's {@code aN=} followed by hex: the
   * value is decoded (a process title's NULs as blanks), and for an argument the arguments before it on the record
   * too ({@code a0="mysql" a1="-uroot" a2=<hex of -pX Y>} is {@code mysql -uroot -pX Y}); the scanner is run over
   * that command line, and when it finds anything in the decoded value the whole hex value is a secret (one token:
   * its parts cannot be replaced inside the hex).
   */
  static int auditHex(CatalogScanner scanner, Scan s, int last) {
    int start = last + 1;
    int end = hexEnd(s, start);
    if (end < 0) {
      return -1;
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    if (s.b[last - 1] != 'e') { // aN=: the record's arguments before this one
      priorArguments(s, last, line);
    }
    int offset = line.size();
    for (int k = start; k < end; k += 2) {
      int v = Character.digit(s.b[k], 16) << 4 | Character.digit(s.b[k + 1], 16);
      line.write(v == 0 ? ' ' : v);
    }
    byte[] text = line.toByteArray();
    Scan inner = scanner.newScan(text);
    scanner.scan(inner, 0, text.length);
    for (int k = 0; k < inner.matches.size(); k++) {
      if (inner.matches.end(k) > offset) {
        return s.add(start, end, io.companyos.agent.redaction.DetectorType.SECRET) ? end : -1;
      }
    }
    return -1;
  }

  /**
   * Appends, each followed by a blank, the arguments {@code a0=} … of the record before the {@code aN=} whose
   * {@code =} is at {@code last} (quoted as they are, hex decoded); nothing if they are not all there.
   */
  private static void priorArguments(Scan s, int last, ByteArrayOutputStream out) {
    int lineStart = last;
    while (lineStart > s.lo && last - lineStart < 8192 && s.b[lineStart - 1] != '\n') {
      lineStart--;
    }
    int p = Bytes.indexOf(s.b, lineStart, last, " a0=");
    if (p < 0) {
      return;
    }
    int argStart = last - 1;
    while (Bytes.isDigit(s.b[argStart - 1])) {
      argStart--;
    }
    argStart -= 2; // the blank before aN=
    while (p < argStart) {
      int v = p + 2;
      while (Bytes.isDigit(s.at(v))) {
        v++;
      }
      if (s.at(v) != '=') {
        out.reset();
        return;
      }
      v++;
      int end;
      if (s.at(v) == '"') {
        end = KeyValueDetector.closingQuote(s, v + 1, '"');
        if (end < 0) {
          out.reset();
          return;
        }
        out.write(s.b, v + 1, end - v - 1);
        end++;
      } else {
        end = hexEnd(s, v);
        if (end < 0) {
          out.reset();
          return;
        }
        for (int k = v; k < end; k += 2) {
          out.write(Character.digit(s.b[k], 16) << 4 | Character.digit(s.b[k + 1], 16));
        }
      }
      out.write(' ');
      p = end;
      if (s.at(p) != ' ' || s.at(p + 1) != 'a') {
        out.reset();
        return;
      }
    }
  }
}
