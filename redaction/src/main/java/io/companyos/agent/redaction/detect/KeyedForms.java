package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The rarer shapes of a value found by its key, handed over by {@link KeyValueDetector}: {@code user:password}
 * after a {@code --user} flag.
 */
final class KeyedForms {
  private KeyedForms() {}

  /** The end of a value that runs to the next blank or control byte. */
  static int wordEnd(Scan s, int from) {
    int p = from;
    int limit = Math.min(s.hi, from + 1024);
    while (p < limit && (s.b[p] & 0xFF) > ' ') {
      p++;
    }
    return p;
  }

  /**
   * The value of a {@code --user} flag: {@code user:password} (curl, wget) is a user name and a secret; a value
   * without a colon, or two numbers ({@code 1000:1000}, a uid and gid), stays one user name.
   */
  static int userColonPassword(Scan s, Trigger t, int start, int end) {
    int colon = start;
    while (colon < end && s.b[colon] != ':') {
      colon++;
    }
    if (colon >= end - 1 || KeyValueDetector.isPlaceholder(s, start, end)
        || (Bytes.digitRun(s.b, start, colon, 12) == colon - start
            && Bytes.digitRun(s.b, colon + 1, end, 12) == end - colon - 1)) {
      return KeyValueDetector.accept(s, t, start, end);
    }
    return userAndSecret(s, start, colon, colon + 1, end) ? end : -1;
  }

  /** Records a user name {@code [us, ue)} (unless a placeholder or a system account) and a secret {@code [ps, pe)}. */
  static boolean userAndSecret(Scan s, int us, int ue, int ps, int pe) {
    boolean any = false;
    if (ue > us && !KeyValueDetector.isPlaceholder(s, us, ue) && !KeyValueDetector.isSystemAccount(s, us, ue)) {
      any = s.add(us, ue, DetectorType.USERNAME);
    }
    if (pe > ps && !KeyValueDetector.isPlaceholder(s, ps, pe)) {
      any |= s.add(ps, pe, DetectorType.SECRET);
    }
    return any;
  }
}
