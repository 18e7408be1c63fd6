package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * AWS access key ids: a four-letter resource prefix ({@code AKIA}, {@code ASIA}, {@code AIDA}, …) and 16
 * upper-case letters or digits, as a whole word. Secret access keys are found by their key in
 * {@link KeyValueDetector}.
 */
final class AwsKeyDetector {
  private static final String[] PREFIXES = {
    "AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "ANVA", "AIPA", "ASCA", "ACCA", "APKA", "ABIA"
  };

  private AwsKeyDetector() {}

  /** At an {@code A} that starts a word. */
  static int find(Scan s, int start) {
    boolean known = false;
    for (String p : PREFIXES) {
      if (Bytes.startsWith(s.b, start, s.hi, p)) {
        known = true;
        break;
      }
    }
    if (!known) {
      return -1;
    }
    for (int i = start + 4; i < start + 20; i++) {
      int c = s.at(i);
      if (!Bytes.isUpper(c) && !Bytes.isDigit(c)) {
        return -1;
      }
    }
    int end = start + 20;
    if (Bytes.isWord(s.at(end))) {
      return -1;
    }
    return s.add(start, end, DetectorType.AWS_ACCESS_KEY) ? end : -1;
  }
}
