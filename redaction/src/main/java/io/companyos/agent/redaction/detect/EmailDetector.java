package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.Set;

/**
 * E-mail addresses, triggered by {@code @} or URL-encoded {@code %40}. The local part is read backwards
 * from the trigger, the domain forwards; the domain needs a dot and an alphabetic top-level label, which
 * leaves Java object references ({@code Entry@9c8ca583}), {@code user@db} log prefixes and npm versions
 * ({@code pkg@1.2.3}) alone. Image names such as {@code icon@2x.png} are not addresses.
 */
final class EmailDetector {
  private static final Set<String> FILE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js", "map", "html", "json", "ico");
  /** systemd's instantiated units ({@code postgresql@16-main.service}, {@code getty@tty1.service}): none is a TLD. */
  private static final Set<String> SYSTEMD_UNIT_TYPES = Set.of("service", "socket", "timer", "mount", "automount",
      "target", "slice", "scope", "path", "device", "swap");

  private EmailDetector() {}

  /** At an {@code @}. */
  static int find(Scan s, int at) {
    return match(s, at, at + 1);
  }

  /**
   * The end of the percent escape of a non-alphanumeric byte at {@code i} ({@code %22}, {@code %3C}, not {@code %41}),
   * if the local part goes on after it, else {@code i}.
   */
  private static int pct(byte[] b, int i, int localEnd) {
    if (i + 3 < localEnd && b[i] == '%' && Bytes.isHex(b[i + 1]) && Bytes.isHex(b[i + 2])) {
      int c = Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16);
      return Bytes.isAlnum(c) ? i : i + 3;
    }
    return i;
  }

  /** At the {@code %} of {@code %40}. */
  static int findEncoded(Scan s, int pct) {
    if (s.at(pct + 1) != '4' || s.at(pct + 2) != '0') {
      return -1;
    }
    return match(s, pct, pct + 3);
  }

  private static int match(Scan s, int localEnd, int domainStart) {
    byte[] b = s.b;
    int floor = s.floor();
    int st = localEnd;
    while (st > floor && localEnd - st < 64) {
      if (isLocal(b[st - 1])) {
        st--;
      } else {
        int n = Bytes.letterBefore(b, st, floor, localEnd); // RFC 6531: jürgen@, 用户@; not a « before the address
        if (n == 0) {
          break;
        }
        st -= n;
      }
    }
    st = Bytes.pastEscape(b, st, floor, localEnd);
    while (pct(b, st, localEnd) > st) {
      st += 3; // a URL's %22jane%40acme.com, %3Cjane…: the escape is the quote or bracket around the address
    }
    while (st < localEnd && (b[st] == '.' || b[st] == '-')) {
      st++;
    }
    if (st == localEnd && domainStart - localEnd == 3 && localEnd == floor && floor > s.lo && s.matches.size() > 0
        && s.matches.end(s.matches.size() - 1) == floor) {
      // a URL-encoded address whose local part went with the match before it (10.20.30.40%40example.org: the IPv4
      // address's): the domain is still the address's, as when every position is tried (InsideMatchesTest). Not at
      // a plain @, where a URL's password or a SIP URI's number ends before its host.
      int end = domainEnd(s, domainStart);
      return end > domainStart && s.add(localEnd, end, DetectorType.EMAIL) ? end : -1;
    }
    if (st == localEnd) {
      return -1;
    }
    int end = domainEnd(s, domainStart);
    if (end < 0) {
      return -1;
    }
    if (s.at(st - 1) == '<' && s.at(end) == '>' && s.enabled(DetectorType.PERSON_NAME)) {
      displayName(s, st - 1);
    }
    // (only before a port or a path: "contact:jane@example.com" and mailto: stay addresses)
    boolean authority = (s.at(end) == ':' && Bytes.isDigit(s.at(end + 1))) || s.at(end) == '/';
    int user = authority && s.at(st - 1) == ':' ? userBeforeColon(s, st - 1) : -1;
    if (user >= 0 && !(st - 1 - user == 6 && Bytes.startsWithIgnoreCase(s.b, user, st - 1, "mailto"))) {
      // user:password@host:port or …/path without a scheme ("Connect to admin:pw@hooks.example.internal:443 failed",
      // mongosh's argument): the "local part" is the password, which an address token would keep in the reverse map
      if (!KeyValueDetector.isSystemAccount(s, user, st - 1)) {
        s.add(user, st - 1, DetectorType.USERNAME);
      }
      return s.add(st, localEnd, DetectorType.SECRET) ? localEnd : -1;
    }
    if (isCallId(s, st)) {
      return -1; // SIP's Call-ID: a84b4c76e66710@pc33.atlanta.com, a random id and a host, no address
    }
    if (localEnd - st == 3 && Bytes.startsWith(s.b, st, localEnd, "git") && s.at(end) == ':'
        && s.at(end + 1) > ' ' && !Bytes.isDigit(s.at(end + 1))) {
      return -1; // git over ssh, git@gitlab.example.internal:group/repo.git: the host is the host detectors'
    }
    return s.add(st, end, DetectorType.EMAIL) ? end : -1;
  }

  /** Whether the text before {@code st} is SIP's {@code Call-ID: } header (or its compact form {@code i: }). */
  static boolean isCallId(Scan s, int st) {
    return (st - 9 >= s.lo && Bytes.startsWithIgnoreCase(s.b, st - 9, st, "call-id: "))
        || (st - 8 >= s.lo && Bytes.startsWithIgnoreCase(s.b, st - 8, st, "call-id:"))
        || (st - 3 >= s.lo && (st - 3 == s.lo || s.b[st - 4] == '\n') && Bytes.startsWith(s.b, st - 3, st, "i: "));
  }

  /**
   * The start of a user name that ends at the colon {@code colon} and starts a word (after a blank, a quote, a line's
   * start or {@code //}), or -1: {@code admin:} of {@code admin:pw@host}.
   */
  static int userBeforeColon(Scan s, int colon) {
    int u = colon;
    while (u > s.lo && colon - u < 64 && (Bytes.isAlnum(s.b[u - 1]) || s.b[u - 1] == '_' || s.b[u - 1] == '-'
        || s.b[u - 1] == '.')) {
      u--;
    }
    int before = u > s.lo ? s.b[u - 1] : ' ';
    return u < colon && Bytes.isAlpha(s.at(u)) && (before == ' ' || before == '"' || before == '\'' || before == '\n'
        || before == '\t' || before == '=') ? u : -1;
  }

  /**
   * Before the {@code <} of {@code <address>}: the display name of RFC 5322's {@code Jane Doe <jane@…>} (git's
   * {@code Author:} and {@code Signed-off-by:}, mail headers, CRM logs), as a person's name: two to four words, each
   * starting with a capital or a non-ASCII letter (surname particles between them: {@code Jan de Vries}), quoted, or
   * after {@code ": "}, {@code ", "}, a tab, the start
   * of the line, a JSON string's quote or a list's bracket. {@code sent to Jane Doe <…>} (a lower-case word before) stays.
   */
  static void displayName(Scan s, int lt) {
    int floor = s.floor();
    int end = lt - 1;
    if (end <= floor || s.b[end] != ' ') {
      return;
    }
    if (s.at(end - 1) == '"') {
      quotedName(s, floor, end - 1);
      return;
    }
    int start = end;
    int words = 0;
    int p = end;
    while (true) {
      int w = p;
      while (w > floor && p - w < 32 && isNameByte(s.b[w - 1])) {
        w--;
      }
      if (w == p) {
        break;
      }
      if (!(Bytes.isUpper(s.b[w] & 0xFF) || s.b[w] < 0)) {
        // a surname particle between capitalised words (Jan de Vries, Ana da Silva): taken when one comes before it
        if (words == 0 || !KeyValueDetector.isSurnameParticle(s, w, p) || w - 1 <= floor || s.b[w - 1] != ' ') {
          break;
        }
        p = w - 1;
        continue;
      }
      start = w;
      words++;
      if (words > 4 || w - 1 <= floor || s.b[w - 1] != ' ') {
        break;
      }
      p = w - 1;
    }
    if (words < 2 || words > 4) {
      return;
    }
    int before = start > s.lo ? s.b[start - 1] : '\n';
    // (also at a JSON string's or a list's start: {"from":"Jane Doe <jane@…>"}, recipients=[Jane Doe <jane@…>])
    if (before == '\n' || before == '\t' || before == '"' || before == '[' || before == '='
        || (before == ' ' && (s.at(start - 2) == ':' || s.at(start - 2) == ',' || afterColonBlanks(s, start - 1)
            || afterAbbreviatedSha(s, start - 1)))) {
      s.add(start, end, DetectorType.PERSON_NAME);
    }
  }

  /** Whether blanks end at {@code blank} after a colon: git's padded {@code Author:     Jane Doe <…>}. */
  private static boolean afterColonBlanks(Scan s, int blank) {
    int p = blank;
    while (p > s.lo && blank - p < 16 && s.b[p] == ' ') {
      p--;
    }
    return s.b[p] == ':' && blank - p >= 2;
  }

  /**
   * Whether an abbreviated commit at a line's start ends before {@code blank}: git's one-line formats ({@code 7c1d9e2
   * Jane Doe <…> subject}, {@code %h %an <%ae>}), 7 to 12 lower-case hex digits.
   */
  private static boolean afterAbbreviatedSha(Scan s, int blank) {
    int p = blank;
    while (p > s.lo && blank - p <= 12 && Bytes.isHex(s.b[p - 1]) && !Bytes.isUpper(s.b[p - 1])) {
      p--;
    }
    int n = blank - p;
    return n >= 7 && n <= 12 && (p == s.lo || s.b[p - 1] == '\n') && Bytes.isDigit(s.b[Math.min(blank - 1,
        firstDigit(s, p, blank))]);
  }

  private static int firstDigit(Scan s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (Bytes.isDigit(s.b[p])) {
        return p;
      }
    }
    return to - 1;
  }

  /** {@code "Jane van Doe" <…>}: the quoted display name, when it starts with a capital and has no {@code @}. */
  private static void quotedName(Scan s, int floor, int close) {
    int q = close - 1;
    while (q > floor && close - q < 64 && s.b[q] != '"' && s.b[q] != '@' && s.b[q] != '\n') {
      q--;
    }
    int start = q + 1;
    if (q <= floor - 1 || s.at(q) != '"' || start == close || !(Bytes.isUpper(s.b[start] & 0xFF) || s.b[start] < 0)) {
      return;
    }
    s.add(start, close, DetectorType.PERSON_NAME);
  }

  private static boolean isNameByte(byte c) {
    return Bytes.isAlpha(c) || c < 0 || c == '\'' || c == '-' || c == '.';
  }

  /** Whether a type name in parentheses starts at {@code p}: {@code (String)}, {@code (Timestamp)} of MyBatis. */
  private static boolean typeInParentheses(Scan s, int p) {
    int k = p + 1;
    if (!Bytes.isUpper(s.at(k))) {
      return false;
    }
    while (Bytes.isAlpha(s.at(k)) && k - p < 32) {
      k++;
    }
    return s.at(k) == ')';
  }

  /** The end of a valid domain name starting at {@code p}, or -1. */
  static int domainEnd(Scan s, int p) {
    int labels = 0;
    int lastLabel = p;
    boolean lastAlpha = false;
    while (true) {
      int ls = p;
      boolean alpha = true;
      while (p - ls < 64) {
        int c = s.at(p);
        if (Bytes.isAlnum(c) || c == '-') {
          if (!Bytes.isAlpha(c)) {
            alpha = false;
          }
          p++;
        } else {
          // a label in Unicode (münchen.de, пример.рф), also JSON-escaped
          int n = c >= 0x80 || c == '\\' ? Bytes.letterAt(s.b, p, s.hi) : 0;
          if (n == 0) {
            break;
          }
          p += n;
        }
      }
      if (p == ls || s.at(ls) == '-') {
        return -1;
      }
      labels++;
      lastLabel = ls;
      lastAlpha = alpha;
      if (s.at(p) == '.' && (Bytes.isAlnum(s.at(p + 1)) || p + 1 < s.hi && Bytes.letterAt(s.b, p + 1, s.hi) > 0)
          && labels < 16) {
        p++;
        continue;
      }
      break;
    }
    if (!lastAlpha && labels >= 2) {
      // a top-level domain holds no dash: an address glued to the next word ends before it (ADFS's "Error message:
      // jane@example.com-The user name or password is incorrect")
      int dash = lastLabel;
      while (dash < p && Bytes.isAlpha(s.b[dash])) {
        dash++;
      }
      if (Bytes.startsWithIgnoreCase(s.b, lastLabel, p, "xn--")) {
        lastAlpha = true; // an internationalised top-level domain in its ASCII form (.xn--p1ai: .рф)
      } else if (dash < p && s.b[dash] == '-' && dash - lastLabel >= 2) {
        p = dash;
        lastAlpha = true;
      }
    }
    if (labels < 2 || !lastAlpha || p - lastLabel < 2 || s.at(p) == '_' || (s.at(p) == '(' && !typeInParentheses(s, p))) {
      // "Task@1f2e.getId()" is a method call on an object reference; MyBatis's "==> Parameters: jane@x.com(String)"
      // types a bound value in capitals
      return -1;
    }
    for (int i = lastLabel + 1; i < p; i++) {
      if (Bytes.isUpper(s.b[i]) && Bytes.isLower(s.b[i - 1])) {
        return -1; // camelCase is a Java member, not a top-level domain
      }
    }
    String tld = new String(s.b, lastLabel, p - lastLabel, java.nio.charset.StandardCharsets.US_ASCII);
    String lowerTld = tld.toLowerCase(java.util.Locale.ROOT);
    if (FILE_EXTENSIONS.contains(lowerTld) || SYSTEMD_UNIT_TYPES.contains(lowerTld)) {
      return -1;
    }
    return p;
  }

  private static boolean isLocal(byte c) {
    return Bytes.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }
}
