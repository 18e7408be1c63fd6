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
    if (!s.add(start, p, DetectorType.MAC)) {
      return -1;
    }
    if (n == 6 && s.at(p) == ' ') {
      deviceName(s, p);
    }
    return p;
  }

  /**
   * After a MAC address in a DHCP server's line: the client's own name for itself, which names its owner as often
   * ({@code LAPTOP-JSMITH}, {@code Janes-iPhone}): ISC dhcpd's {@code … to aa:bb:… (LAPTOP-JSMITH) via eth0},
   * dnsmasq's {@code DHCPACK(eth0) 10.0.0.5 aa:bb:… Kens-iPad} (the line's last word), as a {@code host}.
   */
  private static void deviceName(Scan s, int end) {
    int ls = CommandLineDetector.lineStartWithin(s, end, 256);
    if (Bytes.indexOf(s.b, ls, end, "DHCP") < 0) {
      return;
    }
    boolean paren = s.at(end + 1) == '(';
    int start = end + (paren ? 2 : 1);
    int e = start;
    while (e - start < 64 && (Bytes.isAlnum(s.at(e)) || s.at(e) == '-' || s.at(e) == '_' || s.at(e) == '.'
        || s.at(e) == '\'' || s.at(e) < 0)) {
      e++;
    }
    int after = s.at(e);
    boolean ends = paren ? after == ')' : after == '\n' || after == '\r' || after == 0;
    if (ends && KeyValueDetector.hasLetter(s, start, e) && e - start >= 2 && !KeyValueDetector.isPlaceholder(s, start, e)) {
      s.add(start, e, DetectorType.HOSTNAME);
    }
  }

  /**
   * Whether {@code [start, end)}, a value under a MAC address's key, is one: twelve hex digits without separators
   * ({@code a483e7123456}, Windows' DHCP audit log, Intune's {@code wiFiMacAddress}), six pairs, or three groups of
   * four ({@code f05c-19aa-bbcc}, {@code f05c.19aa.bbcc}); not all zeros or all {@code f}.
   */
  static boolean isValue(Scan s, int start, int end) {
    int hex = 0;
    int other = -1;
    boolean allZero = true;
    boolean allF = true;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      if (Bytes.isHex(c)) {
        hex++;
        allZero &= c == '0';
        allF &= Bytes.lower(c) == 'f';
      } else if (c == ':' || c == '-' || c == '.') {
        if (other >= 0 && other != c) {
          return false;
        }
        other = c;
      } else {
        return false;
      }
    }
    int len = end - start;
    boolean shape = (hex == 12 && (len == 12 || len == 17 || len == 14));
    return shape && !allZero && !allF;
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
