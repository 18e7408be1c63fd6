package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Phone numbers with their formatting: international ({@code +49 30 1234567}, {@code +1 (415) 555-1234},
 * {@code +14155551234}, with the trunk prefix in parentheses {@code +49 (0)30 1234567}: 8 to 15 digits after the
 * plus), North American national ({@code (415) 555-1234},
 * {@code 415-555-1234}, {@code 415.555.1234}) and trunk-prefixed national ({@code 030 1234567},
 * {@code 020 7946 0958}), the international ones also URL-encoded ({@code %2B14155551234}). Bare digit runs are never phone numbers: timestamps, epoch values, durations and
 * metric values stay.
 */
final class PhoneDetector {
  private PhoneDetector() {}

  /** At a {@code +}. */
  static int findInternational(Scan s, int plus) {
    return international(s, plus, plus + 1);
  }

  /**
   * At the {@code %} of a URL-encoded plus, {@code %2B14155551234} (a query string or form body: Twilio's
   * {@code To=}, a CRM's {@code phone=}): the same number, the {@code %2B} included.
   */
  static int findEncodedInternational(Scan s, int pct) {
    if (s.at(pct + 1) != '2' || (s.at(pct + 2) | 0x20) != 'b') {
      return -1;
    }
    return international(s, pct, pct + 3);
  }

  private static int international(Scan s, int plus, int first) {
    int prev = Bytes.before(s.b, plus, s.lo, s.hi);
    if (Bytes.isWord(prev) || prev == '+' || prev == '.') {
      return -1;
    }
    int p = first;
    if (!Bytes.isDigit(s.at(p)) || s.at(p) == '0') {
      return -1;
    }
    int[] ends = s.scratch;
    int[] counts = s.groups;
    int digits = 0;
    int groups = 0;
    while (groups < 8) {
      if (s.at(p) == '(') {
        int n = Bytes.digitRun(s.b, p + 1, s.hi, 6);
        if (n == 0 || s.at(p + 1 + n) != ')') {
          break;
        }
        digits += n;
        p += n + 2;
      } else {
        int n = Bytes.digitRun(s.b, p, s.hi, 16);
        if (n == 0) {
          break;
        }
        digits += n;
        p += n;
      }
      ends[groups] = p;
      counts[groups] = digits;
      groups++;
      int c = s.at(p);
      int w = c == '-' || c == '.' ? 1 : Bytes.groupSpaceAt(s.b, p, s.hi);
      if (w > 0 && (Bytes.isDigit(s.at(p + w)) || s.at(p + w) == '(')) {
        p += w;
      } else if (c != '(' && !(s.at(p - 1) == ')' && Bytes.isDigit(c))) {
        // a group may follow a parenthesized one directly: the trunk prefix of +49 (0)30 1234567, +1(415)555-0132
        break;
      }
    }
    // the longest run of groups that is a plausible number: 8 to 15 digits and a clean end
    for (int k = groups - 1; k >= 0; k--) {
      if (counts[k] >= 8 && counts[k] <= 15 && (k == groups - 1 ? cleanEnd(s, ends[k]) : s.at(ends[k]) != '.')) {
        return s.add(plus, ends[k], DetectorType.PHONE) ? ends[k] : -1;
      }
    }
    return -1;
  }

  /** At a {@code (}: {@code (415) 555-1234}. */
  static int findParenthesized(Scan s, int open) {
    if (Bytes.isWord(Bytes.before(s.b, open, s.lo, s.hi)) || Bytes.digitRun(s.b, open + 1, s.hi, 4) != 3
        || s.at(open + 4) != ')'
        || !nanpLead(s.at(open + 1))) {
      return -1;
    }
    int p = open + 5;
    if (s.at(p) == ' ') {
      p++;
    }
    if (Bytes.digitRun(s.b, p, s.hi, 4) != 3 || !nanpLead(s.at(p))) {
      return -1;
    }
    int sep = s.at(p + 3);
    if ((sep != '-' && sep != ' ' && sep != '.') || Bytes.digitRun(s.b, p + 4, s.hi, 5) != 4) {
      return -1;
    }
    int end = p + 8;
    if (!cleanEnd(s, end)) {
      return -1;
    }
    return s.add(open, end, DetectorType.PHONE) ? end : -1;
  }

  /** At a digit that starts a word. */
  static int findNational(Scan s, int start) {
    int prev = s.at(start - 1);
    if (prev == '-' || prev == '.' || prev == '/' || prev == ':') {
      return -1;
    }
    if (s.at(start) == '0') {
      return trunkPrefixed(s, start);
    }
    if (Bytes.digitRun(s.b, start, s.hi, 4) != 3 || !nanpLead(s.at(start))) {
      return -1;
    }
    int sep = s.at(start + 3);
    if ((sep != '-' && sep != '.' && sep != ' ') || Bytes.digitRun(s.b, start + 4, s.hi, 4) != 3
        || !nanpLead(s.at(start + 4)) || s.at(start + 7) != sep || Bytes.digitRun(s.b, start + 8, s.hi, 5) != 4) {
      return -1;
    }
    int end = start + 12;
    if (!cleanEnd(s, end) || (sep == ' ' && amongNumbers(s, start, end))) {
      return -1;
    }
    return s.add(start, end, DetectorType.PHONE) ? end : -1;
  }

