package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * JSON Web Tokens: {@code eyJ…} header, a payload that also starts with {@code eyJ}, and a signature
 * (possibly empty for unsigned tokens), all base64url.
 */
final class JwtDetector {
  private JwtDetector() {}

  /** At the {@code J} that ends {@code eyJ}. */
  static int find(Scan s, int j) {
    int start = j - 2;
    int end = end(s, start);
    if (end < 0) {
      return -1;
    }
    return s.add(start, end, DetectorType.JWT) ? end : -1;
  }

  /** The end of a JWT starting at {@code start}, or -1. */
  static int end(Scan s, int start) {
    if (!Bytes.startsWith(s.b, start, s.hi, "eyJ") || Bytes.isBase64Url(s.at(start - 1))) {
      return -1;
    }
    int p = run(s, start);
    if (p - start < 10 || s.at(p) != '.' || !Bytes.startsWith(s.b, p + 1, s.hi, "eyJ")) {
      return -1;
    }
    int q = run(s, p + 1);
    if (q - p < 10 || s.at(q) != '.') {
      return -1;
    }
    int e = run(s, q + 1);
    while (s.at(e) == '=') {
      e++;
    }
    return e;
  }

  private static int run(Scan s, int p) {
    while (Bytes.isBase64Url(s.at(p))) {
      p++;
    }
    return p;
  }
}
