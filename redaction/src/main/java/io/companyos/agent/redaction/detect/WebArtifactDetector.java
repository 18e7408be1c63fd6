package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;

/**
 * Shapes of web applications' support artifacts and telemetry (session 28's red teams): a SAML message in base64
 * after a label, session stores' keys, a password reset link's token, Postman's API key auth, error trackers' user
 * objects and SCIM's formatted name.
 */
final class WebArtifactDetector {
  private WebArtifactDetector() {}

  /** The base64 starts of {@code <samlp}, {@code <saml2}, {@code <saml:} and {@code <?xml }, case and all. */
  private static final String[] SAML_STARTS = {"PHNhbWxw", "PHNhbWwy", "PHNhbWw6", "PD94bWwg"};

  /**
   * At the last byte of a SAML element's base64 start ({@code PHNhbWxw…}, see {@link #SAML_STARTS}) of {@code length}
   * bytes: the whole base64 run, of 100 bytes or more, is a {@link DetectorType#SECRET} (an assertion holds the user's
   * NameID and attributes and logs one in); an XML declaration's counts only when the decoded text names SAML.
   */
  static int samlBase64(Scan s, int last, int length) {
    int start = last - length + 1;
    if (Base64SecretDetector.isBase64(s.at(start - 1)) || s.at(start - 1) == '=') {
      return -1; // (inside a run; SAMLResponse=PHN… is its key's)
    }
    String head = null;
    for (String magic : SAML_STARTS) {
      if (Bytes.startsWith(s.b, start, s.hi, magic)) {
        head = magic;
      }
    }
    int p = start;
    while (p < s.hi && p - start < (1 << 20) && Base64SecretDetector.isBase64(s.b[p])) {
      p++;
    }
    while (p < s.hi && p - start < (1 << 20) && s.b[p] == '=') {
      p++; // padding
    }
    if (head == null || p - start < 100) {
      return -1;
    }
    if (head.equals("PD94bWwg")) {
      String xml = new String(Base64SecretDetector.decode(s.b, start, p, 4096), StandardCharsets.ISO_8859_1);
      if (!xml.contains("saml") && !xml.contains("SAML")) {
        return -1; // another XML document in base64
      }
    }
    return s.add(start, p, DetectorType.SECRET) ? p : -1;
  }

