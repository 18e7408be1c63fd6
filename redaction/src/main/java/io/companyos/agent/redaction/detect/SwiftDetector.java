package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * SWIFT MT messages' party fields, by their tag at a line's start (MT103, MT202 COV, MT940 in a payment gateway's or a
 * bank's log):
 *
 * <ul>
 *   <li>{@code :50K:} and {@code :59:} (ordering customer, beneficiary): an optional {@code /account} line (a
 *       {@code bank_account}), then up to four lines, the first a {@code name}, the others an {@code address};
 *   <li>{@code :50F:} and {@code :59F:}, the structured forms: {@code 1/} name, {@code 2/} and {@code 3/} address,
 *       {@code 4/} date of birth, {@code 5/} place of birth, {@code 6/} and {@code 7/} identity numbers,
 *       {@code 8/} more of the name;
 *   <li>{@code :25:} (MT940's account) a {@code bank_account};
 *   <li>{@code :86:} (MT940's information to the account owner): the German subfields {@code ?31} (the other
 *       party's account), {@code ?32} and {@code ?33} (its name), and the structured {@code /NAME/…/} and
 *       {@code /ADDR/…/}.
 * </ul>
 *
 * A field ends at the next tag ({@code :NN:} at a line's start) or the block's end ({@code -}).
 */
final class SwiftDetector {
  private SwiftDetector() {}

  private static final int MAX_FIELD = 2048;

  /** At the colon that ends a tag found after a newline ({@code \n:50K:}); {@code tag} the tag's text, lower case. */
  static int find(Scan s, int last, String tag) {
    int start = last + 1;
    int end = fieldEnd(s, start);
    switch (tag) {
      case "50k":
      case "59":
        return party(s, start, end);
      case "50f":
      case "59f":
        return structured(s, start, end);
      case "25":
        return account(s, start, lineEnd(s, start, end));
      case "86":
        return information(s, start, end);
      default:
        return -1;
    }
  }

  private static int party(Scan s, int p, int end) {
    p = accountLine(s, p, end);
    for (int line = 0; line < 4 && p < end; line++) {
      int le = lineEnd(s, p, end);
      addText(s, p, le, line == 0 ? DetectorType.PERSON_NAME : DetectorType.STREET_ADDRESS);
      p = le + 1;
    }
    return -1; // the spans are kept; the pass goes on over the field
  }

  private static int structured(Scan s, int p, int end) {
    p = accountLine(s, p, end);
    for (int line = 0; line < 8 && p < end; line++) {
      int le = lineEnd(s, p, end);
      int code = s.at(p) - '0';
      if (s.at(p + 1) == '/' && code >= 1 && code <= 8) {
        DetectorType type = code == 1 || code == 8 ? DetectorType.PERSON_NAME : code == 4 ? DetectorType.BIRTH_DATE
            : code >= 6 ? DetectorType.NATIONAL_ID : DetectorType.STREET_ADDRESS;
        addText(s, p + 2, le, type);
      }
      p = le + 1;
    }
    return -1;
  }

  /** A party field's optional first line, {@code /account}: taken; the start of the line after it. */
  private static int accountLine(Scan s, int p, int end) {
    if (s.at(p) != '/') {
      return p;
    }
    int le = lineEnd(s, p, end);
    account(s, p + 1, le);
    return le + 1;
  }

  private static int information(Scan s, int p, int end) {
    for (int q = p; q + 3 < end; q++) {
      int c = s.b[q];
      if (c == '?' && s.b[q + 1] == '3' && (s.b[q + 2] == '1' || s.b[q + 2] == '2' || s.b[q + 2] == '3')) {
        int v = q + 3;
        int ve = v;
        while (ve < end && s.b[ve] != '?' && s.b[ve] != '\n' && s.b[ve] != '\r') {
          ve++;
        }
        if (s.b[q + 2] == '1') {
          account(s, v, ve);
        } else {
          addText(s, v, ve, DetectorType.PERSON_NAME);
        }
        q = ve - 1;
      } else if (c == '/' && (Bytes.startsWith(s.b, q, end, "/NAME/") || Bytes.startsWith(s.b, q, end, "/ADDR/"))) {
        int v = q + 6;
        int ve = v;
        while (ve < end && s.b[ve] != '/' && s.b[ve] != '\n' && s.b[ve] != '\r') {
          ve++;
        }
        addText(s, v, ve, s.b[q + 1] == 'N' ? DetectorType.PERSON_NAME : DetectorType.STREET_ADDRESS);
        q = ve - 1;
      }
    }
    return -1;
  }

  /** An account ({@link KeyValueDetector#isIdentifierValue}: four digits or more) as a {@code bank_account}. */
  private static int account(Scan s, int from, int to) {
    to = trimEnd(s, from, to);
    return KeyValueDetector.isIdentifierValue(s, from, to) && s.add(from, to, DetectorType.BANK_ACCOUNT) ? to : -1;
  }

  private static void addText(Scan s, int from, int to, DetectorType type) {
    to = trimEnd(s, from, to);
    if ((KeyValueDetector.hasLetter(s, from, to) || KeyValueDetector.hasDigit(s, from, to))
        && !KeyValueDetector.isPlaceholder(s, from, to)) {
      s.add(from, to, type);
    }
  }

  private static int trimEnd(Scan s, int from, int to) {
    while (to > from && (s.b[to - 1] == ' ' || s.b[to - 1] == '\r')) {
      to--;
    }
    return to;
  }

  private static int lineEnd(Scan s, int p, int end) {
    while (p < end && s.b[p] != '\n') {
      p++;
    }
    return p;
  }

  /** The field's end: the newline before the next tag ({@code :NN} and a letter or colon) or the block's {@code -}. */
  private static int fieldEnd(Scan s, int start) {
    int limit = Math.min(s.hi, start + MAX_FIELD);
    for (int p = start; p < limit; p++) {
      if (s.b[p] == '\n' && (s.at(p + 1) == '-' || s.at(p + 1) == '}'
          || (s.at(p + 1) == ':' && Bytes.isDigit(s.at(p + 2)) && Bytes.isDigit(s.at(p + 3))))) {
        return p;
      }
    }
    return limit;
  }
}
