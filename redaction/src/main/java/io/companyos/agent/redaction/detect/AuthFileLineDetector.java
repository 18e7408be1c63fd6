package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A line of a PostgreSQL connection pooler's password file, pasted into a ticket or collected with its
 * configuration: PgBouncer's {@code auth_file} ({@code userlist.txt}: {@code "alice" "s3cret"}, the password in
 * clear or as {@code md5…}/{@code SCRAM-SHA-256$…}) and Pgpool-II's {@code pool_passwd} ({@code alice:TEXTs3cret},
 * {@code alice:AES<base64>} decrypted with the key in {@code .pgpoolkey}, {@code alice:md5…}). The password is a
 * secret and the user a user name; a hash is left to {@link PasswordHashDetector}, which finds it anywhere.
 *
 * <p>Recognised by the whole line's shape: two double-quoted strings and nothing else (a quote inside either is
 * doubled; the first not a word of capitals, a command as redis-cli prints it), or a login name that starts the
 * line, a colon, the upper-case {@code TEXT}, {@code AES} or {@code md5} and a value without blanks that ends it.
 */
final class AuthFileLineDetector {
  private static final int MAX_NAME = 128;
  private static final int MAX_PASSWORD = 1024;

  private AuthFileLineDetector() {}

  /** At the opening quote of a line that starts with one ({@code \n"}): a PgBouncer {@code auth_file} entry. */
  static int userlist(Scan s, int last) {
    int name = last + 1;
    int nameEnd = quotedEnd(s, name, MAX_NAME);
    if (nameEnd <= name || isCommand(s, name, nameEnd)) {
      return -1;
    }
    int p = nameEnd + 1;
    while (s.at(p) == ' ' || s.at(p) == '\t') {
      p++;
    }
    if (p == nameEnd + 1 || s.at(p) != '"') {
      return -1;
    }
    int value = p + 1;
    int valueEnd = quotedEnd(s, value, MAX_PASSWORD);
    if (valueEnd < value || !blanksToLineEnd(s, valueEnd + 1)) {
      return -1;
    }
    boolean found = valueEnd > value && !isHash(s, value, valueEnd) && !KeyValueDetector.isPlaceholder(s, value, valueEnd)
        && s.add(value, valueEnd, DetectorType.SECRET);
    if (!KeyValueDetector.isSystemAccount(s, name, nameEnd) && !KeyValueDetector.isPlaceholder(s, name, nameEnd)) {
      found |= s.add(name, nameEnd, DetectorType.USERNAME);
    }
    return found ? valueEnd : -1;
  }

  /**
   * At the last byte of {@code :text}, {@code :aes} or {@code :md5} (the pattern, any case; the file's own is
   * checked here): a Pgpool-II {@code pool_passwd} entry.
   */
  static int poolPasswd(Scan s, int last, int patternLength) {
    int colon = last - patternLength + 1;
    int prefix = colon + 1;
    boolean text = Bytes.startsWith(s.b, prefix, s.hi, "TEXT");
    boolean aes = !text && Bytes.startsWith(s.b, prefix, s.hi, "AES");
    boolean md5 = !text && !aes && Bytes.startsWith(s.b, prefix, s.hi, "md5");
    if (!text && !aes && !md5) {
      return -1;
    }
    int ns = colon;
    while (ns > s.lo && colon - ns < MAX_NAME && isNameByte(s.b[ns - 1])) {
      ns--;
    }
    if (ns == colon || ns == s.lo || s.b[ns - 1] != '\n') {
      return -1;
    }
    int value = prefix + (text ? 4 : 3); // (TEXT and AES stay: the format, not the secret)
    int end = value;
    int limit = Math.min(s.hi, value + MAX_PASSWORD);
    while (end < limit && s.b[end] > ' ') {
      end++;
    }
    if (end == value || !blanksToLineEnd(s, end) || (text && s.b[value] == '/') || (aes && CommandLineDetector.base64End(s, value) < end)
        || (md5 && (end - value != 32 || Bytes.hexRun(s.b, value, end, 32) != 32))) {
      return -1;
    }
    if (!md5) {
      s.add(value, end, DetectorType.SECRET);
    }
    boolean user = !KeyValueDetector.isSystemAccount(s, ns, colon) && s.add(ns, colon, DetectorType.USERNAME);
    return !md5 ? end : user ? colon : -1; // (the hash is the hash detector's, after this)
  }

