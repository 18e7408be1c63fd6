package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.Map;

/**
 * IBANs (ISO 13616): a country code, two check digits and the country's BBAN, plain or printed in groups of
 * four, of exactly the registered length and with {@code mod 97 == 1}. ISO 11649 creditor references
 * ({@code RF…}) have no country entry and are left alone.
 */
final class IbanDetector {
  private static final Map<String, Integer> LENGTH =
      Map.ofEntries(
          Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
          Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
          Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
          Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
          Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
          Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
          Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
          Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
          Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21), Map.entry("HU", 28),
          Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
          Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
          Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
          Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27),
          Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
          Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
          Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24),
          Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
          Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24),
          Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
          Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
          Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
          Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20),
          Map.entry("YE", 30));

  private IbanDetector() {}

  /** At an upper-case letter that starts a word. */
  static int find(Scan s, int start) {
    if (!Bytes.isUpper(s.at(start + 1)) || !Bytes.isDigit(s.at(start + 2)) || !Bytes.isDigit(s.at(start + 3))) {
      return -1;
    }
    Integer len = LENGTH.get(new String(new char[] {(char) s.at(start), (char) s.at(start + 1)}));
    if (len == null) {
      return -1;
    }
    byte[] chars = new byte[len];
    int n = 0;
    int p = start;
    int inGroup = 0;
    int w;
    while (n < len) {
      int c = s.at(p);
      if (Bytes.isDigit(c) || Bytes.isUpper(c)) {
        chars[n++] = (byte) c;
        inGroup++;
        p++;
      } else if (inGroup == 4 && (w = Bytes.groupSpaceAt(s.b, p, s.hi)) > 0
          && (Bytes.isDigit(s.at(p + w)) || Bytes.isUpper(s.at(p + w)))) {
        inGroup = 0;
        p += w;
      } else {
        return -1;
      }
    }
    if (Bytes.isAlnum(s.at(p)) || !mod97(chars)) {
      return -1;
    }
    return s.add(start, p, DetectorType.IBAN) ? p : -1;
  }

  /**
   * Whether {@code [start, end)}, a value under an {@code iban} key, is an IBAN written any way: upper or lower case,
   * grouped by blanks or dashes ({@code de89-3704-…}); the country's length and mod-97 checked.
   */
  static boolean isValue(Scan s, int start, int end) {
    byte[] chars = new byte[end - start];
    int n = 0;
    for (int p = start; p < end; p++) {
      int c = s.b[p];
      if (Bytes.isAlnum(c)) {
        chars[n++] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
      } else if (c != ' ' && c != '-') {
        return false;
      }
    }
    if (n < 4) {
      return false;
    }
    Integer len = LENGTH.get(new String(new char[] {(char) chars[0], (char) chars[1]}));
    return len != null && len == n && Bytes.isDigit(chars[2]) && Bytes.isDigit(chars[3])
        && mod97(java.util.Arrays.copyOf(chars, n));
  }

  static boolean mod97(byte[] iban) {
    int rem = 0;
    for (int k = 0; k < iban.length; k++) {
      int c = iban[(k + 4) % iban.length];
      int v = Bytes.isDigit(c) ? c - '0' : c - 'A' + 10;
      rem = v < 10 ? (rem * 10 + v) % 97 : (rem * 100 + v) % 97;
    }
    return rem == 1;
  }
}
