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
    int p = tokenEnd(s, start);
    if (p - start < (afterAuthorization(s, last - 5) ? 4 : 16)) {
      return -1; // (a short word after "bearer" in prose is no token; after an Authorization header it is)
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
    Base64Value v = base64Value(s, start);
    if (v == null) {
      return rawUserPassword(s, last - 4, start);
    }
    boolean colon = false;
    for (byte x : v.decoded()) {
      colon |= x == ':';
    }
    int raw = colon || s.at(v.end()) != ' ' ? -1 : rawUserPassword(s, last - 4, start);
    if (raw > 0) {
      return raw; // REST Client's Basic user password, the user's name valid base64 by chance
    }
    // (after an Authorization header's name any base64 is the credential: an API key as Basic's user alone, as
    // Signifyd and others take it; elsewhere "basic" and base64 without user:password may be prose)
    return (colon || afterAuthorizationHeader(s, last - 4)) && s.add(start, v.end(), DetectorType.AUTH_HEADER)
        ? v.end() : -1;
  }

  /** Whether an {@code Authorization:} header's name (any case, blanks before the colon) ends before {@code scheme}. */
  private static boolean afterAuthorizationHeader(Scan s, int scheme) {
    int h = scheme - 1;
    while (h > s.lo && s.b[h] == ' ') {
      h--;
    }
    return s.at(h) == ':' && h - 13 >= s.lo && Bytes.startsWithIgnoreCase(s.b, h - 13, h, "authorization");
  }

  /** At the blank after {@code Digest}: VS Code REST Client's {@code Authorization: Digest user password}. */
  static int digest(Scan s, int last) {
    return Bytes.isWord(s.at(last - 7)) ? -1 : rawUserPassword(s, last - 6, last + 1);
  }

  /**
   * VS Code REST Client's (and httpyac's) request files write a user and password in clear after the scheme word at
   * {@code scheme}, {@code Authorization: Basic user password} or {@code Basic user:password}, {@code Digest user
   * password}: the user a {@link DetectorType#USERNAME}, the password a {@link DetectorType#SECRET}, when they are the
   * line's rest after an {@code Authorization:} header name.
   */
  private static int rawUserPassword(Scan s, int scheme, int start) {
    if (!afterAuthorizationHeader(s, scheme)) {
      return -1;
    }
    int userEnd = start;
    while (userEnd < s.hi && userEnd - start < 128 && s.b[userEnd] > ' ' && s.b[userEnd] != ':') {
      userEnd++;
    }
    int sep = s.at(userEnd);
    if (userEnd == start || (sep != ' ' && sep != ':')) {
      return -1;
    }
    int pw = userEnd + 1;
    int end = pw;
    while (end < s.hi && end - pw < 256 && s.b[end] > ' ') {
      end++;
    }
    int eol = end;
    while (s.at(eol) == ' ' || s.at(eol) == '\t') {
      eol++;
    }
    if (end == pw || (eol < s.hi && s.b[eol] != '\n' && s.b[eol] != '\r') || (sep == ':' && eol >= s.hi && !s.eof)
        || Bytes.indexOf(s.b, start, end, "=") >= 0 || Bytes.indexOf(s.b, start, end, "\"") >= 0) {
      return -1; // more words, or a challenge's parameters (realm="x"): not the two of REST Client's form
    }
    if (!KeyValueDetector.isSystemAccount(s, start, userEnd)) {
      s.add(start, userEnd, DetectorType.USERNAME);
    }
    return s.add(pw, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At the space after {@code AUTH PLAIN} or {@code AUTH XOAUTH2} (SMTP, IMAP's {@code AUTHENTICATE}): the initial
   * response, when it is base64 of what the mechanism sends: PLAIN's {@code authzid NUL user NUL password}
   * (RFC 4616), XOAUTH2's {@code user=… ^Aauth=Bearer …}. The mechanism word stays. Also after the tab of
   * {@code <tab>resp=}, Dovecot's authentication protocol as its auth debug log writes it
   * ({@code AUTH<tab>1<tab>PLAIN<tab>service=imap<tab>…<tab>resp=AGFsaWNl…}).
   */
  static int saslInitialResponse(Scan s, int last, int patternLength, boolean xoauth2) {
    if (s.at(last - patternLength + 1) != '\t' && Bytes.isWord(s.at(last - patternLength))) {
      return -1;
    }
    int start = last + 1;
    Base64Value v = base64Value(s, start);
    if (v == null) {
      return -1;
    }
    byte[] decoded = v.decoded();
    boolean shaped;
    if (xoauth2) {
      shaped = decoded.length > 5 && new String(decoded, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("user=");
    } else {
      int nuls = 0;
      for (byte x : decoded) {
        nuls += x == 0 ? 1 : 0;
      }
      shaped = nuls == 2;
    }
    return shaped && s.add(start, v.end(), DetectorType.AUTH_HEADER) ? v.end() : -1;
  }

  /** A standard base64 value and where it ends. */
  private record Base64Value(int end, byte[] decoded) {}

  /**
   * The standard base64 value at {@code start} (whole quads, padding included, 8 to 4096 characters, no word byte
   * after it), decoded; or null.
   */
  private static Base64Value base64Value(Scan s, int start) {
    int p = start;
    while (p - start < 4096 && (Bytes.isAlnum(s.at(p)) || s.at(p) == '+' || s.at(p) == '/')) {
      p++;
    }
    int data = p;
    int pads = 0;
    while (pads < 2 && (s.at(p) == '=' || (s.at(p) == '%' && s.at(p + 1) == '3' && (s.at(p + 2) | 0x20) == 'd'))) {
      p += s.at(p) == '=' ? 1 : 3; // URL-encoded padding, as OTEL_EXPORTER_OTLP_HEADERS=Authorization=Basic%20…%3D%3D
      pads++;
    }
    int len = data - start + pads;
    if (len < 8 || len % 4 != 0 || Bytes.isWord(s.at(p))) {
      return null;
    }
    byte[] text = new byte[len];
    System.arraycopy(s.b, start, text, 0, data - start);
    java.util.Arrays.fill(text, data - start, len, (byte) '=');
    try {
      return new Base64Value(p, Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** Whether {@code b[start, end)} is standard base64 of text holding a {@code :} ({@code user:password}). */
  static boolean isBase64UserPassword(byte[] b, int start, int end) {
    int len = end - start;
    if (len < 8 || len % 4 != 0 || len > 4096) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(java.util.Arrays.copyOfRange(b, start, end));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    for (byte x : decoded) {
      if (x == ':') {
        return true;
      }
    }
    return false;
  }

  /**
   * At the last byte of {@code authorization}: the credentials of a scheme other than Bearer and Basic (which
   * their own patterns take), as in {@code Authorization: token …}, {@code SSWS …}, {@code ApiKey …}, {@code Bot …},
   * {@code Negotiate …}; of {@code Digest}, the {@code response}; of {@code AWS4-HMAC-SHA256}, the {@code Signature}.
   * The scheme word stays.
   */
  static int otherScheme(Scan s, int last) {
    int p = last + 1;
    if (Bytes.isWord(s.at(last - 13)) && s.at(last - 13) != '_') {
      return -1;
    }
    if (s.at(p) == '\\' && s.at(p + 1) == '"') {
      p += 2;
    } else if (s.at(p) == '"' || s.at(p) == '\'') {
      p++;
    }
    int c = s.at(p);
    if (c != ':' && c != '=') {
      return -1;
    }
    p++;
    if (s.at(p) == '\\' && s.at(p + 1) == '"') {
      p += 2;
    }
    while (s.at(p) == ' ' || s.at(p) == '"' || s.at(p) == '\'') {
      p++;
    }
    int scheme = p;
    while (p - scheme < 32 && (Bytes.isAlnum(s.at(p)) || s.at(p) == '-')) {
      p++;
    }
    if (p > scheme && s.at(p) != ' ' && s.at(p) != '=') { // (key=…: FCM's legacy server key, a token's detector)
      // no scheme word: the whole value is the credential (LaunchDarkly's and Linear's "Authorization: api-…",
      // "Authorization: lin_api_…"), when it is one token of 16 bytes or more with digits (not a setting's word)
      int end = tokenEnd(s, scheme);
      int n = s.at(end);
      boolean ends = n == 0 || n == ' ' || n == '"' || n == '\'' || n == '\n' || n == '\r' || n == ',' || n == '\\';
      int digits = 0;
      for (int d = scheme; d < end; d++) {
        digits += Bytes.isDigit(s.b[d]) ? 1 : 0;
      }
      return end - scheme >= 16 && ends && digits >= 2 && !KeyValueDetector.isPlaceholder(s, scheme, end)
          && s.add(scheme, end, DetectorType.AUTH_HEADER) ? end : -1;
    }
    if (p == scheme || s.at(p) != ' ') {
      return -1;
    }
    if (Bytes.startsWithIgnoreCase(s.b, scheme, p, "bearer") || Bytes.startsWithIgnoreCase(s.b, scheme, p, "basic")) {
      return -1;
    }
    int start = p + 1;
    while (s.at(start) == ' ' && start - p < 4) {
      start++;
    }
    if (Bytes.startsWithIgnoreCase(s.b, scheme, p, "digest")) {
      return parameter(s, start, "response=");
    }
    if (Bytes.startsWithIgnoreCase(s.b, scheme, p, "aws4-hmac-sha256")) {
      return parameter(s, start, "signature=");
    }
    int end = start;
    while (end - start < 8192 && (isTokenChar(s.at(end)) || s.at(end) == '=' || s.at(end) == ':')) {
      end++;
    }
    if (end - start < 8 || KeyValueDetector.isPlaceholder(s, start, end) || s.at(end - 1) == ':') {
      // (a word and its colon is prose: containerd's "may require authorization: server message: …")
      return -1;
    }
    return s.add(start, end, DetectorType.AUTH_HEADER) ? end : -1;
  }

  /** The value of {@code name} (quoted or not) among the comma-separated parameters from {@code from} on the line. */
  private static int parameter(Scan s, int from, String name) {
    int limit = Math.min(s.hi, from + 4096);
    for (int p = from; p < limit && s.b[p] != '\n'; p++) {
      if (Bytes.startsWithIgnoreCase(s.b, p, limit, name) && !Bytes.isWord(s.at(p - 1))) {
        int start = p + name.length();
        boolean quoted = s.at(start) == '"';
        if (quoted) {
          start++;
        }
        int end = start;
        while (end < limit && end - start < 1024 && (Bytes.isBase64Url(s.at(end)) || s.at(end) == '+'
            || s.at(end) == '/' || s.at(end) == '=')) {
          end++;
        }
        return end - start >= 8 && s.add(start, end, DetectorType.AUTH_HEADER) ? end : -1;
      }
    }
    return -1;
  }

  private static int valueStart(Scan s, int last, int wordLength) {
    if (Bytes.isWord(s.at(last - wordLength)) || Bytes.isWord(s.at(last + 1))) {
      return -1;
    }
    int p = last + 1;
    if (s.at(p) == '%' && s.at(p + 1) == '2' && s.at(p + 2) == '0') {
      return p + 3; // URL-encoded, as OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20x writes it
    }
    int spaces = 0;
    while (s.at(p) == ' ' && spaces < 4) {
      p++;
      spaces++;
    }
    return spaces == 0 ? -1 : p;
  }

  /**
   * The end of a token from {@code start}: base64url, {@code . ~ + /}, and inside it {@code ! : =} before more of it
   * (Salesforce's session ids {@code 00D…!AQ4…}, YouTrack's {@code perm:<base64>==.<id>.<secret>}), then padding.
   */
  private static int tokenEnd(Scan s, int start) {
    int p = start;
    while (p - start < 8192) {
      int c = s.at(p);
      if (isTokenChar(c)) {
        p++;
      } else if (p > start && (c == '!' || c == ':' || c == '=')) {
        int q = p;
        while (s.at(q) == '=' && q - p < 3) {
          q++;
        }
        int n = s.at(q == p ? p + 1 : q);
        if (!isTokenChar(n) && !(q > p && (n == '.' || n == '!'))) {
          break;
        }
        p = q == p ? p + 1 : q;
      } else {
        break;
      }
    }
    while (s.at(p) == '=') {
      p++;
    }
    return p;
  }

  private static boolean isTokenChar(int c) {
    return Bytes.isBase64Url(c) || c == '.' || c == '~' || c == '+' || c == '/';
  }

  /**
   * At the end of SMTP's {@code 334 UGFzc3dvcmQ6} ({@code Password:}) or {@code 334 VXNlcm5hbWU6} ({@code Username:})
   * challenge of {@code AUTH LOGIN} in a protocol trace (swaks, {@code openssl s_client}, a mail server's debug log):
   * the client's base64 response alone on the next line (after a {@code C: }, {@code > } or swaks' {@code  ~> }
   * prefix) is the password, a {@code secret}, or the user name, a {@code user}. The challenges are fixed, so the line
   * is unambiguous.
   */
  static int smtpLoginResponse(Scan s, int last, DetectorType type) {
    if (!Bytes.startsWith(s.b, last - 15, s.hi, "334 ")) {
      return -1;
    }
    int eol = last + 1;
    if (s.at(eol) == '\r') {
      eol++;
    }
    if (s.at(eol) != '\n') {
      return -1;
    }
    int p = eol + 1;
    for (String prefix : new String[] {"C: ", "C:", "> ", ">>> ", "<<< ", "-> ", " ~> ", "~> "}) {
      if (Bytes.startsWith(s.b, p, s.hi, prefix)) {
        p += prefix.length();
        break;
      }
    }
    int end = p;
    while (end < s.hi && end - p < 1024 && (Bytes.isAlnum(s.b[end]) || s.b[end] == '+' || s.b[end] == '/'
        || s.b[end] == '=')) {
      end++;
    }
    int after = s.at(end);
    if (end - p < 4 || !(after == '\n' || after == '\r' || (end >= s.hi && s.eof))) {
      return -1;
    }
    return s.add(p, end, type) ? end : -1;
  }

  /**
   * Whether an {@code Authorization} header's name ends before {@code scheme} (the scheme word's first byte): then
   * {@code :}, {@code =} or blanks, a quote perhaps ({@code Authorization: Bearer x}, {@code Authorization=Bearer%20x},
   * Fluent Bit's {@code Header Authorization Bearer x}, a flow map's {@code Authorization: "Bearer x"}).
   */
  private static boolean afterAuthorization(Scan s, int scheme) {
    int p = scheme;
    int n = 0;
    while (p > s.lo && n < 8 && (s.b[p - 1] == ' ' || s.b[p - 1] == '"' || s.b[p - 1] == '\'' || s.b[p - 1] == ':'
        || s.b[p - 1] == '=' || s.b[p - 1] == '\t')) {
      p--;
      n++;
    }
    return n > 0 && p - 13 >= s.lo && Bytes.startsWithIgnoreCase(s.b, p - 13, p, "authorization");
  }
}
