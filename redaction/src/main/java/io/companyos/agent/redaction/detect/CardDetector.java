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
    if (s.at(start - 1) == '.') {
      return -1;
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
      int w = c == '-' ? 1 : Bytes.groupSpaceAt(s.b, p, s.hi); // a space of any width counts as ' '
      int kind = c == '-' ? '-' : ' ';
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
      if (!Bytes.isWord(s.at(end)) && issuerLength(d, n) && luhn(d, n)) {
        return s.add(start, end, DetectorType.CREDIT_CARD) ? end : -1;
      }
    }
    return -1;
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
