package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * MAC addresses: six hex pairs joined by {@code :} or {@code -}, the 14-pair {@code MAC=} field of
 * netfilter logs (destination, source, ether type), and Cisco's {@code aabb.ccdd.eeff}. Not redacted: the
 * broadcast and all-zero addresses, and longer colon-hex strings such as certificate fingerprints.
 */
final class MacDetector {
  private MacDetector() {}

  /** At a hex digit that starts a word. */
  static int find(Scan s, int start) {
    int prev = s.at(start - 1);
    if (Bytes.isWord(prev) || prev == ':' || prev == '-' || prev == '.') {
      return -1;
    }
    int sep = s.at(start + 2);
    if ((sep == ':' || sep == '-') && Bytes.isHex(s.at(start)) && Bytes.isHex(s.at(start + 1))) {
      return pairs(s, start, sep);
    }
    if (s.at(start + 4) == '.') {
      return cisco(s, start);
    }
    return -1;
  }

  private static int pairs(Scan s, int start, int sep) {
    int p = start;
    int n = 0;
    boolean allF = true;
    boolean allZero = true;
    while (Bytes.isHex(s.at(p)) && Bytes.isHex(s.at(p + 1))) {
      int a = Bytes.lower(s.at(p));
      int c = Bytes.lower(s.at(p + 1));
      allF &= a == 'f' && c == 'f';
      allZero &= a == '0' && c == '0';
      n++;
      p += 2;
      if (s.at(p) == sep && Bytes.isHex(s.at(p + 1)) && n < 40) {
        p++;
      } else {
        break;
      }
    }
    if (Bytes.isWord(s.at(p)) || s.at(p) == sep) {
      return -1;
    }
    if (n == 6 ? allF || allZero : !(n == 14 && sep == ':')) {
      return -1;
    }
    return s.add(start, p, DetectorType.MAC) ? p : -1;
  }

  private static int cisco(Scan s, int start) {
    boolean letter = false;
    for (int k = 0; k < 3; k++) {
      int g = start + 5 * k;
      if (Bytes.hexRun(s.b, g, s.hi, 5) != 4 || (k < 2 && s.at(g + 4) != '.')) {
        return -1;
      }
      for (int i = g; i < g + 4; i++) {
        letter |= Bytes.isAlpha(s.b[i]);
      }
    }
    int end = start + 14;
    if (!letter || Bytes.isWord(s.at(end)) || (s.at(end) == '.' && Bytes.isAlnum(s.at(end + 1)))) {
      return -1;
    }
    return s.add(start, end, DetectorType.MAC) ? end : -1;
  }
}
