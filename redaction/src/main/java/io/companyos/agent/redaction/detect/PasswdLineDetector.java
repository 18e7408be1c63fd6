package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A line of {@code /etc/passwd} (as {@code getent passwd}, {@code cat /etc/passwd} or a NIS map prints it) in a log,
 * a ticket or a bundle: {@code jane:x:1000:1000:Jane Doe,,,:/home/jane:/bin/bash}. The account of a person — a user
 * id from 1000, not {@code nobody}'s 65534 — is a {@code user}, and the full name its GECOS field starts with a
 * {@code name}; before, the home directory's user was replaced while the same name stayed at the line's start.
 * System accounts ({@code postgres:x:114:120:PostgreSQL administrator,,,:…}) stay whole.
 *
 * <p>Recognised by its shape: seven fields, the whole line; a login name of letters, digits, {@code . _ -} (and a
 * final {@code $}) that starts the line, the password field {@code x} or {@code *} (where the scanner calls this),
 * numeric user and group ids, a GECOS field without a colon, an absolute home directory, and a shell that is empty
 * or a path.
 */
final class PasswdLineDetector {
  private static final int MAX_NAME = 32;
  private static final int MAX_FIELD = 256;
  private static final long FIRST_PERSON_UID = 1000;
  private static final long NOBODY_UID = 65534;

  private PasswdLineDetector() {}

  /** At the colon that ends the password field ({@code :x:}, {@code :*:}): the end of the line's GECOS, or -1. */
  static int find(Scan s, int last) {
    int nameEnd = last - 2;
    int ns = nameEnd;
    while (ns > s.lo && nameEnd - ns < MAX_NAME && isNameByte(s.b[ns - 1])) {
      ns--;
    }
    if (ns == nameEnd || (ns > s.lo && s.b[ns - 1] != '\n') || !(Bytes.isAlpha(s.b[ns]) || s.b[ns] == '_')) {
      return -1;
    }
    int uidStart = last + 1;
    int uidEnd = digitsEnd(s, uidStart);
    int gidEnd = uidEnd > uidStart && s.at(uidEnd) == ':' ? digitsEnd(s, uidEnd + 1) : -1;
    if (gidEnd <= uidEnd + 1 || s.at(gidEnd) != ':' || uidEnd - uidStart > 10) {
      return -1;
    }
    int gecos = gidEnd + 1;
    int gecosEnd = fieldEnd(s, gecos);
    int home = gecosEnd + 1;
    if (s.at(gecosEnd) != ':' || s.at(home) != '/') {
      return -1;
    }
    int homeEnd = fieldEnd(s, home);
    int shell = homeEnd + 1;
    int shellEnd = s.at(homeEnd) == ':' ? fieldEnd(s, shell) : -1;
    if (shellEnd < 0 || (shellEnd > shell && s.b[shell] != '/') || !atLineEnd(s, shellEnd)) {
      return -1;
    }
    long uid = Long.parseLong(new String(s.b, uidStart, uidEnd - uidStart, java.nio.charset.StandardCharsets.US_ASCII));
    if (uid < FIRST_PERSON_UID || uid == NOBODY_UID || uid >= 4294967294L) {
      return -1;
    }
    if (!KeyValueDetector.isSystemAccount(s, ns, nameEnd)) {
      s.add(ns, nameEnd, DetectorType.USERNAME);
      // the home directory's last part when it is the login name (/export/home/jdoe; /home/jdoe is found anyway)
      int last0 = homeEnd;
      while (last0 > home && s.b[last0 - 1] != '/') {
        last0--;
      }
      if (homeEnd - last0 == nameEnd - ns && java.util.Arrays.equals(s.b, last0, homeEnd, s.b, ns, nameEnd)) {
        s.add(last0, homeEnd, DetectorType.USERNAME);
      }
    }
    int nameFieldEnd = gecos;
    while (nameFieldEnd < gecosEnd && s.b[nameFieldEnd] != ',') {
      nameFieldEnd++;
    }
    if (hasLetter(s, gecos, nameFieldEnd)) {
      s.add(gecos, nameFieldEnd, DetectorType.PERSON_NAME);
    }
    return gecosEnd;
  }

  private static boolean isNameByte(byte c) {
    return Bytes.isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '$';
  }

  private static int digitsEnd(Scan s, int from) {
    int p = from;
    while (p - from <= 10 && Bytes.isDigit(s.at(p))) {
      p++;
    }
    return p;
  }

  /** The end of a field from {@code from}: the next colon or line end, at most {@value #MAX_FIELD} bytes on. */
  private static int fieldEnd(Scan s, int from) {
    int p = from;
    while (p - from < MAX_FIELD && p < s.hi && s.b[p] != ':' && s.b[p] != '\n' && s.b[p] != '\r') {
      p++;
    }
    return p;
  }

  /** Whether {@code p} ends a line: its {@code \n} or {@code \r}, or the input's end. */
  static boolean atLineEnd(Scan s, int p) {
    return p >= s.hi ? s.eof : s.b[p] == '\n' || s.b[p] == '\r';
  }

  private static boolean hasLetter(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (Bytes.isAlpha(s.b[p]) || s.b[p] < 0) {
        return true;
      }
    }
    return false;
  }
}
