package io.companyos.agent.redaction.detect;

/**
 * A PostgreSQL password-file line in a log or text ({@code db.example.internal:5432:app:app_user:s3cr3t},
 * {@code *:*:*:postgres:hunter2}): a colon list with no key, recognised by its shape. Exactly five fields, the
 * whole line or one whole blank-delimited (or quoted) token: a host ({@code *}, or letters, digits,
 * {@code . - _}, with a letter or a dot), a port ({@code *} or 1 to 65535), then database, user and password,
 * none of them empty and none with an unescaped colon ({@code \:} is one). The user is a {@code user}, the
 * password a {@code secret}; a {@code *} and placeholders stay.
 *
 * <p>Left: stack frames and {@code host:port} pairs (too few fields), {@code /etc/passwd}-like lists (the host
 * does not start the token; with a {@code *} password field, numeric database and user fields: the user and group
 * ids), compiler positions ({@code main.c:10:5: error}: an empty field), times
 * ({@code 10:11:12:345}: the host needs a letter or a dot) and IPv6-like groups (every field 1 to 4 hex digits).
 */
final class PgpassDetector {
  private static final int MAX_FIELD = 256;

  private PgpassDetector() {}

  /**
   * At the colon that ends the port field (the second colon of the line); called by the scanner at a colon after
   * digits that follow a colon, and at the pattern {@code :*:}.
   */
  static int atPortEnd(Scan s, int colon) {
    int pc = colon - 1;
    while (pc > s.lo && colon - pc <= 6 && s.b[pc] != ':') {
      pc--;
    }
    if (s.at(pc) != ':' || pc == colon - 1 || !isPort(s, pc + 1, colon)) {
      return -1;
    }
    int hs = pc;
    boolean letterOrDot = false;
    while (hs > s.lo && pc - hs < MAX_FIELD) {
      int c = s.b[hs - 1] & 0xFF;
      if (Bytes.isAlnum(c) || c == '.' || c == '-' || c == '_') {
        letterOrDot |= Bytes.isAlpha(c) || c == '.';
        hs--;
      } else if (c == ':' && s.at(hs - 2) == '\\') {
        hs -= 2;
      } else {
        break;
      }
    }
    if (hs == pc && s.at(pc - 1) == '*') {
      hs = pc - 1; // the wildcard host
    } else if (hs == pc || !letterOrDot) {
      return -1;
    }
    if (inDateTime(s, hs, pc, colon)) {
      return -1;
    }
    int before = s.at(hs - 1);
    int quote = before == '"' || before == '\'' ? before : 0;
    if (quote == 0 && before != ' ' && before != '\t' && before != '\n' && before != 0) {
      return -1;
    }
    int ds = colon + 1;
    int de = fieldEnd(s, ds, quote);
    if (de == ds || s.at(de) != ':') {
      return -1;
    }
    int us = de + 1;
    int ue = fieldEnd(s, us, quote);
    if (ue == us || s.at(ue) != ':') {
      return -1;
    }
    if (colon - pc == 2 && s.b[pc + 1] == '*' && allDigits(s, ds, de) && allDigits(s, us, ue)) {
      return -1; // an /etc/passwd line, name:*:uid:gid:GECOS (PasswdLineDetector), whose GECOS may hold a blank
    }
    int ps = ue + 1;
    int pe = fieldEnd(s, ps, quote);
    int after = s.at(pe);
    if (pe == ps || (quote != 0 ? after != quote : !(Bytes.isSpace(after) || (after == 0 && pe >= s.hi)))) {
      return -1; // a sixth field, or a token that goes on
    }
    if (allShortHex(s, hs, pc) && allShortHex(s, pc + 1, colon) && allShortHex(s, ds, de) && allShortHex(s, us, ue)
        && allShortHex(s, ps, pe)) {
      return -1; // IPv6-like groups, not a password line
    }
    boolean wildUser = ue - us == 1 && s.b[us] == '*';
    boolean wildPassword = pe - ps == 1 && s.b[ps] == '*';
    return KeyedForms.userAndSecret(s, us, wildUser ? us : ue, ps, wildPassword ? ps : pe) ? pe : -1;
  }

  /**
   * Whether the scanner may skip {@code colon} as part of a date and time ({@link CatalogScanner#quietEnd}: a time
   * {@code HH:MM:SS} that starts the port field or ends the host, or a date before it, {@code …-26T10:11:12.5z}):
   * then it is no port here either, so that skipping date-times changes no result.
   */
  private static boolean inDateTime(Scan s, int hs, int pc, int colon) {
    int h0 = pc;
    while (h0 > hs && Bytes.isDigit(s.b[h0 - 1])) {
      h0--;
    }
    return quietPast(s, h0, colon) || quietPast(s, h0 - 11, colon) || quietPast(s, pc + 1, colon);
  }

  private static boolean quietPast(Scan s, int st, int colon) {
    int prev = s.at(st - 1);
    return st >= s.lo && Bytes.isDigit(s.at(st)) && !Bytes.isWord(prev) && prev != '.'
        && CatalogScanner.quietEnd(s.b, st, s.hi) > colon;
  }

  /** {@code *} or a port number 1 to 65535 without a leading zero. */
  private static boolean isPort(Scan s, int from, int to) {
    if (to - from == 1 && s.b[from] == '*') {
      return true;
    }
    if (to - from > 5 || s.b[from] == '0') {
      return false;
    }
    int n = 0;
    for (int p = from; p < to; p++) {
      if (!Bytes.isDigit(s.b[p])) {
        return false;
      }
      n = n * 10 + s.b[p] - '0';
    }
    return n <= 65535;
  }

  /** The end of a field from {@code from}: the next unescaped colon, blank, control byte or {@code quote}. */
  private static int fieldEnd(Scan s, int from, int quote) {
    int p = from;
    int limit = Math.min(s.hi, from + MAX_FIELD);
    while (p < limit) {
      int c = s.b[p] & 0xFF;
      if (c == '\\' && p + 1 < limit && (s.b[p + 1] == ':' || s.b[p + 1] == '\\')) {
        p += 2;
        continue;
      }
      if (c <= ' ' || c == ':' || c == quote) {
        break;
      }
      p++;
    }
    return p;
  }

  private static boolean allDigits(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!Bytes.isDigit(s.b[p])) {
        return false;
      }
    }
    return true;
  }

  private static boolean allShortHex(Scan s, int from, int to) {
    return to - from <= 4 && Bytes.hexRun(s.b, from, to, 5) == to - from;
  }
}
