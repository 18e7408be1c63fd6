package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * A JSON Web Key's private members (RFC 7518 §6): an RSA key's {@code d}, {@code p}, {@code q}, {@code dp},
 * {@code dq}, {@code qi} (and {@code oth}'s {@code r}, {@code d}, {@code t}), an EC or OKP key's {@code d}, a
 * symmetric key's {@code k} — in a JWKS file, Keycloak's realm export, an OIDC library's debug log. Found at the
 * object's {@code "kty"}, wherever in the object the members are; the public members ({@code n}, {@code e},
 * {@code x}, {@code y}, {@code kid}, {@code x5c}) stay.
 */
final class JwkDetector {
  private JwkDetector() {}

  private static final int MAX_OBJECT = 16 * 1024;

  /** At the closing quote of {@code "kty"}. */
  static int find(Scan s, int last) {
    int open = last - 4;
    int floor = Math.max(s.lo, open - MAX_OBJECT);
    while (open > floor && s.b[open] != '{' && s.b[open] != '}') {
      open--;
    }
    if (open < s.lo || s.b[open] != '{') {
      return -1;
    }
    int close = JsonSpans.closing(s, open, Math.min(s.hi, open + MAX_OBJECT));
    if (close < 0) {
      return -1;
    }
    for (int p = open + 1; p < close; p++) {
      if (s.b[p] != '"' || !isPrivateMember(s, p + 1)) {
        continue;
      }
      int name = p + 1;
      while (s.b[name] != '"') {
        name++;
      }
      int v = name + 1;
      while (s.at(v) == ' ') {
        v++;
      }
      if (s.at(v) != ':') {
        continue;
      }
      v++;
      while (s.at(v) == ' ') {
        v++;
      }
      if (s.at(v) != '"') {
        continue;
      }
      int end = KeyValueDetector.closingQuote(s, v + 1, '"');
      if (end > v + 1 && end < close) {
        s.add(v + 1, end, DetectorType.PRIVATE_KEY);
      }
      p = Math.max(p, end);
    }
    // the spans are kept; the pass is not sent past them (a private member may lie far from "kty", and the object
    // holds other text to scan: "kid", "x5c")
    return -1;
  }

  /** Whether a private member's name and its closing quote start at {@code p}. */
  private static boolean isPrivateMember(Scan s, int p) {
    int a = s.at(p);
    int b = s.at(p + 1);
    if (b == '"') {
      return a == 'd' || a == 'p' || a == 'q' || a == 'k' || a == 'r' || a == 't';
    }
    return s.at(p + 2) == '"' && ((a == 'd' && (b == 'p' || b == 'q')) || (a == 'q' && b == 'i'));
  }

}
