package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/** Spans of JSON in a line scan: where an object or a list ends, and the strings in it that are values. */
final class JsonSpans {
  private JsonSpans() {}

  /**
   * After a member's name, at {@code p} (past its closing quote): the start of its value, past the blanks, the colon
   * and the blanks after it; -1 when no colon follows.
   */
  static int valueStart(Scan s, int p) {
    p = KeyValueDetector.skipSpaces(s, p);
    return s.at(p) == ':' ? KeyValueDetector.skipSpaces(s, p + 1) : -1;
  }

  /** The index of the bracket that closes the {@code {} or {@code [} at {@code open} (strings skipped), or -1. */
  static int closing(Scan s, int open, int limit) {
    int depth = 0;
    for (int p = open; p < limit; p++) {
      int c = s.b[p];
      if (c == '"') {
        int end = KeyValueDetector.closingQuote(s, p + 1, '"');
        if (end < 0) {
          return -1;
        }
        p = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Adds as secrets the strings in {@code (open, close)} that are no member's name (no {@code :} after them), so that
   * the document stays JSON; returns the end of the last one added, or -1.
   */
  static int secretStrings(Scan s, int open, int close) {
    int r = -1;
    for (int p = open + 1; p < close; p++) {
      if (s.b[p] != '"') {
        continue;
      }
      int end = KeyValueDetector.closingQuote(s, p + 1, '"');
      if (end < 0) {
        return r;
      }
      if (s.at(KeyValueDetector.skipSpaces(s, end + 1)) != ':' && end > p + 1
          && !KeyValueDetector.isPlaceholder(s, p + 1, end) && s.add(p + 1, end, DetectorType.SECRET)) {
        r = end;
      }
      p = end;
    }
    return r;
  }
}
