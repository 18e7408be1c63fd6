package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Secrets that are a base64 run recognised by what it decodes to, with no key and no armour around them:
 *
 * <ul>
 *   <li>a PEM private key encoded whole ({@code LS0tLS1CRUdJTi…}, {@code -----BEGIN}): a Kubernetes Secret's
 *       {@code tls.key}, a kubeconfig's {@code client-key-data}; decoded, its {@code -----BEGIN …-----} line must
 *       name a {@code PRIVATE KEY} (a base64 certificate or public key is kept);
 *   <li>a DER private key without its PEM lines ({@code MII…}, {@code MIJ…}, {@code MIG…}, {@code MHc…},
 *       {@code MC4C…}, {@code MEcC…}):
 *       decoded, a SEQUENCE whose first element is the version {@code INTEGER 0} followed by an algorithm
 *       SEQUENCE (PKCS#8) or the modulus INTEGER (PKCS#1, DSA), {@code INTEGER 1} followed by an OCTET STRING (SEC1
 *       EC key) or a SEQUENCE (PKCS#8 v2), or {@code INTEGER 3} followed by a SEQUENCE (a PKCS#12 key store);
 *       certificates, public keys, CSRs and CMS blobs start otherwise and are kept;
 *   <li>an OpenSSH private key body without its PEM lines ({@code b3BlbnNzaC1rZXktdjE}, {@code openssh-key-v1});
 *   <li>an AWS STS session token ({@code FwoGZXIvYXdz…}, {@code IQoJb3JpZ2luX2Vj…}, {@code AQoDYXdz…}), counted as
 *       {@link DetectorType#AWS_SECRET_KEY}.
 *   <li>an OpenVPN static key file ({@code IwojIDIwNDggYml0IE9wZW5WUE4g…}, "# 2048 bit OpenVPN static key").
 * </ul>
 *
 * The run is the standard base64 alphabet and its padding; a run wrapped at 64 or 76 characters (a new line, a
 * JSON-escaped {@code \n}, then up to 16 spaces of indentation) continues on the next line while every line but
 * the last has that width. At most {@link PemDetector#MAX_BLOCK} bytes.
 */
final class Base64SecretDetector {
  /** What a trigger's decoded run must be. */
  enum Kind {
    PEM,
    DER,
    OPENSSH,
    AWS_SESSION,
    OPENVPN_STATIC
  }

  /**
   * One trigger: {@code text} (exact case) is found {@code offset} base64 characters into the run.
   *
   * @param minRun the least number of base64 characters of the run
   */
  record Magic(String text, int offset, Kind kind, int minRun) {}

  static final List<Magic> MAGICS =
      List.of(
          new Magic("LS0tLS1CRUdJTi", 0, Kind.PEM, 64),
          new Magic("MII", 0, Kind.DER, 64),
          new Magic("MIJ", 0, Kind.DER, 64), // 16 KiB and more (a key store with its chain)
          new Magic("MIG", 0, Kind.DER, 64),
          new Magic("MHc", 0, Kind.DER, 64),
          new Magic("AQAwBQYDK2V", 4, Kind.DER, 64), // MC4C, MEcC: Ed25519, X25519, Ed448 (PKCS#8)
          // from here on, a later part of the magic whose second and third letters are rare in logs (the keyword
          // filter's first test); the base64 characters before it are not compared
          new Magic("C1rZXktdjE", 9, Kind.OPENSSH, 64), // b3BlbnNzaC1rZXktdjE
          // the first byte of an STS token varies (its first base64 characters with it): the trigger starts after it
          new Magic("oGZXIvYXdz", 2, Kind.AWS_SESSION, 100), // FwoGZXIvYXdz, FQoGZXIvYXdz
          new Magic("YXdz", 4, Kind.AWS_SESSION, 100), // AQoDYXdz, FQoDYXdz
          new Magic("uX2Vj", 11, Kind.AWS_SESSION, 100), // IQoJb3JpZ2luX2Vj
          // (session 24) an OpenVPN static key file in base64 (pfSense's and OPNsense's config.xml, <tls>,
          // <shared_key>): "#\n# 2048 bit OpenVPN static key\n…", IwojIDIwNDggYml0IE9wZW5WUE4g…
          new Magic("IDIwNDggYml0IE9wZW5WUE4g", 4, Kind.OPENVPN_STATIC, 64));

  private static final int MAX_RUN = PemDetector.MAX_BLOCK;
  private static final byte[] DECODE = new byte[256];

  static {
    java.util.Arrays.fill(DECODE, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; i++) {
      DECODE[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64SecretDetector() {}

  static boolean isBase64(int c) {
    return DECODE[c & 0xFF] >= 0;
  }

  /** At the last byte of the trigger of {@code MAGICS.get(index)}. */
  static int find(Scan s, int last, int index) {
    Magic m = MAGICS.get(index);
    int at = last - m.text().length() + 1;
    int start = at - m.offset();
    if (start < s.lo || !Bytes.startsWith(s.b, at, s.hi, m.text()) || isBase64(s.at(start - 1))) {
      return -1;
    }
    for (int k = start; k < at; k++) {
      if (!isBase64(s.b[k])) {
        return -1;
      }
    }
    int[] count = s.scratch;
    int end = runEnd(s, start, count);
    if (count[0] < m.minRun()) {
      return -1;
    }
    byte[] d = decode(s.b, start, s.hi, 64);
    boolean secret;
    DetectorType type = DetectorType.PRIVATE_KEY;
    switch (m.kind()) {
      case PEM:
        secret = isPemPrivateKey(d) || holdsPemPrivateKey(s.b, start, end);
        break;
      case DER:
        secret = isDerPrivateKey(d);
        break;
      case OPENSSH:
        secret = true;
        break;
      case AWS_SESSION:
        secret = true;
        type = DetectorType.AWS_SECRET_KEY;
        break;
      case OPENVPN_STATIC:
        secret = true;
        break;
      default:
        throw new IllegalStateException("unhandled kind " + m.kind());
    }
    return secret && s.add(start, end, type) ? end : -1;
  }

  /**
   * The end of the base64 run at {@code p}, its padding included; {@code count[0]} is set to its number of base64
   * characters (without padding, line breaks and indentation).
   */
  static int runEnd(Scan s, int p, int[] count) {
    int limit = Math.min(s.hi, p + MAX_RUN);
    int width = -1;
    int n = 0;
    int previousEnd = -1;
    while (true) {
      int q = p;
      while (q < limit && isBase64(s.b[q])) {
        q++;
      }
      int seg = q - p;
      int r = q;
      while (r < limit && r - q < 2 && s.b[r] == '=') {
        r++;
      }
      if (previousEnd >= 0 && seg < width && r == q && !endsALine(s, q)) {
        // a shorter last line must end there: "after the key" below a key of whole lines is text, not key
        count[0] = n;
        return previousEnd;
      }
      n += seg;
      if (r > q) {
        count[0] = n;
        return r;
      }
      if ((width < 0 && (seg == 64 || seg == 76)) || seg == width) {
        int next = afterLineBreak(s, q, limit);
        if (next > q && next < limit && isBase64(s.b[next])) {
          width = seg;
          previousEnd = q;
          p = next;
          continue;
        }
      }
      count[0] = n;
      return q;
    }
  }

  /** Whether the byte at {@code q} ends a line of base64: a line break (also JSON-escaped), a quote, the input's end. */
  private static boolean endsALine(Scan s, int q) {
    int c = s.at(q);
    return c == '\n' || c == '\r' || c == '\\' || c == '"' || c == '\'' || (q >= s.hi && s.eof);
  }

  /** After a line break at {@code q} (LF, CRLF, or JSON-escaped {@code \n} / {@code \r\n}) and indentation, or -1. */
  private static int afterLineBreak(Scan s, int q, int limit) {
    int p = q;
    if (s.at(p) == '\r') {
      p++;
    }
    if (s.at(p) == '\n') {
      p++;
    } else if (s.at(p) == '\\' && s.at(p + 1) == 'r' && s.at(p + 2) == '\\' && s.at(p + 3) == 'n') {
      p += 4;
    } else if (s.at(p) == '\\' && s.at(p + 1) == 'n') {
      p += 2;
    } else {
      return -1;
    }
    int indent = 0;
    while (p < limit && indent < 16 && (s.b[p] == ' ' || s.b[p] == '\t')) {
      p++;
      indent++;
    }
    return p;
  }

  /** Decodes the first whole quads of the base64 characters at {@code from} (at most {@code max}). */
  static byte[] decode(byte[] b, int from, int hi, int max) {
    int n = 0;
    while (n < max && from + n < hi && isBase64(b[from + n])) {
      n++;
    }
    n -= n % 4;
    byte[] out = new byte[n / 4 * 3];
    for (int i = 0, o = 0; i < n; i += 4) {
      int v = DECODE[b[from + i] & 0xFF] << 18 | DECODE[b[from + i + 1] & 0xFF] << 12
          | DECODE[b[from + i + 2] & 0xFF] << 6 | DECODE[b[from + i + 3] & 0xFF];
      out[o++] = (byte) (v >> 16);
      out[o++] = (byte) (v >> 8);
      out[o++] = (byte) v;
    }
    return out;
  }

  /**
   * Whether the base64 run {@code b[start, end)} (line breaks, JSON-escaped ones and indentation skipped) decodes to
   * PEM text with a private key block anywhere in it, not only first: {@code openssl ecparam -genkey} writes
   * {@code EC PARAMETERS} before the {@code EC PRIVATE KEY}, a TLS bundle often has the certificate first.
   */
  static boolean holdsPemPrivateKey(byte[] b, int start, int end) {
    byte[] chars = new byte[end - start];
    int n = 0;
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c == '\\' && i + 1 < end && (b[i + 1] == 'n' || b[i + 1] == 'r')) {
        i++;
      } else if (isBase64(c)) {
        chars[n++] = c;
      }
    }
    String text = new String(decode(chars, 0, n, n), StandardCharsets.ISO_8859_1);
    for (int at = text.indexOf("-----BEGIN "); at >= 0; at = text.indexOf("-----BEGIN ", at + 11)) {
      int close = text.indexOf("-----", at + 11);
      if (close > 0 && close - at < 80 && text.substring(at + 11, close).contains("PRIVATE KEY")) {
        return true;
      }
    }
    return false;
  }

  /** {@code -----BEGIN <label>-----} with a label that names a private key. */
  static boolean isPemPrivateKey(byte[] d) {
    String text = new String(d, StandardCharsets.ISO_8859_1);
    if (!text.startsWith("-----BEGIN ")) {
      return false;
    }
    int close = text.indexOf("-----", 11);
    return close > 0 && text.substring(11, close).contains("PRIVATE KEY");
  }

  /** The start of a DER private key structure (see the class comment). */
  static boolean isDerPrivateKey(byte[] d) {
    if (d.length < 8 || (d[0] & 0xFF) != 0x30) {
      return false;
    }
    int l = d[1] & 0xFF;
    int i;
    if (l < 0x80) {
      i = 2;
    } else if (l >= 0x81 && l <= 0x83) {
      i = 2 + (l - 0x80);
    } else {
      return false;
    }
    if (i + 4 > d.length || d[i] != 0x02 || d[i + 1] != 0x01) {
      return false;
    }
    int version = d[i + 2];
    int next = d[i + 3] & 0xFF;
    return (version == 0 && (next == 0x30 || next == 0x02)) || (version == 1 && (next == 0x04 || next == 0x30))
        || (version == 3 && next == 0x30);
  }
}
