package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Redis ACL rules (Redis 6+): a line of {@code users.acl} or {@code redis.conf} ({@code user alice on >pw ~* +@all}),
 * {@code ACL SETUSER alice on >pw …} as typed, as {@code MONITOR} prints it ({@code "ACL" "SETUSER" "alice" "on"
 * ">pw"}) and {@code ACL LIST}'s {@code "user alice on #<sha256> ~* +@all"}. A rule {@code >pw} or {@code <pw}
 * holds a password in clear (a secret), {@code #hash} and {@code !hash} its unsalted SHA-256 (a password hash: a
 * dictionary reverses it); the user is a user name ({@code default} stays). A line counts only when it holds an ACL
 * rule besides: {@code on}, {@code off}, {@code nopass}, {@code resetpass}, {@code reset}, {@code allkeys},
 * {@code allcommands}, or a key, channel or command rule ({@code ~}, {@code %}, {@code &}, {@code +}, {@code -}).
 */
final class RedisAclDetector {
  private RedisAclDetector() {}

  private static final int MAX_LINE = 4096;

  /** At the blank after {@code user} (at a line's start or after a quote) or {@code setuser}. */
  static int find(Scan s, int last) {
    boolean setuser = s.b[last - 1] == '"' || Bytes.startsWithIgnoreCase(s.b, last - 7, s.hi, "setuser");
    if (!setuser) {
      int before = s.at(last - 5);
      if (!(last - 4 == s.lo || before == '\n' || before == '"')) {
        return -1; // "user " inside a line: prose (for user alice), not an ACL entry
      }
    }
    int limit = Math.min(s.hi, last + MAX_LINE);
    int lineEnd = last + 1;
    while (lineEnd < limit && s.b[lineEnd] != '\n' && s.b[lineEnd] != '\r') {
      lineEnd++;
    }
    if (lineEnd == limit && limit < s.hi) {
      return -1;
    }
    int end = -1;
    boolean rule = false;
    int userStart = -1;
    int userEnd = -1;
    for (int pass = 0; pass < 2; pass++) {
      int p = last + 1;
      boolean first = true;
      while (p < lineEnd) {
        while (p < lineEnd && (s.b[p] == ' ' || s.b[p] == '"')) {
          p++;
        }
        int t = p;
        int close = s.b[t - 1] == '"' ? KeyValueDetector.closingQuote(s, t, '"') : -1;
        if (close > t && close < lineEnd) {
          p = close; // a quoted argument, its blanks its own: ACL SETUSER alice on ">pass word", as MONITOR prints it
        } else {
          while (p < lineEnd && s.b[p] != ' ' && s.b[p] != '"') {
            p++;
          }
        }
        if (p == t) {
          break;
        }
        if (first) {
          first = false;
          userStart = t;
          userEnd = p;
          continue;
        }
        int c = s.b[t];
        if (pass == 0) {
          // (after SETUSER any rule will do; a line that starts with "user" needs one no command line has)
          rule |= setuser || c == '~' || c == '%' || c == '&' || ((c == '+' || c == '-') && s.at(t + 1) == '@')
              || isWord(s, t, p, "on")
              || isWord(s, t, p, "off") || isWord(s, t, p, "nopass") || isWord(s, t, p, "resetpass")
              || isWord(s, t, p, "reset") || isWord(s, t, p, "allkeys") || isWord(s, t, p, "allcommands");
        } else if ((c == '>' || c == '<') && p - t > 1 && !KeyValueDetector.isPlaceholder(s, t + 1, p)
            && !(c == '<' && s.tokenEnd(t) > t) // a token of an earlier redaction, not a "<password" rule
            && s.add(t + 1, p, DetectorType.SECRET)) {
          end = p;
        } else if ((c == '#' || c == '!') && p - t == 65 && Bytes.hexRun(s.b, t + 1, p, 64) == 64
            && s.add(t + 1, p, DetectorType.PASSWORD_HASH)) {
          end = p;
        }
      }
      if (!rule || userStart < 0) {
        return -1;
      }
    }
    if (end > 0 && !isWord(s, userStart, userEnd, "default") && !KeyValueDetector.isPlaceholder(s, userStart, userEnd)) {
      s.add(userStart, userEnd, DetectorType.USERNAME);
    }
    return end;
  }

  private static boolean isWord(Scan s, int start, int end, String w) {
    return end - start == w.length() && Bytes.startsWithIgnoreCase(s.b, start, end, w);
  }
}
