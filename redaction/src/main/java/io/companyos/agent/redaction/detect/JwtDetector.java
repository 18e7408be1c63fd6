package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * JSON Web Tokens: {@code eyJ…} header, a payload that also starts with {@code eyJ}, and a signature
 * (possibly empty for unsigned tokens), all base64url. Also encrypted ones (JWE compact form, five parts:
 * header, encrypted key, which is empty for {@code dir}, IV, ciphertext, tag) whose header names an {@code enc}.
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
    if (start > s.jwtFrom && start < s.jwtTo) {
      // the payload's or signature's eyJ of a token found in this pass, met again by the look inside matches
      return -1;
    }
    if (!Bytes.startsWith(s.b, start, s.hi, "eyJ") || Bytes.isBase64Url(s.at(start - 1))) {
      return -1;
    }
    int p = run(s, start);
    if (p - start < 10 || s.at(p) != '.') {
      return -1;
    }
    if (!Bytes.startsWith(s.b, p + 1, s.hi, "eyJ")) {
      return jweEnd(s, start, p);
    }
    int q = run(s, p + 1);
    if (q - p < 10 || s.at(q) != '.') {
      return -1;
    }
    int e = run(s, q + 1);
    while (s.at(e) == '=') {
      e++;
    }
    if (s.at(e) != '.') {
      // an eyJ after either dot would need a dot at e to be a JWT or JWE: remembered (see Scan.jwtFrom)
      s.jwtFrom = start;
      s.jwtTo = e;
    }
    return e;
  }

  private static int run(Scan s, int p) {
    while (Bytes.isBase64Url(s.at(p))) {
      p++;
    }
    return p;
  }

  /** After the header {@code [start, dot)}: the end of a JWE's four other parts, or -1. */
  private static int jweEnd(Scan s, int start, int dot) {
    int key = run(s, dot + 1);
    int iv = key < s.hi && s.at(key) == '.' ? run(s, key + 1) : -1;
    int text = iv > 0 && s.at(iv) == '.' && iv - key - 1 >= 12 ? run(s, iv + 1) : -1;
    int tag = text > 0 && s.at(text) == '.' && text - iv - 1 >= 8 ? run(s, text + 1) : -1;
    if (tag < 0 || tag - text - 1 < 16 || s.at(tag) == '.' || dot - start > 2048) {
      return -1;
    }
    byte[] header;
    try {
      header = java.util.Base64.getUrlDecoder().decode(java.util.Arrays.copyOfRange(s.b, start, dot));
    } catch (IllegalArgumentException notBase64) {
      return -1;
    }
    String h = new String(header, java.nio.charset.StandardCharsets.ISO_8859_1);
    return h.contains("\"enc\"") ? tag : -1;
  }
}
