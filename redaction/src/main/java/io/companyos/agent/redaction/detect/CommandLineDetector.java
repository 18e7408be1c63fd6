package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Passwords on command lines and in SQL that have no {@code key=} form: {@code mysql -pSECRET},
 * {@code redis-cli -a SECRET}, and {@code IDENTIFIED BY 'secret'}.
 */
final class CommandLineDetector {
  private CommandLineDetector() {}

  /** At the {@code p} of {@code " -p"}: the password follows without a space, on a mysql command line. */
  static int mysql(Scan s, int last) {
    int start = last + 1;
    int c = s.at(start);
    if (c == 0 || c == '-' || Bytes.isSpace(c) || !lineMentions(s, last, "mysql", "mariadb")) {
      return -1;
    }
    return secretWord(s, start);
  }

  /** At the space after {@code " -a "} on a redis-cli command line. */
  static int redisCli(Scan s, int last) {
    int start = last + 1;
    int c = s.at(start);
    if (c == 0 || c == '-' || Bytes.isSpace(c) || !lineMentions(s, last, "redis-cli", "redis-cli")) {
      return -1;
    }
    return secretWord(s, start);
  }

  /** After {@code identified by }: a quoted password. */
  static int identifiedBy(Scan s, int last) {
    int q = s.at(last + 1);
    if (q != '\'' && q != '"') {
      return -1;
    }
    int start = last + 2;
    int end = start;
    while (end - start < 1024 && s.at(end) != q && s.at(end) != 0 && s.at(end) != '\n') {
      end++;
    }
    if (s.at(end) != q || end == start) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  private static int secretWord(Scan s, int start) {
    int q = s.at(start);
    if (q == '\'' || q == '"') {
      int end = start + 1;
      while (end - start < 1024 && s.at(end) != q && s.at(end) != 0 && s.at(end) != '\n') {
        end++;
      }
      return s.at(end) == q && end > start + 1 && s.add(start + 1, end, DetectorType.SECRET) ? end : -1;
    }
    int end = start;
    while (end - start < 1024 && s.at(end) != 0 && !Bytes.isSpace(s.at(end)) && s.at(end) != '"') {
      end++;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  private static boolean lineMentions(Scan s, int from, String a, String b) {
    int p = from;
    while (p > s.lo && from - p < 256 && s.b[p - 1] != '\n') {
      p--;
    }
    for (int i = p; i < from; i++) {
      if (Bytes.startsWithIgnoreCase(s.b, i, from, a) || Bytes.startsWithIgnoreCase(s.b, i, from, b)) {
        return true;
      }
    }
    return false;
  }
}
