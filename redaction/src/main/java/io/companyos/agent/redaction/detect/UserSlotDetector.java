package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * User names in structural slots of system logs: sshd {@code Invalid user X from},
 * {@code Failed password for X from}, {@code Accepted publickey for X from}, Neo4j
 * {@code authenticated as X}, pam
 * {@code session opened for user X}, systemd {@code of user X}, PostgreSQL {@code for user "X"}, and home
 * directories {@code /home/X/}, {@code C:\Users\X\}, {@code /Users/X/}. {@code root} stays.
 */
final class UserSlotDetector {
  private UserSlotDetector() {}

  /** After {@code invalid user }, {@code for user }, {@code of user }, …: the next word. */
  static int afterPhrase(Scan s, int last, boolean needsFrom) {
    int p = last + 1;
    boolean quoted = s.at(p) == '"' || s.at(p) == '\'';
    int start = quoted ? p + 1 : p;
    int end = start;
    while (end - start < 64 && isNameChar(s.at(end))) {
      end++;
    }
    while (end > start && s.at(end - 1) == '.') {
      end--;
    }
    if (end == start || (quoted && s.at(end) != s.at(p))) {
      return -1;
    }
    if (needsFrom && !Bytes.startsWith(s.b, end, s.hi, " from ")) {
      return -1;
    }
    if (Bytes.startsWith(s.b, start, s.hi, "invalid ") || (end - start == 4 && Bytes.startsWith(s.b, start, s.hi, "root"))) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** After {@code /home/}. */
  static int home(Scan s, int last, int patternLength) {
    int first = last - patternLength + 1;
    int prev = s.at(first - 1);
    if (Bytes.isWord(prev) || prev == '.' || prev == '/') {
      return -1;
    }
    return segment(s, last + 1, '/');
  }

  /** After {@code C:\Users\} or its JSON-escaped form. */
  static int windowsHome(Scan s, int last) {
    int start = last + 1;
    int end = segmentEnd(s, start, '\\');
    if (end == start) {
      return -1;
    }
    String v = new String(s.b, start, end - start, java.nio.charset.StandardCharsets.UTF_8)
        .toLowerCase(java.util.Locale.ROOT);
    if (v.equals("public") || v.equals("default") || v.equals("all users") || v.equals("default user")) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /** After {@code /Users/} (exact case, at the root of a path). */
  static int macHome(Scan s, int last) {
    int first = last - 6;
    if (!Bytes.startsWith(s.b, first, s.hi, "/Users/")) {
      return -1;
    }
    int prev = s.at(first - 1);
    if (Bytes.isWord(prev) || prev == '.' || prev == '/' || prev == '-') {
      return -1;
    }
    int start = last + 1;
    if (Bytes.startsWith(s.b, start, s.hi, "Shared/")) {
      return -1;
    }
    return segment(s, start, '/');
  }

  private static int segment(Scan s, int start, int sep) {
    int end = segmentEnd(s, start, sep);
    if (end == start) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  private static int segmentEnd(Scan s, int start, int sep) {
    int end = start;
    while (end - start < 64) {
      int c = s.at(end);
      if (c == 0 || c == sep || c == '"' || c == '\'' || c == ':' || c == ';' || c == ',' || c == ')'
          || c == '\\' || c == '/' || Bytes.isSpace(c)) {
        break;
      }
      end++;
    }
    return end;
  }

  private static boolean isNameChar(int c) {
    return Bytes.isWord(c) || c == '.' || c == '-' || c == '@' || c == '$';
  }
}
