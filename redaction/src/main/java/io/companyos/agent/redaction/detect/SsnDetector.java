package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * US social security numbers {@code AAA-GG-SSSS}: area not 000, 666 or 900-999, group not 00, serial not
 * 0000. Nine bare digits count only under an {@code ssn} key (see {@link KeyValueDetector}).
 */
final class SsnDetector {
  private SsnDetector() {}

  /** At a digit that starts a word. */
  static int find(Scan s, int start) {
    int prev = s.at(start - 1);
    if (prev == '-' || prev == '.' || prev == '/') {
      return -1;
    }
    int end = dashed(s, start);
    if (end < 0) {
      return -1;
    }
    return s.add(start, end, DetectorType.US_SSN) ? end : -1;
  }

  /** The end of a valid dashed SSN at {@code p}, or -1. */
  static int dashed(Scan s, int p) {
    if (Bytes.digitRun(s.b, p, s.hi, 4) != 3 || s.at(p + 3) != '-' || Bytes.digitRun(s.b, p + 4, s.hi, 3) != 2
        || s.at(p + 6) != '-' || Bytes.digitRun(s.b, p + 7, s.hi, 5) != 4) {
      return -1;
    }
    int end = p + 11;
    int next = s.at(end);
    if (Bytes.isWord(next) || ((next == '-' || next == '.') && Bytes.isDigit(s.at(end + 1)))) {
      return -1;
    }
    return valid(Bytes.parseInt(s.b, p, p + 3), Bytes.parseInt(s.b, p + 4, p + 6), Bytes.parseInt(s.b, p + 7, p + 11))
        ? end : -1;
  }

  /** The end of nine valid bare digits at {@code p}, or -1. */
  static int bare(Scan s, int p) {
    if (Bytes.digitRun(s.b, p, s.hi, 10) != 9) {
      return -1;
    }
    return valid(Bytes.parseInt(s.b, p, p + 3), Bytes.parseInt(s.b, p + 3, p + 5), Bytes.parseInt(s.b, p + 5, p + 9))
        ? p + 9 : -1;
  }

  /** The end of a valid SSN grouped by blanks ({@code 078 05 1120}) at {@code p}, or -1 (only under a key). */
  static int spaced(Scan s, int p) {
    if (Bytes.digitRun(s.b, p, s.hi, 4) != 3 || s.at(p + 3) != ' ' || Bytes.digitRun(s.b, p + 4, s.hi, 3) != 2
        || s.at(p + 6) != ' ' || Bytes.digitRun(s.b, p + 7, s.hi, 5) != 4 || Bytes.isWord(s.at(p + 11))) {
      return -1;
    }
    return valid(Bytes.parseInt(s.b, p, p + 3), Bytes.parseInt(s.b, p + 4, p + 6), Bytes.parseInt(s.b, p + 7, p + 11))
        ? p + 11 : -1;
  }

  static boolean valid(int area, int group, int serial) {
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }
}
