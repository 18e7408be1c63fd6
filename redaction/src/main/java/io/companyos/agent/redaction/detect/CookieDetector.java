package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Cookie values, which are bearer credentials (a session cookie is a login): after {@code Cookie:} every
 * {@code name=value} pair's value, after {@code Set-Cookie:} the first pair's value (the attributes that follow,
 * {@code Path=/}, {@code HttpOnly}, {@code Expires=…}, are not secret), if at least {@link #MIN_VALUE} bytes long; a
 * JWT value counts as {@link DetectorType#JWT}. Also as a JSON field ({@code "cookie":"…"}, JSON-escaped too), as
 * {@code cookie=} / {@code http_cookie=}, and in brackets ({@code Cookie:[a=…]} of Go's and Spring's header dumps).
 * The cookie names stay.
 */
final class CookieDetector {
  /** Shorter values are preferences and flags ({@code theme=dark}, {@code lang=en-US}, {@code x=1}), not sessions. */
  static final int MIN_VALUE = 8;

  private CookieDetector() {}

  /** At the last byte of {@code ookie} (the pattern: see {@link TriggerCatalog}). */
  static int find(Scan s, int last) {
    int ws = last - 5;
    int before = s.at(ws - 1);
    if (Bytes.lower(s.at(ws)) != 'c' || Bytes.isAlnum(before)) {
      return -1;
    }
    if (Bytes.isWord(s.at(last + 1))) {
      return s.at(last + 1) == 's' && before == '"' ? cookies(s, last + 2) : -1;
    }
    boolean set = (before == '-' || before == '_') && Bytes.startsWithIgnoreCase(s.b, ws - 4, ws, "set");
    int p = last + 1;
    if (s.at(p) == '\\' && s.at(p + 1) == '"') {
      p += 2;
    } else if (s.at(p) == '"' || s.at(p) == '\'') {
      p++;
    }
    int nameQuote = s.at((set ? ws - 4 : ws) - 1);
    int har = s.at(p) == ',' && s.at(p - 1) == '"' && nameQuote == '"' ? KeyedForms.harValue(s, p + 1) : -1;
    int pair = har < 0 && s.at(p) == ',' && (nameQuote == '\'' || nameQuote == '"') && s.at(p - 1) == nameQuote
        ? KeyedForms.skipWhite(s, p + 1) : -1;
    if (har > 0) {
      p = har; // a HAR file's header, {"name": "Cookie", "value": "a=x; b=y"}, also pretty-printed over two lines
    } else if (pair > 0 && s.at(pair) == nameQuote) {
      // Envoy's header dump, one pair per line: 'cookie', 'a=x; b=y' (oauth2-proxy's SSO cookie among them); an
      // error tracker's header pairs, ["Cookie", "a=x"], also pretty-printed one item a line
      p = pair;
    } else if (s.at(p) != ':' && s.at(p) != '=') {
      return -1;
    } else {
      p++;
    }
    while (s.at(p) == ' ' && p - last < 12) {
      p++;
    }
    int closer = enclosingCloser(s, ws); // Netty's DefaultHttpHeaders[…, Cookie: a=x], OkHttp's {…}, (…)
    boolean bracket = s.at(p) == '[';
    if (bracket) {
      p++; // Go's header map and Spring's request details, Cookie:[a=b; c=d]; JSON's "Cookie":["a=b"]
      while (s.at(p) == ' ' && p - last < 16) {
        p++; // Node's util.inspect: 'set-cookie': [ 'a=b; Path=/' ]
      }
    }
    int r = -1;
    for (int item = 0; item < 16; item++) {
      int q = s.at(p);
      r = Math.max(r, pairs(s, p, set, bracket, closer));
      int next = bracket && (q == '"' || q == '\'') ? nextItem(s, p, q) : -1;
      if (next < 0) {
        return r;
      }
      p = next; // each item of a list of Set-Cookie headers is a cookie of its own
    }
    return r;
  }

  /**
   * After a quoted list item at {@code open} (quote {@code q}): the start of the next quoted item of the list
   * ({@code 'a=x; Path=/', 'b=y'}), or -1 at the list's end.
   */
  private static int nextItem(Scan s, int open, int q) {
    int p = open + 1;
    while (p < s.hi && p - open < 4096 && s.b[p] != q && s.b[p] != '\n') {
      p++;
    }
    if (s.at(p) != q || s.at(p + 1) != ',') {
      return -1;
    }
    p += 2;
    while (s.at(p) == ' ' && p - open < 4112) {
      p++;
    }
    return s.at(p) == q ? p : -1;
  }

  /** The cookie pairs from {@code p} (at an optional opening quote): each value a secret (a JWT as one). */
  private static int pairs(Scan s, int p, boolean set, boolean bracket, int closer) {
    if (s.at(p) == '\\' && s.at(p + 1) == '"') {
      p += 2;
    } else if (s.at(p) == '"' || s.at(p) == '\'') {
      p++;
    }
    int r = -1;
    for (int pairs = 0; pairs < 64; pairs++) {
      int name = p;
      while (p - name < 256 && isNameByte(s.at(p))) {
        p++;
      }
      if (p == name || s.at(p) != '=') {
        return r;
      }
      int start = ++p;
      while (p - start < 4096 && isValueByte(s.at(p)) && !(bracket && s.at(p) == ']') && s.at(p) != closer
          && !(s.at(p) == '[' && s.at(p + 1) == '\\')) { // (Apache HttpClient's wire log ends a line "[\r][\n]")
        p++;
      }
      if (JwtDetector.end(s, start) == p) {
        if (s.add(start, p, DetectorType.JWT)) {
          r = p;
        }
      } else if (p - start >= MIN_VALUE && !KeyValueDetector.isPlaceholder(s, start, p)
          && s.add(start, p, DetectorType.SECRET)) {
        r = p;
      }
      if (set || s.at(p) != ';') {
        return r;
      }
      p++;
      while (s.at(p) == ' ') {
        p++;
      }
    }
    return r;
  }

  /**
   * At the byte after {@code "cookies}: a JSON field of cookies, as a HAR file's request and response have
   * ({@code "cookies": [{"name": "sid", "value": "x", "path": "/"}, …]}) and an error tracker's request holds
   * ({@code "cookies": {"sid": "x"}}, {@code "cookies": "sid=x; theme=dark"}): each cookie's value of
   * {@link #MIN_VALUE} bytes or more is a secret (a JWT counts as one), its name stays. Pretty-printed over many
   * lines too, up to 64 cookies or the window's end.
   */
  private static int cookies(Scan s, int p) {
    if (s.at(p) != '"') {
      return -1;
    }
    p = KeyedForms.skipWhite(s, p + 1);
    if (s.at(p) != ':') {
      return -1;
    }
    p = KeyedForms.skipWhite(s, p + 1);
    int open = s.at(p);
    if (open == '"') {
      return pairs(s, p, false, false, 0);
    }
    if (open != '[' && open != '{') {
      return -1;
    }
    int r = -1;
    p = KeyedForms.skipWhite(s, p + 1);
    for (int item = 0; item < 64; item++) {
      if (open == '[' && s.at(p) == '[') {
        // ["sid", "x"]: an error tracker's pairs (Sentry's cookies), also pretty-printed one item a line
        int name = s.at(KeyedForms.skipWhite(s, p + 1)) == '"' ? KeyedForms.skipWhite(s, p + 1) : -1;
        int nameEnd = name < 0 ? -1 : KeyedForms.stringEnd(s, name);
        int comma = nameEnd < 0 ? -1 : KeyedForms.skipWhite(s, nameEnd + 1);
        int value = comma < 0 || s.at(comma) != ',' ? -1 : KeyedForms.skipWhite(s, comma + 1);
        int valueEnd = value < 0 || s.at(value) != '"' ? -1 : KeyedForms.stringEnd(s, value);
        int close = valueEnd < 0 ? -1 : KeyedForms.skipWhite(s, valueEnd + 1);
        if (close < 0 || s.at(close) != ']') {
          return r;
        }
        r = Math.max(r, cookieValue(s, value + 1, valueEnd));
        p = close + 1;
      } else if (open == '[') {
        // {"name": "sid", "value": "x", …}: the value field's string, wherever it stands in the object
        if (s.at(p) != '{') {
          return r;
        }
        int q = p + 1;
        int value = -1;
        while (q < s.hi && q - p < 8192 && s.b[q] != '}') {
          if (s.b[q] == '"') {
            int end = KeyedForms.stringEnd(s, q);
            if (end < 0) {
              return r;
            }
            if (end - q == 6 && Bytes.startsWith(s.b, q, s.hi, "\"value\"")) {
              value = KeyedForms.skipWhite(s, end + 1);
              value = s.at(value) == ':' ? KeyedForms.skipWhite(s, value + 1) : -1;
            }
            q = end + 1;
          } else {
            q++;
          }
        }
        if (s.at(q) != '}') {
          return r;
        }
        if (value > 0 && s.at(value) == '"') {
          r = Math.max(r, cookieValue(s, value + 1, KeyedForms.stringEnd(s, value)));
        }
        p = q + 1;
      } else {
        // "sid": "x": the member's value, if it is a string
        if (s.at(p) != '"') {
          return r;
        }
        int name = KeyedForms.stringEnd(s, p);
        int value = name < 0 ? -1 : KeyedForms.skipWhite(s, name + 1);
        if (value < 0 || s.at(value) != ':') {
          return r;
        }
        value = KeyedForms.skipWhite(s, value + 1);
        if (s.at(value) == '"') {
          int end = KeyedForms.stringEnd(s, value);
          if (end < 0) {
            return r;
          }
          if (!KeyNames.isCookieAttribute(new String(s.b, p + 1, name - p - 1, java.nio.charset.StandardCharsets.ISO_8859_1))) {
            r = Math.max(r, cookieValue(s, value + 1, end)); // (a settings file's "cookies": {"domain": …} stays)
          }
          p = end + 1;
        } else {
          p = value;
          while (p < s.hi && p - value < 64 && s.b[p] != ',' && s.b[p] != '}') {
            p++; // a number, true, null
          }
        }
      }
      p = KeyedForms.skipWhite(s, p);
      if (s.at(p) != ',') {
        return r;
      }
      p = KeyedForms.skipWhite(s, p + 1);
    }
    return r;
  }

  /**
   * After curl's {@code -b '} / {@code -b "} (at the quote) or {@code --cookie } / {@code --cookie=}: the cookie
   * pairs, {@code -b 'sid=x; theme=dark'}; a file name ({@code -b cookies.txt}) has no pair and stays.
   */
  static int commandLine(Scan s, int last) {
    int p = s.at(last) == '"' || s.at(last) == '\'' ? last : last + 1;
    return pairs(s, p, false, false, 0);
  }

  /**
   * At the quote after {@code Cookie(} of devtools' "Copy as PowerShell", {@code New-Object System.Net.Cookie("name",
   * "value", "/", "host")}: the cookie's value.
   */
  static int powershell(Scan s, int last) {
    if (last - 11 < s.lo || !Bytes.startsWithIgnoreCase(s.b, last - 11, last, "net.")) {
      return -1; // (the pattern is cookie(" : "net." before it is checked here)
    }
    int p = last;
    int name = KeyedForms.stringEnd(s, p);
    if (name < 0 || s.at(name + 1) != ',') {
      return -1;
    }
    int open = KeyedForms.skipWhite(s, name + 2);
    return s.at(open) == '"' ? cookieValue(s, open + 1, KeyedForms.stringEnd(s, open)) : -1;
  }

  /** A cookie's value in {@code [start, end)} (a JSON string's content): a JWT, or a secret from MIN_VALUE bytes. */
  private static int cookieValue(Scan s, int start, int end) {
    if (end < 0) {
      return -1;
    }
    if (JwtDetector.end(s, start) == end) {
      return s.add(start, end, DetectorType.JWT) ? end : -1;
    }
    if (end - start >= MIN_VALUE && !KeyValueDetector.isPlaceholder(s, start, end)
        && s.add(start, end, DetectorType.SECRET)) {
      return end;
    }
    return -1;
  }

  /**
   * The bracket that closes one opened before {@code p} on its line and not closed there ({@code ]}, {@code }} or
   * {@code )}), or 0: a header dump's list around the {@code Cookie} header, which a cookie's value does not take.
   */
  private static int enclosingCloser(Scan s, int p) {
    int square = 0;
    int curly = 0;
    int round = 0;
    for (int k = p - 1; k >= s.lo && p - k < 1024; k--) {
      int c = s.b[k];
      if (c == '\n') {
        return 0;
      } else if (c == ']') {
        square++;
      } else if (c == '}') {
        curly++;
      } else if (c == ')') {
        round++;
      } else if (c == '[' && square-- == 0) {
        return ']';
      } else if (c == '{' && curly-- == 0) {
        return '}';
      } else if (c == '(' && round-- == 0) {
        return ')';
      }
    }
    return 0;
  }

  /** RFC 6265 token bytes: no separators, blanks or controls. */
  private static boolean isNameByte(int c) {
    return c > ' ' && c < 0x7F && c != '=' && c != ';' && c != ',' && c != '"' && c != '\\' && c != '\''
        && c != '(' && c != ')' && c != '<' && c != '>' && c != '@' && c != ':' && c != '/' && c != '['
        && c != ']' && c != '?' && c != '{' && c != '}';
  }

  /** Cookie-octets (and {@code =}, which base64 values hold): up to a {@code ;}, blank, quote or backslash. */
  private static boolean isValueByte(int c) {
    return c > ' ' && c != ';' && c != ',' && c != '"' && c != '\\' && c != '\'' && c != 0x7F;
  }

  /**
   * At the blank of {@code cookie with value }: Keycloak's {@code Set AUTH_SESSION_ID cookie with value
   * 4f3c2a1e-….node1} and {@code Found … cookie with value …} (DEBUG): the cookie's value, a session's
   * credential.
   */
  static int withValue(Scan s, int last) {
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < 1024 && (s.b[end] & 0xFF) > ' ' && s.b[end] != ',' && s.b[end] != ';') {
      end++;
    }
    if (end - start < 8 || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    return s.add(start, end, DetectorType.SECRET) ? end : -1;
  }
}
