package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * An OAuth 2.0 authorization code in a query or form ({@code ?code=…}, {@code &code=…}; RFC 6749 4.1.2 and 4.1.3):
 * the redirect an access log records and the token request a proxy logs; also a form body's first field and a
 * message's {@code for code=…} (after a blank), a token request as JSON ({@code "code": "…"}) and a HAR file's
 * {@code {"name": "code", "value": "…"}} pair. The code is exchanged for tokens, so it is
 * a {@link DetectorType#SECRET}. Only 20 URL-safe bytes or more with a digit among them: {@code &code=200},
 * {@code ?code=INVALID_REQUEST_PARAMETERS} stay.
 */
final class OAuthCodeDetector {
  static final int MIN = 20;
  /** Flags: after a blank ({@code for code=x}), as a JSON field ({@code "code": "x"}), as a HAR file's pair. */
  static final int AFTER_BLANK = 1;
  static final int JSON = 2;
  static final int HAR_PAIR = 3;

  private OAuthCodeDetector() {}

  /**
   * At the last byte of a pattern of {@code length} bytes: the {@code =} of {@code ?code=}, {@code &code=} or
   * {@code  code=}; the opening quote of a JSON field's value, {@code "code": "}; the comma of a HAR file's
   * {@code {"name": "code", "value": "x"}}. The key must be {@code code} alone, as in a token request.
   */
  static int find(Scan s, int last, int length, int flags) {
    int key = last - length + 1 + (flags == AFTER_BLANK ? 1 : 0);
    if ((flags == JSON || flags == HAR_PAIR) && s.at(key - 1) != '"') {
      return -1; // "error_code": "…", "postcode": "…"
    }
    int start = last + 1;
    if (flags == HAR_PAIR) {
      int colon = key - 2;
      while (colon > s.lo && (s.b[colon] == ' ' || s.b[colon] == '\t')) {
        colon--;
      }
      if (s.at(colon) != ':' || !Bytes.startsWith(s.b, colon - 6, s.hi, "\"name\"")) {
        return -1;
      }
      int open = KeyedForms.harValue(s, last + 1);
      if (open < 0) {
        return -1;
      }
      start = open + 1;
    }
    int p = start;
    boolean digit = false;
    while (p - start < 2048 && isCodeChar(s.at(p))) {
      digit |= Bytes.isDigit(s.at(p));
      p++;
    }
    if (p - start < MIN || !digit || KeyValueDetector.isPlaceholder(s, start, p)
        || (flags >= JSON && s.at(p) != '"')) {
      return -1;
    }
    return s.add(start, p, DetectorType.SECRET) ? p : -1;
  }

  private static boolean isCodeChar(int c) {
    return Bytes.isBase64Url(c) || c == '.' || c == '~' || c == '%' || c == '/';
  }
}
