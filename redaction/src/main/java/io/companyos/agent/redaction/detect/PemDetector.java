package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * PEM private keys of every kind ({@code RSA}, {@code EC}, {@code DSA}, {@code OPENSSH}, {@code ENCRYPTED},
 * PKCS#8, PGP key blocks): from the {@code -----BEGIN … PRIVATE KEY-----} line to its {@code -----END}
 * line, whatever lies between (YAML indentation, JSON-escaped {@code \n}). Certificates and public keys
 * are not secret. A block whose end is not found within {@link #MAX_BLOCK} bytes is redacted up to there.
 */
final class PemDetector {
  static final int MAX_BLOCK = 48 * 1024;
  private static final String BEGIN = "-----BEGIN ";

  private PemDetector() {}

  /** At the last byte of {@code -----begin }. */
  static int find(Scan s, int last) {
    int start = last - BEGIN.length() + 1;
    if (!Bytes.startsWith(s.b, start, s.hi, BEGIN)) {
      return -1;
    }
    int labelEnd = Bytes.indexOf(s.b, last + 1, Math.min(s.hi, last + 64), "-----");
    if (labelEnd < 0) {
      return -1;
    }
    String label = new String(s.b, last + 1, labelEnd - last - 1, java.nio.charset.StandardCharsets.US_ASCII);
    if (!label.contains("PRIVATE KEY")) {
      return -1;
    }
    int limit = Math.min(s.hi, start + MAX_BLOCK);
    int end = limit;
    int endMarker = Bytes.indexOf(s.b, labelEnd + 5, limit, "-----END ");
    if (endMarker >= 0) {
      int close = Bytes.indexOf(s.b, endMarker + 9, Math.min(limit, endMarker + 80), "-----");
      if (close >= 0) {
        end = close + 5;
      }
    }
    return s.add(start, end, DetectorType.PRIVATE_KEY) ? end : -1;
  }
}
