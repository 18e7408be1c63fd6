package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * NACHA's entry detail records (an ACH file, as payroll and payment systems log or keep it): lines of exactly 94
 * characters that start with {@code 6}, fixed columns. The DFI account number (columns 13–29) is a
 * {@code bank_account}, the individual's name (55–76) a {@code name}; the routing number, the amount, the individual
 * id (an employee's or a customer's number) and the trace number stay.
 */
final class NachaDetector {
  private NachaDetector() {}

  private static final int LENGTH = 94;

  /** At the second digit of {@code \n6N} (a transaction code's first digit): the record from the {@code 6} on. */
  static int find(Scan s, int last) {
    int start = last - 1; // the 6
    int end = start + LENGTH;
    int after = s.at(end);
    if (end > s.hi || !(after == '\n' || after == '\r' || after == 0)
        || Bytes.digitRun(s.b, start, end, 13) < 12 || Bytes.digitRun(s.b, start + 29, end, 11) < 10
        || !(s.b[start + 78] == '0' || s.b[start + 78] == '1') || Bytes.digitRun(s.b, start + 79, end, 16) != 15
        || Bytes.indexOf(s.b, start, end, "\n") >= 0) {
      return -1;
    }
    field(s, start + 12, start + 29, DetectorType.BANK_ACCOUNT);
    field(s, start + 54, start + 76, DetectorType.PERSON_NAME);
    return -1; // the spans are kept; the pass goes on over the record
  }

  private static void field(Scan s, int from, int to, DetectorType type) {
    while (to > from && s.b[to - 1] == ' ') {
      to--;
    }
    while (from < to && s.b[from] == ' ') {
      from++;
    }
    if (type == DetectorType.BANK_ACCOUNT ? KeyValueDetector.hasDigit(s, from, to)
        : KeyValueDetector.hasLetter(s, from, to)) {
      s.add(from, to, type);
    }
  }
}
