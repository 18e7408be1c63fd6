package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The common name of a user's LDAP distinguished name, {@code CN=Jane Doe,OU=Users,DC=acme,DC=corp}, and the user
 * id of {@code uid=jdoe,ou=people,dc=acme,dc=corp}: only
 * when another RDN follows, and not when the name looks like a host ({@code CN=api.acme.internal}) or a
 * wildcard.
 */
final class DistinguishedNameDetector {
  private DistinguishedNameDetector() {}

  /** At the {@code =} of {@code cn=} (a {@link DetectorType#PERSON_NAME}) or {@code uid=} (a user name). */
  static int find(Scan s, int last, int patternLength, DetectorType type) {
    int first = last - patternLength + 1;
    if (Bytes.isWord(s.at(first - 1))) {
      return -1;
    }
    int start = last + 1;
    int p = start;
    boolean host = false;
    while (p - start < 128) {
      int c = s.at(p);
      if (c == '\\' && s.at(p + 1) == ',') {
        p += 2;
        continue;
      }
      if (c == 0 || c == ',' || c == '"' || c == '/' || c == '+' || c == '\n' || c == ';') {
        break;
      }
      host |= c == '.' || c == '*';
      p++;
    }
    if (p == start || host || s.at(p) != ',' || !nextIsRdn(s, p + 1) || KeyValueDetector.isPlaceholder(s, start, p)) {
      return -1;
    }
    if (type == DetectorType.USERNAME && KeyValueDetector.isSystemAccount(s, start, p)) {
      return -1;
    }
    return s.add(start, p, type) ? p : -1;
  }

  private static boolean nextIsRdn(Scan s, int p) {
    while (s.at(p) == ' ') {
      p++;
    }
    return Bytes.startsWithIgnoreCase(s.b, p, s.hi, "ou=") || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "dc=")
        || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "o=") || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "cn=")
        || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "l=") || Bytes.startsWithIgnoreCase(s.b, p, s.hi, "c=");
  }
}
