package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * URL userinfo {@code scheme://user:password@host}: the password is a {@link DetectorType#SECRET}, the user
 * a {@link DetectorType#USERNAME}; both may be empty ({@code redis://:pw@host}).
 */
final class UrlUserinfoDetector {
  private UrlUserinfoDetector() {}

  /** At the second slash of {@code ://}. */
  static int find(Scan s, int last) {
    if (!Bytes.isAlnum(s.at(last - 3))) {
      return -1;
    }
    int start = last + 1;
    int p = start;
    int colon = -1;
    while (p - start < 512) {
      int c = s.at(p);
      if (c == '@') {
        break;
      }
      if (c == 0 || c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>'
          || c == '\\' || Bytes.isSpace(c)) {
        return -1;
      }
      if (c == ':' && colon < 0) {
        colon = p;
      }
      p++;
    }
    if (s.at(p) != '@' || p == start) {
      return -1;
    }
    int userEnd = colon < 0 ? p : colon;
    boolean any = false;
    if (userEnd > start && !KeyValueDetector.isPlaceholder(s, start, userEnd)) {
      any |= s.add(start, userEnd, DetectorType.USERNAME);
    }
    if (colon >= 0 && p > colon + 1 && !KeyValueDetector.isPlaceholder(s, colon + 1, p)) {
      any |= s.add(colon + 1, p, DetectorType.SECRET);
    }
    return any ? p : -1;
  }

  /**
   * At the last {@code :} of {@code jdbc:oracle:thin:}: Oracle's {@code user/password@host} (or
   * {@code @//host}, {@code @(DESCRIPTION=…)}); the user is a {@link DetectorType#USERNAME}, the password a
   * {@link DetectorType#SECRET}. {@code jdbc:oracle:thin:@host} has neither.
   */
  static int oracleThin(Scan s, int last) {
    if (!Bytes.startsWithIgnoreCase(s.b, last - 11, s.hi, "oracle:thin:") || Bytes.isWord(s.at(last - 12))) {
      return -1;
    }
    int start = last + 1;
    int p = start;
    int slash = -1;
    while (p - start < 256) {
      int c = s.at(p);
      if (c == '@') {
        break;
      }
      if (c == 0 || c == '"' || c == '\'' || c == '<' || c == '>' || Bytes.isSpace(c)) {
        return -1;
      }
      if (c == '/' && slash < 0) {
        slash = p;
      }
      p++;
    }
    if (s.at(p) != '@' || slash <= start || p == slash + 1) {
      return -1;
    }
    boolean any = false;
    if (!KeyValueDetector.isPlaceholder(s, start, slash)) {
      any |= s.add(start, slash, DetectorType.USERNAME);
    }
    if (!KeyValueDetector.isPlaceholder(s, slash + 1, p)) {
      any |= s.add(slash + 1, p, DetectorType.SECRET);
    }
    return any ? p : -1;
  }
}