  /** The closing quote of a double-quoted string from {@code start} on its line (a doubled quote is one), or -1. */
  private static int quotedEnd(Scan s, int start, int max) {
    int limit = Math.min(s.hi, start + max);
    for (int p = start; p < limit; p++) {
      int c = s.b[p];
      if (c == '"') {
        if (s.at(p + 1) != '"') {
          return p;
        }
        p++;
      } else if (c == '\n' || c == '\r') {
        return -1;
      }
    }
    return -1;
  }

  /** Whether only blanks lie between {@code p} and the line's end (or the input's). */
  private static boolean blanksToLineEnd(Scan s, int p) {
    while (s.at(p) == ' ' || s.at(p) == '\t') {
      p++;
    }
    return PasswdLineDetector.atLineEnd(s, p);
  }

  private static boolean isHash(Scan s, int start, int end) {
    return (end - start == 35 && Bytes.startsWith(s.b, start, end, "md5") && Bytes.hexRun(s.b, start + 3, end, 32) == 32)
        || Bytes.startsWith(s.b, start, end, "SCRAM-SHA-256$");
  }

  /** A word of capitals: a command and its argument as redis-cli prints them ({@code "HGETALL" "user:1001"}). */
  private static boolean isCommand(Scan s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (!Bytes.isUpper(s.b[p])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameByte(int c) {
    return Bytes.isAlnum(c) || c == '_' || c == '.' || c == '-' || c == '@';
  }

  /**
   * At the opening quote of the secret of a line of PPP's {@code chap-secrets} or {@code pap-secrets}
   * ({@code client * "secret" *}: the client, a blank, the server {@code *}, a blank, the quoted secret, then blanks
   * and an address list or the line's end): the secret, and the client at the line's start as a user.
   */
  static int pppSecrets(Scan s, int last) {
    int end = quotedEnd(s, last + 1, MAX_PASSWORD);
    if (end <= last + 1 || !(s.at(end + 1) == ' ' || s.at(end + 1) == '\t' || s.at(end + 1) == '\n'
        || s.at(end + 1) == '\r' || s.at(end + 1) == 0)) {
      return -1;
    }
    int star = last - 2;
    if (s.at(star - 1) != ' ' && s.at(star - 1) != '\t') {
      return -1; // (the blank before the * is no part of the pattern "* \"")
    }
    int ue = star - 1;
    while (ue > s.lo && (s.b[ue - 1] == ' ' || s.b[ue - 1] == '\t')) {
      ue--;
    }
    int us = ue;
    boolean quoted = ue - 1 > s.lo && s.b[ue - 1] == '"';
    if (quoted) { // "vpn user" * "secret" *
      us = ue - 1;
      while (us > s.lo && ue - us < MAX_NAME && s.b[us - 1] != '"' && s.b[us - 1] != '\n') {
        us--;
      }
      us--;
    } else {
      while (us > s.lo && ue - us < MAX_NAME && s.b[us - 1] > ' ') {
        us--;
      }
    }
    if (us < s.lo || us >= ue - (quoted ? 2 : 0) || (quoted && s.b[us] != '"') || (us > s.lo && s.b[us - 1] != '\n')) {
      return -1; // the client must be the line's first word
    }
    if (quoted) {
      us++;
      ue--;
    }
    if (!KeyValueDetector.isSystemAccount(s, us, ue)) {
      s.add(us, ue, DetectorType.USERNAME);
    }
    return s.add(last + 1, end, DetectorType.SECRET) ? end + 1 : -1;
  }

  /**
   * After {@code monitorRole } or {@code controlRole } at a line's start (the JDK's {@code jmxremote.password}): the
   * password, the line's next word; not the access file's {@code readonly} and {@code readwrite}.
   */
  static int jmxPassword(Scan s, int last) {
    int p = last + 1;
    while (s.at(p) == ' ' || s.at(p) == '\t') {
      p++;
    }
    int end = p;
    while (end < s.hi && end - p < MAX_PASSWORD && s.b[end] > ' ') {
      end++;
    }
    if (end == p || (end - p == 8 && Bytes.startsWith(s.b, p, end, "readonly"))
        || (end - p == 9 && Bytes.startsWith(s.b, p, end, "readwrite")) || !blanksToLineEnd(s, end)) {
      return -1;
    }
    return s.add(p, end, DetectorType.SECRET) ? end : -1;
  }
}
