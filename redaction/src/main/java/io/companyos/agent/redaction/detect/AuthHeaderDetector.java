package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.Base64;

/**
 * Credentials of {@code Authorization} schemes: {@code Bearer} tokens of at least 16 token characters
 * (not {@code Bearer realm="…"}), and {@code Basic} values that are base64 of {@code user:password}. The
 * scheme word stays; a bearer JWT is counted as {@link DetectorType#JWT}.
 */
final class AuthHeaderDetector {
  private AuthHeaderDetector() {}

  /** At the last byte of {@code bearer}. */
  static int bearer(Scan s, int last) {
    int start = valueStart(s, last, 6);
    if (start < 0) {
      return -1;
    }
    int p = start;
    while (p - start < 8192 && isTokenChar(s.at(p))) {
      p++;
    }
    while (s.at(p) == '=') {
      p++;
    }
    if (p - start < 16) {
      return -1;
    }
    DetectorType type = JwtDetector.end(s, start) == p ? DetectorType.JWT : DetectorType.AUTH_HEADER;
    return s.add(start, p, type) ? p : -1;
  }

  /** At the last byte of {@code basic}. */
  static int basic(Scan s, int last) {
    int start = valueStart(s, last, 5);
    if (start < 0) {
      return -1;
    }
    int p = start;
    while (p - start < 4096 && (Bytes.isAlnum(s.at(p)) || s.at(p) == '+' || s.at(p) == '/')) {
      p++;
    }
    while (s.at(p) == '=' && p - start < 4096) {
      p++;
    }
    int len = p - start;
    if (len < 8 || len % 4 != 0 || Bytes.isWord(s.at(p))) {
      return -1;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(java.util.Arrays.copyOfRange(s.b, start, p));
    } catch (IllegalArgumentException notBase64) {
      return -1;
    }
    boolean colon = false;
    for (byte x : decoded) {
      colon |= x == ':';
    }
    if (!colon) {
      return -1;
    }
    return s.add(start, p, DetectorType.AUTH_HEADER) ? p : -1;
  }

  private static int valueStart(Scan s, int last, int wordLength) {
    if (Bytes.isWord(s.at(last - wordLength)) || Bytes.isWord(s.at(last + 1))) {
      return -1;
    }
    int p = last + 1;
    int spaces = 0;
    while (s.at(p) == ' ' && spaces < 4) {
      p++;
      spaces++;
    }
    return spaces == 0 ? -1 : p;
  }

  private static boolean isTokenChar(int c) {
    return Bytes.isBase64Url(c) || c == '.' || c == '~' || c == '+' || c == '/';
  }
}