  /**
   * At the colon that ends a session store's key prefix of {@code length} bytes ({@code sess:} of express-session's
   * connect-redis, {@code k:session:} of Rack's {@code rack:session:}, Django's {@code django.contrib.sessions.cache},
   * {@code magiclink:}): the id after it, a session's or a login link's bearer credential, when it looks generated (16
   * bytes or more, with a digit or both cases).
   */
  static int sessionStoreKey(Scan s, int last, int length) {
    int first = last - length + 1;
    if (s.at(first) != 'k' && Bytes.isWord(s.at(first - 1))) {
      return -1; // sess: and magiclink: start a key, not "obsess:"
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && (Bytes.isAlnum(s.b[end]) || s.b[end] == '_' || s.b[end] == '-')) {
      end++;
    }
    if (end - start < 16 || !(KeyValueDetector.hasDigit(s, start, end) || mixedCase(s, start, end))) {
      return -1; // (a session id in base64url may hold no digit)
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }

  private static boolean mixedCase(Scan s, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    for (int p = start; p < end; p++) {
      upper |= Bytes.isUpper(s.b[p]);
      lower |= Bytes.isLower(s.b[p]);
    }
    return upper && lower;
  }

  /**
   * At the last {@code /} of {@code /reset/} or {@code reset/confirm/}: a password reset link's token, Django's {@code /reset/<uidb64>/<token>/}
   * (the user's id in base64 stays) or a single {@code /reset/<token>}: 20 URL-safe bytes or more, letters and digits.
   */
  static int resetLink(Scan s, int last, int length) {
    int before = s.at(last - length);
    if (before != '/' && before != '_' && before != '-') {
      return -1; // /reset/, password_reset/confirm/; not preset/
    }
    int a = last + 1;
    int p = segmentEnd(s, a);
    if (s.at(p) == '/' && p - a <= 24 && p > a) {
      int b = p + 1;
      int q = segmentEnd(s, b);
      if (isToken(s, b, q)) {
        return s.add(b, q, DetectorType.SECRET) ? q : -1;
      }
    }
    return isToken(s, a, p) && s.add(a, p, DetectorType.SECRET) ? p : -1;
  }

  private static int segmentEnd(Scan s, int p) {
    int from = p;
    while (p < s.hi && p - from < 256 && (Bytes.isAlnum(s.b[p]) || s.b[p] == '_' || s.b[p] == '-')) {
      p++;
    }
    return p;
  }

  private static boolean isToken(Scan s, int start, int end) {
    return end - start >= 20 && KeyValueDetector.hasLetter(s, start, end) && KeyValueDetector.hasDigit(s, start, end)
        && !KeyValueDetector.isPlaceholder(s, start, end);
  }

  /**
   * At the closing quote of Postman's {@code "key": "value"} (an API key auth entry: the entry named {@code value}
   * holds the key, the one named {@code key} the header's name): the {@code "value"} field after it.
   */
  static int postmanApiKey(Scan s, int last) {
    int p = KeyedForms.skipWhite(s, last + 1);
    if (s.at(p) != ',') {
      return -1;
    }
    int open = KeyedForms.harValue(s, p + 1);
    int end = open < 0 ? -1 : KeyedForms.stringEnd(s, open);
    if (end <= open + 1 || s.at(open + 1) == '{' || KeyValueDetector.isPlaceholder(s, open + 1, end)) {
      return -1; // ({{apiKey}}: a variable)
    }
    return s.add(open + 1, end, DetectorType.SECRET) ? end : -1;
  }

  /**
   * At the opening quote of {@code "user": {"id": "…"} or Datadog's {@code "usr": {"id": "…"}}: the user's id when it is
   * a name (a letter, no blank; not a number, a UUID or a hash), as {@code user_id} takes one.
   */
  static int userObjectId(Scan s, int last) {
    int start = last + 1;
    int end = KeyedForms.stringEnd(s, last);
    if (end < 0 || end - start > 64 || !KeyValueDetector.isNameId(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * At the colon of {@code "formatted":}: SCIM's formatted name, {@code "name": {"givenName": …, "formatted": "Jill
   * Valentine"}}, a {@link DetectorType#PERSON_NAME}, and an address's, {@code "addresses": [{"formatted": "…"}]}, a
   * {@link DetectorType#STREET_ADDRESS}; other objects' formatted values stay.
   */
  static int scimFormatted(Scan s, int last) {
    if (s.at(last - 11) != '"' || s.at(last - 10) != 'f' || s.at(last - 9) != 'o') {
      return -1; // (the pattern is rmatted": , "fo before it is checked here)
    }
    int open = KeyedForms.skipWhite(s, last + 1);
    int end = s.at(open) == '"' ? KeyedForms.stringEnd(s, open) : -1;
    if (end <= open + 1) {
      return -1;
    }
    String key = enclosingKey(s, last - 11);
    DetectorType type = "name".equals(key) ? DetectorType.PERSON_NAME
        : "addresses".equals(key) || "address".equals(key) ? DetectorType.STREET_ADDRESS : null;
    if (type == null || !KeyValueDetector.hasLetter(s, open + 1, end)) {
      return -1;
    }
    return s.add(open + 1, end, type) ? end : -1;
  }

  /**
   * The key of the object that holds the field starting at {@code p} ({@code "name"} of {@code "name": {…, here}), or
   * of the array that holds that object, read back over at most 1 KiB of the same object; {@code null} if none.
   */
  static String enclosingKey(Scan s, int p) {
    int k = KeyedForms.openingBracket(s, p, s.lo, 1024);
    if (k < 0 || s.b[k] != '{') {
      return null;
    }
    k = KeyedForms.skipWhiteBack(s, k - 1);
    if (k >= s.lo && s.b[k] == '[') {
      k = KeyedForms.skipWhiteBack(s, k - 1);
    }
    if (k < s.lo || s.b[k] != ':') {
      return null;
    }
    k--;
    while (k >= s.lo && s.b[k] == ' ') {
      k--;
    }
    if (k < s.lo || s.b[k] != '"') {
      return null;
    }
    int close = k;
    k--;
    while (k >= s.lo && close - k < 32 && s.b[k] != '"') {
      k--;
    }
    return k >= s.lo && s.b[k] == '"' ? new String(s.b, k + 1, close - k - 1, StandardCharsets.ISO_8859_1) : null;
  }

  /**
   * At the last {@code /} of {@code otpauth://totp/} or {@code otpauth://hotp/} (an authenticator's QR payload): the
   * account in the label, {@code Issuer:account} or {@code account} up to the {@code ?} (also after a URL-encoded
   * colon, {@code %3A}), a {@link DetectorType#USERNAME}; an e-mail address there is the e-mail detector's.
   */
  static int otpauthLabel(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 256 && s.b[end] != '?' && s.b[end] > ' ' && s.b[end] != '"') {
      end++;
    }
    if (s.at(end) != '?') {
      return -1;
    }
    int account = start;
    for (int p = start; p < end; p++) {
      if (s.b[p] == ':') {
        account = p + 1;
      } else if (s.b[p] == '%' && s.at(p + 1) == '3' && (s.at(p + 2) | 0x20) == 'a') {
        account = p + 3;
      }
    }
    if (account == end || Bytes.indexOf(s.b, account, end, "@") >= 0 || Bytes.indexOf(s.b, account, end, "%40") >= 0
        || !KeyValueDetector.hasLetter(s, account, end)) {
      return -1;
    }
    return s.add(account, end, DetectorType.USERNAME) ? end : -1;
  }

  /**
   * At the colon of {@code |s:} in PHP's serialized session ({@code session_encode}: {@code login_ok|b:1;csrf|s:32:"…";}
   * in a session file or a memcached value): the string after the length, typed by its name as a key's value
   * ({@code csrf}, {@code user_email}, {@code password}); other names' values stay.
   */
  static int phpSessionValue(Scan s, int last) {
    int bar = last - 2;
    int name = bar;
    while (name > s.lo && bar - name < 64 && (Bytes.isAlnum(s.b[name - 1]) || s.b[name - 1] == '_')) {
      name--;
    }
    int digits = Bytes.digitRun(s.b, last + 1, s.hi, 7);
    int open = last + 1 + digits;
    if (name == bar || digits == 0 || s.at(open) != ':' || s.at(open + 1) != '"') {
      return -1;
    }
    int start = open + 2;
    int end = KeyValueDetector.closingQuote(s, start, '"');
    Trigger t = end > start ? KeyNames.trigger(new String(s.b, name, bar - name, StandardCharsets.ISO_8859_1)) : null;
    if (t == null || t.action() != Trigger.Action.KEY_VALUE || s.at(end + 1) != ';') {
      return -1;
    }
    return KeyValueDetector.accept(s, t, start, end);
  }
}
