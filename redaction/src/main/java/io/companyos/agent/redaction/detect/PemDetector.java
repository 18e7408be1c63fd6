package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * PEM private keys of every kind ({@code RSA}, {@code EC}, {@code DSA}, {@code OPENSSH}, {@code ENCRYPTED},
 * PKCS#8, PGP key blocks): from the {@code -----BEGIN … PRIVATE KEY-----} line to its {@code -----END}
 * line, whatever lies between (YAML indentation, JSON-escaped {@code \n}). Certificates and public keys
 * are not secret. A block whose end is not found within {@link #MAX_BLOCK} bytes is redacted up to there.
 * Also the private part of a PuTTY key file ({@link #puttyPrivateLines}) and URL-encoded keys ({@link #urlEncoded}).
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
    if (!label.contains("PRIVATE KEY") && !label.startsWith("OpenVPN Static key") && !label.endsWith("NKEY SEED")) {
      return -1; // (OpenVPN's static key, --secret and tls-auth/tls-crypt, and NATS' nkey seeds of a .creds file: a
      // secret in PEM's dress)
    }
    int limit = Math.min(s.hi, start + MAX_BLOCK);
    int end = limit;
    int endMarker = Bytes.indexOf(s.b, labelEnd + 5, limit, "-----END ");
    if (endMarker >= 0) {
      int close = Bytes.indexOf(s.b, endMarker + 9, Math.min(limit, endMarker + 80), "-----");
      if (close >= 0) {
        end = close + 5;
        while (end < limit && s.b[end] == '-' && end - close < 8) {
          end++; // NATS writes six dashes: ------END USER NKEY SEED------
        }
      }
    }
    return s.add(start, end, DetectorType.PRIVATE_KEY) ? end : -1;
  }

  /**
   * At the last byte of {@code private-lines: } (PuTTY {@code .ppk} files, versions 2 and 3): the {@code N} lines
   * after {@code Private-Lines: N} are the private key (base64, unencrypted when {@code Encryption: none}); the
   * public lines, the comment and the MAC line are kept. At most 64 lines and {@link #MAX_BLOCK} bytes.
   */
  static int puttyPrivateLines(Scan s, int last) {
    int start = last - "private-lines: ".length() + 1;
    if (!Bytes.startsWith(s.b, start, s.hi, "Private-Lines: ") || Bytes.isWord(s.at(start - 1))) {
      return -1;
    }
    int p = last + 1;
    int digits = Bytes.digitRun(s.b, p, s.hi, 3);
    if (digits == 0) {
      return -1;
    }
    int lines = Bytes.parseInt(s.b, p, p + digits);
    p += digits;
    if (s.at(p) == '\r') {
      p++;
    }
    if (lines < 1 || lines > 64 || s.at(p) != '\n') {
      return -1;
    }
    int from = p + 1;
    int limit = Math.min(s.hi, from + MAX_BLOCK);
    int end = from;
    for (int k = 0; k < lines && end < limit; k++) {
      int q = end;
      while (q < limit && s.b[q] != '\n') {
        q++;
      }
      end = q;
      if (k + 1 < lines && q < limit) {
        end = q + 1;
      }
    }
    if (end > from && s.at(end - 1) == '\r') {
      end--;
    }
    return s.add(from, end, DetectorType.PRIVATE_KEY) ? end : -1;
  }

  /** The URL-encoded forms of a BEGIN line's start that {@link #urlEncoded} is triggered by (lower-case). */
  static final java.util.List<String> URL_ENCODED_TRIGGERS =
      java.util.List.of("%2d%2d%2d%2d%2dbegin", "-----begin%20", "-----begin+");

  /** The part of {@code URL_ENCODED_TRIGGERS.get(i)} the keyword filter looks for ({@code %2} is common in URLs). */
  static String urlEncodedTrigger(int i) {
    String t = URL_ENCODED_TRIGGERS.get(i);
    return t.startsWith("%") ? t.substring(1) : t;
  }

  /**
   * At the last byte of {@code URL_ENCODED_TRIGGERS.get(index)}: a PEM private key in a URL-encoded value (a form
   * body or query string in an access log: {@code %2D%2D%2D%2D%2DBEGIN%20PRIVATE%20KEY%2D…%0AMIIE…}). Its decoded
   * BEGIN line must name a {@code PRIVATE KEY}; the span is the rest of the URL-encoded value (letters, digits,
   * {@code % + . _ ~ - / =}), at most {@link #MAX_BLOCK} bytes.
   */
  static int urlEncoded(Scan s, int last, int index) {
    int start = last - URL_ENCODED_TRIGGERS.get(index).length() + 1;
    int limit = Math.min(s.hi, start + MAX_BLOCK);
    StringBuilder head = new StringBuilder();
    int p = start;
    while (p < limit && head.length() < 64 && isUrlEncoded(s.b[p])) {
      int c = s.b[p];
      if (c == '%' && Bytes.isHex(s.at(p + 1)) && Bytes.isHex(s.at(p + 2))) {
        head.append((char) Integer.parseInt(new String(s.b, p + 1, 2, java.nio.charset.StandardCharsets.US_ASCII), 16));
        p += 3;
      } else {
        head.append(c == '+' ? ' ' : (char) c);
        p++;
      }
    }
    String h = head.toString();
    int close = h.indexOf("-----", 11);
    if (!h.startsWith("-----BEGIN ") || close < 0 || !h.substring(11, close).contains("PRIVATE KEY")) {
      return -1;
    }
    while (p < limit && isUrlEncoded(s.b[p])) {
      p++;
    }
    return s.add(start, p, DetectorType.PRIVATE_KEY) ? p : -1;
  }

  private static boolean isUrlEncoded(int c) {
    return Bytes.isAlnum(c) || c == '%' || c == '+' || c == '.' || c == '_' || c == '~' || c == '-' || c == '/'
        || c == '=';
  }
}
