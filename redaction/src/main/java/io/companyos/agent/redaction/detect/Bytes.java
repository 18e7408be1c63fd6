package io.companyos.agent.redaction.detect;

/** Character classes of ASCII bytes; bytes >= 0x80 belong to no class. */
final class Bytes {
  private static final int DIGIT = 1;
  private static final int HEX = 2;
  private static final int ALPHA = 4;
  private static final int UPPER = 8;
  private static final int WORD = 16; // alnum or '_'
  private static final int B64URL = 32; // alnum, '-', '_'
  private static final int SPACE = 64;

  private static final byte[] CLASS = new byte[256];

  static {
    for (int c = '0'; c <= '9'; c++) {
      CLASS[c] = (byte) (DIGIT | HEX | WORD | B64URL);
    }
    for (int c = 'a'; c <= 'z'; c++) {
      CLASS[c] = (byte) (ALPHA | WORD | B64URL | (c <= 'f' ? HEX : 0));
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      CLASS[c] = (byte) (ALPHA | UPPER | WORD | B64URL | (c <= 'F' ? HEX : 0));
    }
    CLASS['_'] = (byte) (WORD | B64URL);
    CLASS['-'] = (byte) B64URL;
    CLASS[' '] = SPACE;
    CLASS['\t'] = SPACE;
    CLASS['\n'] = SPACE;
    CLASS['\r'] = SPACE;
  }

  private Bytes() {}

  /**
   * Whether {@code b[i]} follows an ellipsis, {@code ...}: a number there starts anew (strongSwan's
   * {@code 203.0.113.1[id]...198.51.100.2[id]}, a range {@code 10.0.0.1...10.0.0.9}), where after one dot it is the
   * part of a version or a longer dotted number ({@link Ipv4Detector}, called there by the pattern {@code ...}).
   */
  static boolean afterEllipsis(byte[] b, int i) {
    return i >= 3 && b[i - 1] == '.' && b[i - 2] == '.' && b[i - 3] == '.';
  }

  static boolean isDigit(int c) {
    return (CLASS[c & 0xFF] & DIGIT) != 0;
  }

  static boolean isHex(int c) {
    return (CLASS[c & 0xFF] & HEX) != 0;
  }

  static boolean isAlpha(int c) {
    return (CLASS[c & 0xFF] & ALPHA) != 0;
  }

  static boolean isUpper(int c) {
    return (CLASS[c & 0xFF] & UPPER) != 0;
  }

