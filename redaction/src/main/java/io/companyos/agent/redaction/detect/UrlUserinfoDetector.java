package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * URL userinfo {@code scheme://user:password@host}: the password is a {@link DetectorType#SECRET}, the user
 * a {@link DetectorType#USERNAME}; both may be empty ({@code redis://:pw@host}).
 */
final class UrlUserinfoDetector {
  /** The trigger's flag for <code>:&#92;/&#92;/</code>, the separator with JSON's escaped slashes. */
  static final int ESCAPED_SLASHES = 1;

  private UrlUserinfoDetector() {}

  /** At the second slash of {@code ://} (or of <code>:&#92;/&#92;/</code> when {@code flags} say so). */
  static int find(Scan s, int last, int flags) {
    if (!Bytes.isAlnum(s.at(last - (flags == ESCAPED_SLASHES ? 5 : 3)))) {
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
      if ((c == '/' || c == '?' || c == '#') && colon >= 0 && !digitsOnly(s, colon + 1, p)) {
        // a password holding / ? or # unencoded (postgresql://app:pa!#word@db:5432/x): it runs to the @ of a host
        p = atBeforeHost(s, p, start + 512);
        if (p < 0) {
          return -1;
        }
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
    if (userEnd > start && !KeyValueDetector.isPlaceholder(s, start, userEnd)
        && !KeyValueDetector.isSystemAccount(s, start, userEnd)) { // https://oauth2:<token>@gitlab…: a fixed name
      any |= s.add(start, userEnd, DetectorType.USERNAME);
    }
    if (colon >= 0 && p > colon + 1 && !KeyValueDetector.isPlaceholder(s, colon + 1, p)) {
      any |= s.add(colon + 1, p, DetectorType.SECRET);
    }
    return any ? p : -1;
  }

  /**
   * At the {@code (} of {@code @tcp(} or {@code @unix(}: the user and password of Go's MySQL driver's DSN,
   * {@code user:password@tcp(host:3306)/db}, back to a blank, a quote, an {@code =} or the line's start (the driver
   * splits at the first colon; the password may hold more), when an address and {@code )/} follow.
   */
  static int goDsn(Scan s, int last, int patternLength) {
    int at = last - patternLength + 1;
    int close = at;
    while (close < s.hi && close - at < 256 && s.b[close] != ')' && s.b[close] != '\n') {
      close++;
    }
    if (s.at(close) != ')' || s.at(close + 1) != '/') {
      return -1;
    }
    int start = at;
    while (start > s.lo && at - start < 256 && !isDsnBoundary(s.b[start - 1])) {
      start--;
    }
    int colon = Bytes.indexOf(s.b, start, at, ":");
    int userEnd = colon < 0 ? at : colon;
    boolean any = false;
    if (userEnd > start && !KeyValueDetector.isPlaceholder(s, start, userEnd)) {
      any |= s.add(start, userEnd, DetectorType.USERNAME);
    }
    if (colon >= 0 && at > colon + 1 && !KeyValueDetector.isPlaceholder(s, colon + 1, at)) {
      any |= s.add(colon + 1, at, DetectorType.SECRET);
    }
    return any ? at : -1;
  }

  private static boolean isDsnBoundary(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '=' || c == '`';
  }

  /** Whether {@code [from, to)} is empty or all digits (a port: {@code host:8080/path}, not a password). */
  private static boolean digitsOnly(Scan s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Bytes.isDigit(s.at(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first {@code @} from {@code p} (before a blank, a quote, {@code < > \\} or {@code limit}) that a host name
   * or a bracketed address follows, itself followed by a port, a path, a query, a fragment or the token's end; or -1.
   */
  private static int atBeforeHost(Scan s, int p, int limit) {
    for (; p < limit; p++) {
      int c = s.at(p);
      if (c == 0 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || Bytes.isSpace(c)) {
        return -1;
      }
      if (c != '@') {
        continue;
      }
      int h = p + 1;
      if (s.at(h) == '[') {
        while (h - p < 64 && (Bytes.isHex(s.at(h + 1)) || s.at(h + 1) == ':' || s.at(h + 1) == '.')) {
          h++;
        }
        h = s.at(h + 1) == ']' ? h + 2 : -1;
      } else if (Bytes.isAlnum(s.at(h))) {
        while (h - p < 256 && (Bytes.isAlnum(s.at(h)) || s.at(h) == '.' || s.at(h) == '-' || s.at(h) == '_')) {
          h++;
        }
      } else {
        h = -1;
      }
      if (h > 0) {
        int n = s.at(h);
        if (n == ':' || n == '/' || n == '?' || n == '#' || n == 0 || n == '"' || n == '\'' || n == ','
            || n == ';' || n == ')' || n == '>' || Bytes.isSpace(n)) {
          return p;
        }
      }
    }
    return -1;
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
    return oracleLogin(s, start, slash, p);
  }

  /**
   * Oracle's {@code user/password} in {@code [start, end)}, its first {@code /} at {@code slash} (a JDBC thin URL,
   * sqlplus and the other tools of {@link CommandLineDetector}): the user a {@link DetectorType#USERNAME}, the
   * password a {@link DetectorType#SECRET}, each unless a placeholder. Returns {@code end} when either was taken.
   */
  static int oracleLogin(Scan s, int start, int slash, int end) {
    boolean any = false;
    if (!KeyValueDetector.isPlaceholder(s, start, slash) && !KeyValueDetector.isSystemAccount(s, start, slash)) {
      any |= s.add(start, slash, DetectorType.USERNAME); // (Oracle's SYSTEM, DBSNMP stay)
    }
    if (!KeyValueDetector.isPlaceholder(s, slash + 1, end)) {
      any |= s.add(slash + 1, end, DetectorType.SECRET);
    }
    return any ? end : -1;
  }
}
