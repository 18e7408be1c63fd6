package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The accounts of a sudoers file ({@code /etc/sudoers}, {@code /etc/sudoers.d/*}, {@code sudo -l}), which a support
 * bundle or a ticket may hold (session 31's second blind red team on accounts):
 *
 * <ul>
 *   <li>a rule's user and its run-as users, {@code jdoe  ALL=(etl_loader) /opt/etl/bin/*},
 *       {@code svc_backup ALL=(root) NOPASSWD: /usr/bin/rsync};
 *   <li>the members of a {@code User_Alias} and a {@code Runas_Alias}, {@code User_Alias DBAS = mlehmann, htanaka};
 *   <li>a user's {@code Defaults:svc_backup !requiretty}.
 * </ul>
 *
 * A group ({@code %admin}), a net group ({@code +ops}), an alias (its name in capitals, {@code DBAS}), {@code ALL}
 * and the built-in accounts ({@code root}, {@code www-data}) stay, and so does the rest of the line.
 */
final class SudoersDetector {
  static final int RULE = 0;
  static final int ALIAS = 1;
  static final int DEFAULTS = 2;

  private SudoersDetector() {}

  /** At the last byte of {@code ALL=(}, {@code _alias } or {@code defaults:}, as {@code flags} says. */
  static int find(Scan s, int last, int flags) {
    switch (flags) {
      case RULE:
        return rule(s, last);
      case ALIAS:
        return alias(s, last);
      default:
        return defaults(s, last);
    }
  }

  /** At the {@code (} of {@code ALL=(}: the user that starts the line, blanks before the host's {@code ALL}. */
  private static int rule(Scan s, int last) {
    int host = last - 4;
    int p = host;
    while (p > s.lo && (s.b[p - 1] == ' ' || s.b[p - 1] == '\t')) {
      p--;
    }
    if (p == host) {
      return -1;
    }
    int end = p;
    while (p > s.lo && end - p < 64 && isNameByte(s.b[p - 1])) {
      p--;
    }
    if (p == end || !(p == s.lo || s.b[p - 1] == '\n')) {
      return -1;
    }
    int r = -1;
    if (isAccount(s, p, end)) {
      r = s.add(p, end, DetectorType.USERNAME) ? last : -1;
    }
    // the run-as users before a ':' (their groups after it) or the ')'
    return Math.max(r, list(s, last + 1, 256));
  }

  /**
   * The accounts of a comma-separated list from {@code p} (blanks after a comma), up to any other byte; the end of the
   * last one taken, or -1.
   */
  private static int list(Scan s, int p, int max) {
    int r = -1;
    int from = p;
    while (p < s.hi && p - from < max) {
      int start = p;
      while (p < s.hi && isNameByte(s.b[p])) {
        p++;
      }
      if (p > start && isAccount(s, start, p) && s.add(start, p, DetectorType.USERNAME)) {
        r = p;
      }
      if (s.at(p) != ',') {
        break; // ':' (a rule's groups), ')', the line's end or anything else
      }
      p++;
      while (s.at(p) == ' ') {
        p++;
      }
    }
    return r;
  }

  /** After {@code User_Alias } or {@code Runas_Alias }: the members after {@code NAME = }, to the line's end. */
  private static int alias(Scan s, int last) {
    int user = last - 10; // "user_alias " and "runas_alias " both end in "_alias "
    int runas = last - 11;
    if (!(Bytes.startsWithIgnoreCase(s.b, user, s.hi, "user_alias ") && (user == s.lo || s.at(user - 1) == '\n'))
        && !(Bytes.startsWithIgnoreCase(s.b, runas, s.hi, "runas_alias ") && (runas == s.lo || s.at(runas - 1) == '\n'))) {
      return -1;
    }
    int p = last + 1;
    while (Bytes.isUpper(s.at(p)) || Bytes.isDigit(s.at(p)) || s.at(p) == '_') {
      p++;
    }
    if (p == last + 1 || !Bytes.startsWith(s.b, p, s.hi, " = ")) {
      return -1;
    }
    return list(s, p + 3, 1024);
  }

  /** After {@code Defaults:}: the user the line's settings are for (not a host's {@code Defaults@}). */
  private static int defaults(Scan s, int last) {
    int first = last - 8;
    if (!(first == s.lo || s.at(first - 1) == '\n')) {
      return -1;
    }
    int p = last + 1;
    while (p < s.hi && isNameByte(s.b[p])) {
      p++;
    }
    return p > last + 1 && s.at(p) == ' ' && isAccount(s, last + 1, p) && s.add(last + 1, p, DetectorType.USERNAME)
        ? p : -1;
  }

  /** A login name's byte in a sudoers file (also a group's {@code %} and a net group's {@code +}, ruled out after). */
  private static boolean isNameByte(int c) {
    return Bytes.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '%' || c == '+' || c == '\\' || c == '@';
  }

  /** A user's name: not a group, a net group, an alias in capitals, {@code ALL}, nor a built-in account. */
  private static boolean isAccount(Scan s, int from, int to) {
    int c = s.b[from];
    if (c == '%' || c == '+' || c == '#' || !(Bytes.isAlpha(c) || c == '_')) {
      return false;
    }
    boolean capitals = true;
    for (int p = from; p < to && capitals; p++) {
      capitals = Bytes.isUpper(s.b[p]) || Bytes.isDigit(s.b[p]) || s.b[p] == '_';
    }
    return !capitals && !KeyValueDetector.isSystemAccount(s, from, to);
  }
}