  static boolean isLower(int c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isAlnum(int c) {
    return (CLASS[c & 0xFF] & (DIGIT | ALPHA)) != 0;
  }

  /** Letters, digits and underscore. */
  static boolean isWord(int c) {
    return (CLASS[c & 0xFF] & WORD) != 0;
  }

  static boolean isBase64Url(int c) {
    return (CLASS[c & 0xFF] & B64URL) != 0;
  }

  static boolean isSpace(int c) {
    return (CLASS[c & 0xFF] & SPACE) != 0;
  }

  /**
   * The length of a quote of another language at {@code p}, else 0: guillemets either way ({@code « » ‹ ›}),
   * typographic quotes ({@code ‘ ’ ‚ “ ” „}), CJK corner brackets ({@code 「 」 『 』}).
   */
  static int unicodeQuote(byte[] b, int p, int hi) {
    int b0 = p < hi ? b[p] & 0xFF : 0;
    int b1 = p + 1 < hi ? b[p + 1] & 0xFF : 0;
    if (b0 == 0xC2 && (b1 == 0xAB || b1 == 0xBB)) {
      return 2;
    }
    int b2 = p + 2 < hi ? b[p + 2] & 0xFF : 0;
    if (b0 == 0xE2 && b1 == 0x80 && (b2 >= 0x98 && b2 <= 0x9E || b2 == 0xB9 || b2 == 0xBA)) {
      return 3;
    }
    return b0 == 0xE3 && b1 == 0x80 && b2 >= 0x8C && b2 <= 0x8F ? 3 : 0;
  }

  /** Past one blank or no-break space (U+00A0, U+202F) at {@code p}, as French sets inside its guillemets. */
  static int pastInnerBlank(byte[] b, int p, int hi) {
    if (p < hi && b[p] == ' ') {
      return p + 1;
    }
    if (p + 1 < hi && (b[p] & 0xFF) == 0xC2 && (b[p + 1] & 0xFF) == 0xA0) {
      return p + 2;
    }
    return p + 2 < hi && (b[p] & 0xFF) == 0xE2 && (b[p + 1] & 0xFF) == 0x80 && (b[p + 2] & 0xFF) == 0xAF ? p + 3 : p;
  }

  /** Whether {@code w} is at {@code p} of {@code b} (which holds it whole), ASCII letters in either case. */
  static boolean equalsFolded(byte[] b, int p, byte[] w) {
    for (int i = 0; i < w.length; i++) {
      if (lower(b[p + i]) != lower(w[i])) {
        return false;
      }
    }
    return true;
  }

  static int lower(int c) {
    c &= 0xFF;
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /**
   * The length (2-4) of the UTF-8 encoded letter, digit or combining mark that starts at {@code i} and ends by
   * {@code hi}, or 0: not one ({@code «}, {@code →}, a space of another script), not well formed, or cut. The
   * detectors that read names and labels byte by byte (users, host names, e-mail addresses) take such a letter whole,
   * so that {@code jürgen} or {@code münchen} is not cut at its first non-ASCII letter.
   */
  static int utf8LetterAt(byte[] b, int i, int hi) {
    int c = b[i] & 0xFF;
    int n = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || i + n > hi) {
      return 0;
    }
    int cp = c & (0x7F >> n);
    for (int k = 1; k < n; k++) {
      int x = b[i + k] & 0xFF;
      if ((x & 0xC0) != 0x80) {
        return 0;
      }
      cp = (cp << 6) | (x & 0x3F);
    }
    return isLetterLike(cp) ? n : 0;
  }

  /** As {@link #utf8LetterAt}, for the letter that ends right before {@code i} and starts at or after {@code lo}. */
  static int utf8LetterBefore(byte[] b, int i, int lo) {
    int start = i - 1;
    while (start > lo && i - start < 4 && (b[start] & 0xC0) == 0x80) {
      start--;
    }
    return start >= lo && utf8LetterAt(b, start, i) == i - start ? i - start : 0;
  }

  /**
   * The length of the letter, digit or combining mark at {@code i} as UTF-8 ({@link #utf8LetterAt}) or as a JSON
   * escape (<code>&#92;u00fc</code>, 6 bytes; a surrogate pair 12), or 0. JSON encoders that write ASCII only (Python's
   * {@code json.dumps} by default) put <code>j&#92;u00fcrgen</code> into a log line for {@code jürgen}.
   */
  static int letterAt(byte[] b, int i, int hi) {
    if (b[i] == '\\') {
      int cp = escapedCodePoint(b, i, hi);
      return cp >= 0 && isLetterLike(cp) ? (cp > 0xFFFF ? 12 : 6) : 0;
    }
    return utf8LetterAt(b, i, hi);
  }

  /**
   * As {@link #letterAt}, for the letter that ends right before {@code i} and starts at or after {@code lo}; or 1 for
   * the backslash of a JSON-escaped letter whose hex digits a backward scan over ASCII name bytes already took
   * ({@code i} at its {@code u}, the escape ending by {@code hi}).
   */
  static int letterBefore(byte[] b, int i, int lo, int hi) {
    if (i - 1 >= lo && b[i - 1] == '\\' && letterAt(b, i - 1, hi) > 0) {
      return 1;
    }
    if (i - 6 >= lo && b[i - 6] == '\\' && letterAt(b, i - 6, i) == 6) {
      return 6;
    }
    if (i - 12 >= lo && b[i - 12] == '\\' && letterAt(b, i - 12, i) == 12) {
      return 12; // a surrogate pair
    }
    return utf8LetterBefore(b, i, lo);
  }

  /**
   * Where a backward scan over name bytes that stopped at {@code st} should start: past a JSON escape of a non-letter
   * whose hex digits it took for name bytes (<code>&#92;u201cjane@</code>: not {@code u201cjane}), or past a URL's
   * percent escape ({@code https%3A%2F%2Fportal.acme.com}: not {@code 2Fportal}), else {@code st}.
   */
  static int pastEscape(byte[] b, int st, int lo, int hi) {
    if (st - 1 >= lo && b[st - 1] == '\\' && st + 3 <= hi && b[st] == 'x' && isHex(b[st + 1]) && isHex(b[st + 2])) {
      return st + 3; // nginx's \x22 (a quote of a logged request body)
    }
    if (st - 1 >= lo && b[st - 1] == '%' && st + 2 < hi && isHex(b[st]) && isHex(b[st + 1])) {
      return st + 2;
    }
    return st - 1 >= lo && b[st - 1] == '\\' && escapedUnit(b, st - 1, hi) >= 0 ? Math.min(st + 5, hi) : st;
  }

  /**
   * The byte before {@code i} as a detector that looks back one byte should see it: a blank where a JSON escape ends
   * there (<code>&#92;u00a0</code>, <code>&#92;u00e9</code>), whose last hex digit is no word byte of the text's, as
   * the last byte of the character in UTF-8 is none either; else the byte ({@code at}).
   */
  static int before(byte[] b, int i, int lo, int hi) {
    int c = at(b, i - 1, lo, hi);
    return isHex(c) && i - 6 >= lo && escapedUnit(b, i - 6, hi) >= 0 ? ' ' : c;
  }

  /**
   * The length of the blank at {@code i} that may separate a number's digit groups: 1 for a space, 2 for a no-break
   * space (U+00A0), 3 for a narrow no-break, thin or figure space (U+202F, U+2009, U+2007: French and other locales
   * format phone, card and account numbers with them); else 0.
   */
  static int groupSpaceAt(byte[] b, int i, int hi) {
    if (i >= hi) {
      return 0;
    }
    int c = b[i] & 0xFF;
    if (c == ' ') {
      return 1;
    }
    if (c == 0xC2) {
      return i + 1 < hi && (b[i + 1] & 0xFF) == 0xA0 ? 2 : 0;
    }
    if (c == 0xE2 && i + 2 < hi && (b[i + 1] & 0xFF) == 0x80) {
      int d = b[i + 2] & 0xFF;
      return d == 0xAF || d == 0x89 || d == 0x87 ? 3 : 0;
    }
    return 0;
  }

  /** The length of the slash at {@code i}: 1 for {@code /}, 2 for JSON's escaped <code>&#92;/</code>, else 0. */
  static int slashAt(byte[] b, int i, int hi) {
    if (i >= hi) {
      return 0;
    }
    return b[i] == '/' ? 1 : b[i] == '\\' && i + 1 < hi && b[i + 1] == '/' ? 2 : 0;
  }

  /** The code point of the JSON escape <code>&#92;uXXXX</code> (or a surrogate pair of two) at {@code i}, or -1. */
  static int escapedCodePoint(byte[] b, int i, int hi) {
    int u = escapedUnit(b, i, hi);
    if (u < 0 || Character.isLowSurrogate((char) u)) {
      return -1;
    }
    if (Character.isHighSurrogate((char) u)) {
      int low = escapedUnit(b, i + 6, hi);
      return low >= 0 && Character.isLowSurrogate((char) low) ? Character.toCodePoint((char) u, (char) low) : -1;
    }
    return u;
  }

  private static int escapedUnit(byte[] b, int i, int hi) {
    if (i + 6 > hi || b[i] != '\\' || b[i + 1] != 'u') {
      return -1;
    }
    int u = 0;
    for (int k = i + 2; k < i + 6; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return -1;
      }
      u = (u << 4) | d;
    }
    return u;
  }

