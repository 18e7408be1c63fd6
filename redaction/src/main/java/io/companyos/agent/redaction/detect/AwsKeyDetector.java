package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * AWS access key ids: a four-letter resource prefix ({@code AKIA}, {@code ASIA}, {@code AIDA}, …) and 16
 * upper-case letters or digits, as a whole word. Secret access keys are found by their key in
 * {@link KeyValueDetector}, and right after their key id, the next item of a CSV row or an argument list (the IAM
 * console's credentials.csv, {@code new BasicAWSCredentials("AKIA…", "…")}, MinIO's and ClickHouse's {@code s3(…)}
 * arguments): 40 base64 characters with a capital, a small letter and a digit (no hex hash).
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
    if (!s.add(start, end, DetectorType.AWS_ACCESS_KEY)) {
      return -1;
    }
    int secret = nextItem(s, end);
    if (secret > 0 && KeyValueDetector.isMixedAwsSecretAt(s, secret) && s.add(secret, secret + 40,
        DetectorType.AWS_SECRET_KEY)) {
      return secret + 40;
    }
    return end;
  }

  /** At the {@code [} of {@code aws configure}'s {@code AWS Secret Access Key [None]: x}: x. */
  static int configurePrompt(Scan s, int last) {
    int close = last + 1;
    while (close < s.hi && close - last < 48 && s.b[close] != ']' && s.b[close] != '\n') {
      close++;
    }
    int v = close + 3;
    if (s.at(close) != ']' || s.at(close + 1) != ':' || s.at(close + 2) != ' ' || !KeyValueDetector.isAwsSecretAt(s, v)) {
      return -1;
    }
    return s.add(v, v + 40, DetectorType.AWS_SECRET_KEY) ? v + 40 : -1;
  }

  /** After an item ending at {@code p}: where the next item of its row or argument list starts, or -1. */
  private static int nextItem(Scan s, int p) {
    if (s.at(p) == '"' || s.at(p) == '\'') {
      p++;
    }
    int q = p;
    while (q - p < 3 && (s.at(q) == ' ' || s.at(q) == '\t')) {
      q++;
    }
    if (s.at(q) != ',' && s.at(q) != ';') {
      return -1;
    }
    q++;
    while (q - p < 8 && (s.at(q) == ' ' || s.at(q) == '\t')) {
      q++;
    }
    if (s.at(q) == '"' || s.at(q) == '\'') {
      q++;
    }
    return q;
  }
}
