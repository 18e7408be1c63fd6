package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RevealLog;

import java.util.Arrays;

/**
 * The spans found in one window, kept sorted and non-overlapping. A span that overlaps earlier ones is
 * merged with them into their union, typed by the longer of the two, so nothing found is ever partly
 * left; but a credential (a secret, a token, a password hash, a key…) wins over a type the reverse map keeps (a user,
 * an address…) whatever their lengths: where one detector calls bytes a password and another a user name, they are
 * not written to the map (mkstore's {@code -createCredential DB user 'pw'} had its password taken for a user by the
 * phrase {@code user '}, and so kept in clear in the map). So do identity and bank account numbers (found under their
 * keys, or a National Insurance number by its letters: {@code aadhaar=2345 6789 0123} is no phone number), and so do
 * cards, IBANs and SSNs (since session 27: {@code acct=4917610000000000} was a user by its key, and so written to the
 * map; a phone number whose digits also read as a valid card is labelled a card, which the map does not keep).
 */
final class MatchList {
  /** The kinds ({@link DetectorType} ordinals) whose values the reverse map keeps. */
  private static final long KEPT = kinds(RevealLog::keeps);
  /** The kinds of credentials, and of identity and account numbers. */
  private static final long CREDENTIAL = kinds(t -> t == DetectorType.SECRET || t == DetectorType.PASSWORD_HASH
      || t == DetectorType.API_TOKEN || t == DetectorType.AUTH_HEADER || t == DetectorType.JWT
      || t == DetectorType.AWS_ACCESS_KEY || t == DetectorType.AWS_SECRET_KEY || t == DetectorType.PRIVATE_KEY
      || t == DetectorType.NATIONAL_ID || t == DetectorType.BANK_ACCOUNT || t == DetectorType.CREDIT_CARD
      || t == DetectorType.IBAN || t == DetectorType.US_SSN);

  private static long kinds(java.util.function.Predicate<DetectorType> p) {
    long m = 0;
    for (DetectorType t : DetectorType.values()) {
      if (p.test(t)) {
        m |= 1L << t.ordinal();
      }
    }
    return m;
  }

  /** Whether kind {@code a} names what kind {@code b} spans: a credential over a type the map keeps. */
  private static boolean overrides(int a, int b) {
    return a < 64 && (CREDENTIAL >>> a & 1) != 0 && b < 64 && (KEPT >>> b & 1) != 0;
  }

  private int size;
  private int[] start = new int[64];
  private int[] end = new int[64];
  private int[] kind = new int[64];

  int size() {
    return size;
  }

  int start(int k) {
    return start[k];
  }

  int end(int k) {
    return end[k];
  }

  int kind(int k) {
    return kind[k];
  }

  int lastEnd() {
    return size == 0 ? Integer.MIN_VALUE : end[size - 1];
  }

  void clear() {
    size = 0;
  }

  /** Drops every span from index {@code k} on. */
  void truncate(int k) {
    size = Math.min(size, k);
  }

  /** Adds {@code [s, e)} of kind {@code t}, merging with overlapping spans. */
  void add(int s, int e, int t) {
    if (e <= s) {
      return;
    }
    int k = size;
    while (k > 0 && start[k - 1] >= e) {
      k--; // the new span lies before these (rare: back-scanning detectors)
    }
    while (k > 0 && end[k - 1] > s) {
      int ps = start[k - 1];
      int pe = end[k - 1];
      if (ps <= s && pe >= e) {
        if (overrides(t, kind[k - 1])) {
          kind[k - 1] = t;
        }
        return;
      }
      if (overrides(kind[k - 1], t) || (pe - ps > e - s && !overrides(t, kind[k - 1]))) {
        t = kind[k - 1];
      }
      s = Math.min(s, ps);
      e = Math.max(e, pe);
      remove(k - 1);
      k--;
    }
    insert(k, s, e, t);
  }

  private void remove(int k) {
    System.arraycopy(start, k + 1, start, k, size - k - 1);
    System.arraycopy(end, k + 1, end, k, size - k - 1);
    System.arraycopy(kind, k + 1, kind, k, size - k - 1);
    size--;
  }

  private void insert(int k, int s, int e, int t) {
    if (size == start.length) {
      start = Arrays.copyOf(start, size * 2);
      end = Arrays.copyOf(end, size * 2);
      kind = Arrays.copyOf(kind, size * 2);
    }
    System.arraycopy(start, k, start, k + 1, size - k);
    System.arraycopy(end, k, end, k + 1, size - k);
    System.arraycopy(kind, k, kind, k + 1, size - k);
    start[k] = s;
    end[k] = e;
    kind[k] = t;
    size++;
  }
}
