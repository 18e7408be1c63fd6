package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Customer host names: any name under a configured customer domain (the domain itself included) or under
 * an internal suffix ({@code .internal}, {@code .local}, {@code .lan}, {@code .corp}, {@code .intra},
 * {@code .intern}, {@code .home.arpa}), found at the end of the suffix and extended backwards over labels,
 * so names that embed an address ({@code node-10-1-2-3.acme.internal}) go whole. A suffix followed by
 * more name ({@code com.acme.corp.Service}) is not the end of a host name.
 */
final class HostnameDetector {
  private HostnameDetector() {}

  /** At the last byte of a suffix or customer domain of {@code length} bytes. */
  static int find(Scan s, int last, int length, boolean needsLabel) {
    int next = s.at(last + 1);
    if (Bytes.isWord(next) || next == '-' || (next == '.' && Bytes.isAlnum(s.at(last + 2)))) {
      return -1;
    }
    int first = last - length + 1;
    if (!needsLabel) {
      int prev = s.at(first - 1);
      if (Bytes.isWord(prev) || prev == '-') {
        return -1;
      }
    }
    int floor = s.floor();
    int hs = first;
    while (hs > floor && last - hs < 253) {
      if (isHostChar(s.b[hs - 1])) {
        hs--;
      } else {
        int n = Bytes.letterBefore(s.b, hs, floor, last + 1); // a label in Unicode (münchen.acme.com), whole
        if (n == 0) {
          break;
        }
        hs -= n;
      }
    }
    hs = Bytes.pastEscape(s.b, hs, floor, first);
    while (hs < first && (s.b[hs] == '.' || s.b[hs] == '-')) {
      hs++;
    }
    if ((needsLabel && hs >= first) || (last + 1 - hs == 12 && Bytes.startsWith(s.b, hs, last + 1, "kadmin.local"))
        || (last + 1 - hs == 24 && Bytes.startsWith(s.b, hs, last + 1, "metadata.google.internal"))) {
      return -1; // (MIT Kerberos' kadmin.local, the admin tool run on the KDC, is a command; GCP's metadata server
                 // has the same name on every customer's machines)
    }
    if (s.at(hs - 1) == '.' && Bytes.startsWith(s.b, hs, last + 1, "env.")) {
      return -1; // dotenv's files, .env.local, .env.production.local (Next.js, Vite): a file name
    }
    int end = last + 1;
    return s.add(hs, end, DetectorType.HOSTNAME) ? end : -1;
  }

  private static boolean isHostChar(byte c) {
    return Bytes.isAlnum(c) || c == '-' || c == '.';
  }
}