  /**
   * Whether a blank-separated {@code NNN NNN NNNN} stands among other numbers, as an access log's columns do: after a
   * number and one blank (an AWS load balancer's {@code 200 200 412 1203}: two status codes and two byte counts),
   * before one blank and a number, or right after an HTTP request's closing quote ({@code "GET / HTTP/1.1" 200 512
   * 1234}: status, bytes, time). A phone number written with blanks follows a word.
   */
  private static boolean amongNumbers(Scan s, int start, int end) {
    if (s.at(start - 1) == ' ' && (Bytes.isDigit(s.at(start - 2)) || s.at(start - 2) == '"'
        && Bytes.lastIndexOfIgnoreCase(s.b, Math.max(s.lo, start - 16), start, " http/") >= 0)) {
      return true;
    }
    return s.at(end) == ' ' && Bytes.isDigit(s.at(end + 1));
  }

  private static int trunkPrefixed(Scan s, int start) {
    int first = Bytes.digitRun(s.b, start, s.hi, 6);
    if (first == 2 && s.at(start + 1) != '0') {
      int pairs = frenchPairs(s, start);
      if (pairs > 0) {
        return s.add(start, pairs, DetectorType.PHONE) ? pairs : -1;
      }
    }
    if (first < 2 || first > 5) {
      return -1;
    }
    int digits = first;
    int p = start + first;
    int end = p;
    int groups = 1;
    while (groups < 4) {
      int c = s.at(p);
      int w = c == '-' || c == '/' ? 1 : Bytes.groupSpaceAt(s.b, p, s.hi);
      if (w == 0) {
        break;
      }
      int n = Bytes.digitRun(s.b, p + w, s.hi, 9);
      if (n < 3 || n > 8) {
        break;
      }
      digits += n;
      p += n + w;
      end = p;
      groups++;
    }
    // (9 digits: a short German subscriber number after its area code, 030 901820)
    boolean shortGerman = groups == 2 && digits == 9 && first >= 3 && s.at(start + 1) != '0';
    if (groups < 2 || (digits < 10 && !shortGerman) || digits > 12 || !cleanEnd(s, end) || zeros(s, start, end)) {
      return -1; // (a run of zeros is a placeholder's, "DE00 0000 0000 0000 0000 00" of a form's test)
    }
    return s.add(start, end, DetectorType.PHONE) ? end : -1;
  }

  /** Whether every digit of {@code [start, end)} is a zero. */
  private static boolean zeros(Scan s, int start, int end) {
    for (int p = start; p < end; p++) {
      if (Bytes.isDigit(s.b[p]) && s.b[p] != '0') {
        return false;
      }
    }
    return true;
  }

  /**
   * A French national number at {@code start}: {@code 0X} and four more pairs of digits, one separator throughout
   * (a blank of any width, a dot or a dash): {@code 01 23 45 67 89}, {@code 06.12.34.56.78}. Exactly five pairs, not
   * after another pair: a hex dump's run of pairs is no number. Returns the end, or -1.
   */
  private static int frenchPairs(Scan s, int start) {
    int before = s.at(start - 1);
    if (before == ' ' && Bytes.isHex(s.at(start - 2)) && Bytes.isHex(s.at(start - 3))) {
      return -1;
    }
    int c = s.at(start + 2);
    int w = c == '.' || c == '-' ? 1 : Bytes.groupSpaceAt(s.b, start + 2, s.hi);
    if (w == 0) {
      return -1;
    }
    int p = start + 2;
    for (int k = 0; k < 4; k++) {
      if (p + w > s.hi || !java.util.Arrays.equals(s.b, p, p + w, s.b, start + 2, start + 2 + w)
          || Bytes.digitRun(s.b, p + w, s.hi, 3) != 2) {
        return -1;
      }
      p += w + 2;
    }
    int next = s.at(p);
    if (next == c && Bytes.isHex(s.at(p + w)) || !cleanEnd(s, p)) {
      return -1; // a sixth pair follows
    }
    return p;
  }

  private static boolean nanpLead(int c) {
    return c >= '2' && c <= '9';
  }

  private static boolean cleanEnd(Scan s, int end) {
    int next = s.at(end);
    if (Bytes.isWord(next)) {
      return false;
    }
    return !((next == '.' || next == '-' || next == ':' || next == '/') && Bytes.isDigit(s.at(end + 1)));
  }
}