  static boolean isLetterLike(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** The byte at {@code i}, or 0 outside {@code [lo, hi)}. */
  static int at(byte[] b, int i, int lo, int hi) {
    return i >= lo && i < hi ? b[i] & 0xFF : 0;
  }

  /** Whether {@code b[from, from+s.length())} equals the ASCII string {@code s} exactly. */
  static boolean startsWith(byte[] b, int from, int hi, String s) {
    if (from < 0 || from + s.length() > hi) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[from + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #startsWith} but ignoring ASCII case; {@code s} must be lower-case. */
  static boolean startsWithIgnoreCase(byte[] b, int from, int hi, String s) {
    if (from < 0 || from + s.length() > hi) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (lower(b[from + k]) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The first index of the ASCII string {@code s} in {@code b[from, hi)}, or -1. */
  static int indexOf(byte[] b, int from, int hi, String s) {
    byte first = (byte) s.charAt(0);
    for (int i = from; i + s.length() <= hi; i++) {
      if (b[i] == first && startsWith(b, i, hi, s)) {
        return i;
      }
    }
    return -1;
  }

  /** The last index of the lower-case ASCII string {@code s} in {@code b[from, hi)}, any case, or -1. */
  static int lastIndexOfIgnoreCase(byte[] b, int from, int hi, String s) {
    for (int i = hi - s.length(); i >= from; i--) {
      if (startsWithIgnoreCase(b, i, hi, s)) {
        return i;
      }
    }
    return -1;
  }

  /** The first index of the lower-case ASCII string {@code s} in {@code b[from, hi)}, any case, or -1. */
  static int indexOfIgnoreCase(byte[] b, int from, int hi, String s) {
    char first = s.charAt(0);
    for (int i = from; i + s.length() <= hi; i++) {
      if (lower(b[i]) == first && startsWithIgnoreCase(b, i, hi, s)) {
        return i;
      }
    }
    return -1;
  }

  /** Number of consecutive digits at {@code from}, at most {@code max}. */
  static int digitRun(byte[] b, int from, int hi, int max) {
    int i = from;
    while (i < hi && i - from < max && isDigit(b[i])) {
      i++;
    }
    return i - from;
  }

  /** Number of consecutive hex digits at {@code from}, at most {@code max}. */
  static int hexRun(byte[] b, int from, int hi, int max) {
    int i = from;
    while (i < hi && i - from < max && isHex(b[i])) {
      i++;
    }
    return i - from;
  }

  /** Parses up to 9 decimal digits. */
  static int parseInt(byte[] b, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }
}
