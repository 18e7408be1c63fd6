package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * An OAuth 2.0 authorization code in a query or form ({@code ?code=…}, {@code &code=…}; RFC 6749 4.1.2 and 4.1.3):
 * the redirect an access log records and the token request a proxy logs. The code is exchanged for tokens, so it is
 * a {@link DetectorType#SECRET}. Only 20 URL-safe bytes or more with a digit among them: {@code &code=200},
 * {@code ?code=INVALID_REQUEST_PARAMETERS} stay.
 */
final class OAuthCodeDetector {
  static final int MIN = 20;

  private OAuthCodeDetector() {}

  /** At the {@code =} of {@code ?code=} or {@code &code=}. */
  static int find(Scan s, int last) {
    int start = last + 1;
    int p = start;
    boolean digit = false;
    while (p - start < 2048 && isCodeChar(s.at(p))) {
      digit |= Bytes.isDigit(s.at(p));
      p++;
    }
    if (p - start < MIN || !digit || KeyValueDetector.isPlaceholder(s, start, p)) {
      return -1;
    }
    return s.add(start, p, DetectorType.SECRET) ? p : -1;
  }

  private static boolean isCodeChar(int c) {
    return Bytes.isBase64Url(c) || c == '.' || c == '~' || c == '%' || c == '/';
  }
}
