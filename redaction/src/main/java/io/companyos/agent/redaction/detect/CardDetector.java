package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * Payment card numbers: 13 to 19 digits, plain or in groups separated by single spaces or dashes (4-4-4-4,
 * 4-6-5, …), Luhn-valid, and with a length that fits a known issuer range (Visa, Mastercard, Amex,
 * Discover, JCB, Diners, UnionPay, Maestro, Mir). Long order ids and offsets fail Luhn or the issuer check.
 */
final class CardDetector {
  private CardDetector() {}

  /** At a digit that starts a word. */
  static int find(Scan s, int start) {
    if (s.at(start - 1) == '.' || s.at(start - 1) == '+') {
      return -1; // (after a plus, an international phone number: +4915112345678 reads as a Visa's 13 digits)
    }
    byte[] d = s.digits;
    int[] groupEnd = s.scratch;
    int[] groupDigits = s.groups;
    int digits = 0;
    int groups = 0;
    int sep = 0;
    int p = start;
    while (groups < 6) {
      int n = Bytes.digitRun(s.b, p, s.hi, 20);
      if (n == 0 || (groups > 0 && (n < 3 || n > 6)) || digits + n > 19) {
        break;
      }
      System.arraycopy(s.b, p, d, digits, n);
      digits += n;
      p += n;
      groupEnd[groups] = p;
      groupDigits[groups] = digits;
      groups++;
      int c = s.at(p);
      // a space of any width counts as ' '; a form body's + (application/x-www-form-urlencoded) as itself
      int w = c == '-' || c == '+' ? 1 : Bytes.groupSpaceAt(s.b, p, s.hi);
      int kind = c == '-' || c == '+' ? c : ' ';
      if (w > 0 && (sep == 0 || sep == kind) && Bytes.isDigit(s.at(p + w)) && groupDigits[0] == 4) {
        sep = kind;
        p += w;
      } else {
        break;
      }
    }
    for (int k = groups; k > 0; k--) {
      int n = groupDigits[k - 1];
      int end = groupEnd[k - 1];
      if (n < 13) {
        return -1;
      }
      // (a comma, dot or dash and more digits may follow: a CSV row's next field, card,exp; a Luhn-valid number
      // of an issuer's length is a card wherever it stands, as the SSN and IBAN detectors decide too)
      int track = k == 1 ? trackData(s, end) : end;
      if ((track > end || !Bytes.isWord(s.at(end))) && issuerLength(d, n) && luhn(d, n)) {
        return s.add(start, track, DetectorType.CREDIT_CARD) ? track : -1;
      }
    }
    return -1;
  }

  /**
   * After a card number's digits at {@code end}: the end of track 2's data when its separator follows ({@code =}, or
   * {@code D} in EMV's track-2-equivalent, tag 57 and ISO 8583's field 35): expiry, service code and discretionary data
   * (PVV, CVV1), then an {@code F} pad or the end sentinel {@code ?}; else {@code end}.
   */
  private static int trackData(Scan s, int end) {
    int sep = s.at(end);
    if ((sep != '=' && sep != 'D') || Bytes.digitRun(s.b, end + 1, s.hi, 5) < 4) {
      return end;
    }
    int p = end + 1;
    while (p - end < 48 && Bytes.isDigit(s.at(p))) {
      p++;
    }
    while (s.at(p) == 'F' && p - end < 50) {
      p++;
    }
    if (s.at(p) == '?') {
      p++;
    }
    return Bytes.isWord(s.at(p)) ? end : p;
  }

  /**
   * At the first digit after track 1's format code {@code B} ({@code %B4111…^SMITH/JOHN A^2512101…?} of a swiped card,
   * ISO 8583's field 45 {@code B4111…^…}): the card number, {@code ^}, the cardholder's name, {@code ^}, expiry,
   * service code and discretionary data, taken whole as a card when the number is Luhn-valid and of an issuer's length.
   */
  static int track1(Scan s, int first) {
    if (s.at(first - 1) != 'B' && s.at(first - 1) != 'b') {
      return -1;
    }
    int n = Bytes.digitRun(s.b, first, s.hi, 20);
    if (n < 13 || n > 19 || s.at(first + n) != '^') {
      return -1;
    }
    byte[] d = s.digits;
    System.arraycopy(s.b, first, d, 0, n);
    if (!issuerLength(d, n) || !luhn(d, n)) {
      return -1;
    }
    int p = first + n + 1;
    while (p - first - n < 28 && (Bytes.isAlpha(s.at(p)) || s.at(p) == ' ' || s.at(p) == '/' || s.at(p) == '.'
        || s.at(p) == '-' || s.at(p) == '\'')) {
      p++;
    }
    if (s.at(p) != '^' || Bytes.digitRun(s.b, p + 1, s.hi, 5) < 4) {
      return -1;
    }
    p++;
    while (p - first < 120 && Bytes.isDigit(s.at(p))) {
      p++;
    }
    if (s.at(p) == '?') {
      p++;
    }
    return s.add(first - 1, p, DetectorType.CREDIT_CARD) ? p : -1;
  }

  static boolean luhn(byte[] d, int n) {
    int sum = 0;
    for (int i = n - 1, k = 0; i >= 0; i--, k++) {
      int v = d[i] - '0';
      if ((k & 1) == 1) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
    }
    return sum % 10 == 0;
  }

  static boolean issuerLength(byte[] d, int n) {
    int p2 = (d[0] - '0') * 10 + (d[1] - '0');
    int p3 = p2 * 10 + (d[2] - '0');
    int p4 = p3 * 10 + (d[3] - '0');
    if (d[0] == '4') {
      return n == 13 || n == 16 || n == 19;
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return n == 16;
    }
    if (p2 == 34 || p2 == 37) {
      return n == 15;
    }
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || p2 == 62 || (p4 >= 3528 && p4 <= 3589)
        || (p4 >= 2200 && p4 <= 2204)) {
      return n >= 16 && n <= 19;
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
      return n == 14; // Diners International; longer numbers here are far more often ids than cards
    }
    if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 67 || p4 == 6304) {
      return n >= 13 && n <= 19;
    }
    return false;
  }
}
