package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * UK National Insurance numbers by their shape, under any key or none: two prefix letters, six digits (or three
 * pairs of two, blank-separated), a suffix letter {@code A}–{@code D}: {@code JG103759A}, {@code JG 10 37 59 A}.
 * HMRC's rules: the first letter is not {@code D F I Q U V}, the second not {@code D F I O Q U V}, and the prefixes
 * {@code BG GB KN NK NT TN ZZ} are never issued, so HMRC's own example {@code QQ 12 34 56 C}, a part number
 * {@code SKU123456} and a ticket {@code AB1234567} stay. The suffix is required: without it (some systems drop it)
 * eight bytes of capitals and digits are too common a shape.
 */
final class NinoDetector {
  private NinoDetector() {}

  /** At an upper-case letter that starts a word; the end of the number, or -1. */
  static int find(Scan s, int start) {
    int a = s.at(start);
    int b = s.at(start + 1);
    if (!Bytes.isUpper(b) || "DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0 || unissued(a, b)) {
      return -1;
    }
    int p = start + 2;
    boolean spaced = s.at(p) == ' ';
    if (spaced) {
      p++;
    }
    for (int pair = 0; pair < 3; pair++) {
      if (!Bytes.isDigit(s.at(p)) || !Bytes.isDigit(s.at(p + 1))) {
        return -1;
      }
      p += 2;
      if (spaced && pair < 2) {
        if (s.at(p) != ' ') {
          return -1;
        }
        p++;
      }
    }
    if (spaced && s.at(p) == ' ') {
      p++;
    }
    int suffix = s.at(p);
    if (suffix < 'A' || suffix > 'D' || Bytes.isWord(s.at(p + 1))) {
      return -1;
    }
    return s.add(start, p + 1, DetectorType.NATIONAL_ID) ? p + 1 : -1;
  }

  private static boolean unissued(int a, int b) {
    return (a == 'B' && b == 'G') || (a == 'G' && b == 'B') || (a == 'K' && b == 'N') || (a == 'N' && b == 'K')
        || (a == 'N' && b == 'T') || (a == 'T' && b == 'N') || (a == 'Z' && b == 'Z');
  }
}
