package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a window: a per-byte table lookup gives the byte's class among the bytes patterns start with,
 * which feeds the keyword filter (see {@link KeywordTrie}), and flags the few bytes that may start a candidate (a
 * word-initial digit or capital, {@code @ + ( % : - . <}).
 * Each candidate is validated locally by its detector; after a match the pass resumes behind it. Immutable
 * and thread-safe; all state is in the {@link Scan}.
 */
final class CatalogScanner {
  // Per byte: its class for the keyword filter in the low 6 bits (KeywordTrie.startClass), then these flags.
  static final int CLASS = 0x3F;
  /** The byte is a {@code .}: the number detectors never match after one (see {@link #numberWorthATry}). */
  static final int DOT = 1 << 6;
  static final int WORD = 1 << 8;
  static final int T_DIGIT = 1 << 9;
  static final int T_UPPER = 1 << 10;
  static final int T_AT = 1 << 11;
  static final int T_PLUS = 1 << 12;
  static final int T_PAREN = 1 << 13;
  static final int T_PERCENT = 1 << 14;
  static final int T_COLON = 1 << 15;
  static final int T_LT = 1 << 16;
  static final int T_DASH = 1 << 17;
  static final int T_DOT = 1 << 18;
  /** Not a trigger: a hex digit, which a MAC separator ({@code -}, {@code .}) needs before it. */
  static final int HEX = 1 << 19;
  static final int T_ANY = T_DIGIT | T_UPPER | T_AT | T_PLUS | T_PAREN | T_PERCENT | T_COLON | T_LT | T_DASH | T_DOT;
  /**
   * Per byte, in the bits from 20 on: the triggers that the byte after it cannot be, read as {@code prev >>> KILLS}
   * (see {@link #kills}).
   */
  static final int KILLS = 11;
  /** What a word byte rules out for the byte after it: a digit or capital triggers only at a word start. */
  private static final int WORD_KILLS = (T_DIGIT | T_UPPER) << KILLS;
  static {
    assert (T_ANY << KILLS) >>> KILLS == T_ANY && ((T_ANY << KILLS) & (CLASS | DOT | WORD | HEX | T_ANY)) == 0;
  }
  /** How far into a match {@link #scan} looks for a swallowed start. */
  private static final int RESCAN = 512;

  private final KeywordTrie trie;
  private final Trigger[] triggers;
  /**
   * Per pattern, the bytes before its anchor (see {@link Anchors}): the filter and the trie hold each pattern from
   * its anchor on, and a pattern found there counts when these bytes precede it.
   */
  private final byte[][] leads;
  /** Per pattern, its whole length. */
  private final int[] lengths;
  /** The longest lead: how far past a window's limit the pass looks for anchors of patterns that start before it. */
  private final int maxAnchor;
  private final boolean[] enabled;
  private final byte[][] tokenLabels;
  private final int[] byteInfo = new int[256];
  private final boolean skipDateTimes;

  /**
   * @param enabled per built-in detector ordinal
   * @param tokenLabels labels whose tokens ({@code <label>}, {@code <label:8 hex>}) are skipped, so that
   *     redacting twice equals redacting once
   */
  CatalogScanner(List<Trigger> catalog, boolean[] enabled, List<String> tokenLabels) {
    this(catalog, enabled, tokenLabels, true);
  }

  /**
   * @param skipDateTimes whether triggers inside dates and times are skipped ({@link #quietEnd}, the nginx
   *     {@code YYYY:HH:MM:SS} colon); off only in the test that proves skipping them changes no result
   */
  CatalogScanner(List<Trigger> catalog, boolean[] enabled, List<String> tokenLabels, boolean skipDateTimes) {
    this.skipDateTimes = skipDateTimes;
    List<Trigger> active = new ArrayList<>();
    for (Trigger t : catalog) {
      // (an HL7 segment's fields are of five types: it is looked for while one of them is on, Hl7Detector checks;
      // a FHIR resource's of two, FhirDetector checks; a SAML attribute's of several, Scan.add checks)
      if (enabled[t.type().ordinal()] || t.action() == Trigger.Action.JSON_ESCAPE
          || t.action() == Trigger.Action.HL7_SEGMENT || t.action() == Trigger.Action.FHIR
          || t.action() == Trigger.Action.SAML_ATTRIBUTE_VALUE) {
        active.add(t);
      }
    }
    this.triggers = active.toArray(new Trigger[0]);
    List<byte[]> patterns = new ArrayList<>();
    this.leads = new byte[triggers.length][];
    this.lengths = new int[triggers.length];
    int most = 0;
    for (int id = 0; id < triggers.length; id++) {
      byte[] text = triggers[id].text().getBytes(StandardCharsets.UTF_8);
      int anchor = Anchors.of(text);
      leads[id] = java.util.Arrays.copyOf(text, anchor);
      lengths[id] = text.length;
      most = Math.max(most, anchor);
      patterns.add(java.util.Arrays.copyOfRange(text, anchor, text.length));
    }
    this.maxAnchor = most;
    this.trie = KeywordTrie.of(patterns);
    this.enabled = enabled.clone();
    for (int c = 0; c < 256; c++) {
      byteInfo[c] = trie.startClass(c) | flags(c) | kills(c);
    }
    this.tokenLabels = new byte[tokenLabels.size()][];
    for (int i = 0; i < tokenLabels.size(); i++) {
      this.tokenLabels[i] = tokenLabels.get(i).getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** The keyword filter and trie (for the benchmark that measures the byte loop alone). */
  KeywordTrie trie() {
    return trie;
  }

  /** The class and the flags of {@code c}, as the scanner reads them. */
  int info(int c) {
    return byteInfo[c & 0xFF];
  }

  /**
   * The triggers that cannot follow {@code c}, as the byte loop's stops: a digit or capital after a word byte
   * (inside a word), a digit after a dot (no number detector matches there: see {@link #numberWorthATry}), a dash
   * or dot after a byte that is not a hex digit (a MAC's separators follow hex digits). Each is what the loop's
   * own checks and {@link #worthATry} answer at such a byte, so the loop need not stop there at all: ~2.4 M stops
   * fewer per 64 MiB of logs (version numbers, fractions and addresses, {@code " - "}, {@code "c.a.p.Foo"}).
   */
  static int kills(int c) {
    int k = 0;
    if (Bytes.isWord(c)) {
      k |= T_DIGIT | T_UPPER;
    }
    if (c == '.') {
      k |= T_DIGIT;
    }
    if (!Bytes.isHex(c)) {
      k |= T_DASH | T_DOT;
    }
    return k << KILLS;
  }

  private static int flags(int c) {
    int f = (Bytes.isWord(c) ? WORD : 0) | (Bytes.isHex(c) ? HEX : 0) | (c == '.' ? DOT : 0);
    if (Bytes.isDigit(c)) {
      f |= T_DIGIT;
    } else if (Bytes.isUpper(c)) {
      f |= T_UPPER;
    }
    switch (c) {
      case '@':
        return f | T_AT;
      case '+':
        return f | T_PLUS;
      case '(':
        return f | T_PAREN;
      case '%':
        return f | T_PERCENT;
      case ':':
        return f | T_COLON;
      case '<':
        return f | T_LT;
      case '-':
        return f | T_DASH;
      case '.':
        return f | T_DOT;
      default:
        return f;
    }
  }

  Scan newScan() {
    return new Scan(enabled, tokenLabels);
  }

  /** A scan over the whole of {@code in}, a complete input held in memory (nothing before it, nothing after). */
  Scan newScan(byte[] in) {
    Scan s = newScan();
    s.b = in;
    s.lo = 0;
    s.emitFrom = 0;
    s.hi = in.length;
    s.eof = true;
    return s;
  }

  /**
   * Scans candidates starting at {@code [from, limit)}; detectors may read up to {@code s.hi}.
   *
   * <p>A match may have swallowed the start of another secret that reaches past it: in
   * {@code user= -----BEGIN PRIVATE KEY-----} the user slot took {@code -----BEGIN} and the key block was left, in
   * {@code user= +49 30 98765432} it took {@code +49} and the number was left (both found by fuzzing). So the pass
   * does not jump over a match: it goes on through the match's bytes like through any others, and a match found
   * there merges into the span or extends it. Only the first {@link #RESCAN} bytes after a match's start are looked
   * at so (a key block is not read twice whole); the pass then jumps to the end of what was matched. Inside a match
   * a {@code <} is not taken for a token of ours, and the byte at the end of what was matched counts as a word start,
   * as after a jump.
   */
  void scan(Scan s, int from, int limit) {
    s.jwtFrom = 0;
    s.jwtTo = 0;
    s.fhirWork = 0;
    final byte[] b = s.b;
    final int[] info = byteInfo;
    final long[] trigrams = trie.trigrams();
    // (a pattern that starts before the limit may have its anchor up to maxAnchor bytes after it)
    final int end = Math.min(s.hi, limit + 2 + maxAnchor);
    s.patternFrom = from;
    s.patternLimit = limit;
    int window = 0;
    int prev = 0;
    int quiet = from; // no trigger before this can match: the rest of a date and time (see quietEnd)
    int inside = 0; // the end of what was matched, while the pass is inside it; else at most i
    int bound = 0; // inside a match, where the pass stops looking (RESCAN bytes after its start) and jumps to inside
    int tokenEnd = 0; // the end of the last token of an earlier redaction skipped
    int i = from;
    while (i < end) {
      // The bytes between two events, in a loop of its own that only reads and breaks: C2 compiles it as a counted
      // loop (hoisted range checks; bin/agent turns C2's unrolling off, which a stop every ~6 bytes did not repay),
      // which the whole loop, where a match moves i, is not. It stops at every
      // byte where the loop below might do something (a pattern's three bytes that pass the filter, any trigger), a
      // superset of what it acts on, with window holding that byte and prev the flags of the byte before it; and,
      // inside a match, at its end or at the bound.
      int inf = 0;
      int trig = 0;
      boolean hit = false;
      final int stopAt = i < inside ? Math.min(end, Math.min(inside, bound)) : end;
      for (; i < stopAt; i++) {
        inf = info[b[i] & 0xFF];
        int w = ((window << 6) | (inf & CLASS)) & 0x3FFFF;
        // no trigger where the byte before rules it out (see kills): a digit or capital inside a word, …
        trig = inf & T_ANY & ~(prev >>> KILLS);
        hit = (trigrams[w >>> 6] & (1L << w)) != 0;
        window = w;
        if (hit || trig != 0) {
          break;
        }
        prev = inf;
      }
      if (i >= stopAt) {
        if (i >= end) {
          break;
        }
        if (i < inside) {
          i = inside; // the bound: jump to the end of what was matched
          window = 0;
        }
        // the end of what was matched: a word start, whatever the byte before it (a digit or capital here is tried
        // even after a letter the match took); the byte itself still counts (a hex digit before a MAC's or IPv6
        // address's colon)
        int before = i > s.lo ? info[b[i - 1] & 0xFF] : 0;
        prev = (before & WORD) != 0 ? before & ~WORD & ~WORD_KILLS : before;
        inside = 0;
        continue;
      }
      boolean in = i < inside;
      if (hit && i - 2 >= from && i - 2 < limit + maxAnchor) {
        if (s.tableRow <= i) {
          tableRows(s, i); // the rows of a table the pass has reached (the byte loop does not stop at line starts)
        }
        s.cursor = i - 2;
        int r = onPatternsAt(s, i - 2, window);
        if (r > i) {
          if (!in) {
            bound = Math.max(i - 1, from) + RESCAN + 2;
          }
          inside = Math.max(inside, r);
          in = true;
        }
      }
      int q;
      if (trig == 0 || i >= limit || i < quiet || (in && (inf & T_LT) != 0)) {
        // nothing to try here
      } else if (trig == T_DIGIT ? (prev & DOT) != 0
          : trig == T_DOT ? (prev & HEX) == 0 || (i + 5 < end && b[i + 5] != '.')
          : trig == T_UPPER ? i + 3 < end && (info[b[i + 1] & 0xFF] & T_UPPER) == 0
          : trig == T_DASH ? (prev & HEX) == 0 || (i + 3 < end && b[i + 3] != '-')
          : trig == T_COLON && (prev & HEX) == 0 && i + 1 < end && b[i + 1] != ':') {
        // nothing: worthATry's answer without the call (~6 M per 64 MiB, nearly all rejected): no number detector
        // matches after a dot (see numberWorthATry; fractions, version parts), a MAC separator follows a hex digit
        // and recurs 3 or 5 bytes on, both capital detectors need a second capital, a colon a hex digit before it
        // or a second colon
      } else if (trig == T_DIGIT && skipDateTimes && i + 9 <= s.hi && (b[i + 2] == ':' || b[i + 4] == '-')
          && (q = quietEnd(b, i, s.hi)) > i) {
        // (quietEnd finds nothing unless a time's colon or a date's dash is where it looks first)
        quiet = q;
      } else if (worthATry(b, inf, prev, i, end)) {
        s.cursor = i;
        int r = onTrigger(s, inf, i);
        if (r > i) {
          if ((inf & T_LT) != 0) {
            // a token of an earlier redaction is skipped whole, so that redacting twice equals redacting once
            i = r;
            tokenEnd = r;
            window = 0;
            prev = 0;
            continue;
          }
          if (!in) {
            bound = Math.max(i - 1, from) + RESCAN + 2;
          }
          inside = Math.max(inside, r);
        }
      }
      prev = inf;
      i++;
    }
    if (s.tableRow < limit) {
      tableRows(s, limit - 1);
    }
    // A pattern's bytes are tested once its third byte is read: a pattern of two bytes (a two-character keyword) that
    // ends the input has none after it, so it is looked for here (the last word of a file without a final newline,
    // a single value such as a JSON string or a label).
    int last = s.hi - 2;
    if (s.eof && end == s.hi && last >= from && last < limit && last >= s.lo && last >= tokenEnd) {
      s.cursor = last;
      onPatternsAt(s, last);
    }
  }

  /**
   * Types the cells of the rows of {@link Scan#table} that start at {@code upTo} or before ({@link TableDetector}). A
   * row is read at the pass's first pattern in or after it, not at its start: its cells' spans may start behind the
   * pass, where they merge with what it found there.
   */
  private static void tableRows(Scan s, int upTo) {
    while (s.tableRow <= upTo) {
      s.cursor = s.tableRow;
      TableDetector.row(s, s.tableRow);
    }
  }

  /**
   * At a word-initial digit: the end of the date and time that starts here ({@code 2026-11-25 10:11:12},
   * {@code 2026-11-25T10:11:12}, {@code 10:11:12}), before which no trigger can lead to a match, or -1. These
   * raise about eight triggers per log line, each rejected by its detector; skipping them changes no result:
   *
   * <ul>
   *   <li>year {@code DDDD-}: a number followed by 2 digits is no card group, no SSN area, and a trunk-prefixed
   *       phone needs a second group of at least 3 digits;
   *   <li>the dashes: the first is inside a word ({@code 20|24-}), the second is not followed by {@code DD-}
   *       (a space or {@code T} is required at +10), so neither starts a hyphenated MAC;
   *   <li>month and day ({@code -DD}): two digits after a dash: no SSN area (3 digits), no card group
   *       (4 digits), and a national phone never follows a dash;
   *   <li>hour, minute: followed by a colon, which ends every number detector; the hour's colon starts a
   *       {@code HH:MM:SS} time (not followed by a colon: checked), which is neither MAC nor IPv6, the minute's
   *       colon is not the first of its token;
   *   <li>seconds: two digits after a colon: no SSN, no card, no phone (never after a colon), and an IPv4
   *       address only if a dot, 1–3 digits and another dot follow (checked: then -1, nothing is skipped);
   *   <li>the dot of the fraction: a Cisco MAC needs 4 hex digits before it, here is a colon 3 bytes back;
   *   <li>the hour's and the minute's colons as the end of a {@code .pgpass} port field: {@link PgpassDetector}
   *       refuses a colon this skips (it asks this method).
   * </ul>
   *
   * The keyword filter still runs over these bytes, so patterns and keywords are found there as before.
   */
  static int quietEnd(byte[] b, int i, int hi) {
    int p = i;
    if (i + 11 <= hi && b[i + 4] == '-' && b[i + 7] == '-' && (b[i + 10] == ' ' || b[i + 10] == 'T')
        && Bytes.isDigit(b[i + 1]) && Bytes.isDigit(b[i + 2]) && Bytes.isDigit(b[i + 3])
        && Bytes.isDigit(b[i + 5]) && Bytes.isDigit(b[i + 6]) && Bytes.isDigit(b[i + 8])
        && Bytes.isDigit(b[i + 9])) {
      p = i + 11;
    }
    if (p + 9 > hi || b[p + 2] != ':' || b[p + 5] != ':' || !Bytes.isDigit(b[p]) || !Bytes.isDigit(b[p + 1])
        || !Bytes.isDigit(b[p + 3]) || !Bytes.isDigit(b[p + 4]) || !Bytes.isDigit(b[p + 6])
        || !Bytes.isDigit(b[p + 7])) {
      return p > i ? p : -1;
    }
    int c = b[p + 8];
    if (c == ':' || Bytes.isDigit(c)) {
      return p > i ? p : -1;
    }
    if (c != '.') {
      return p + 8;
    }
    int f = Bytes.digitRun(b, p + 9, hi, 4);
    if (f >= 1 && f <= 3 && (p + 9 + f >= hi || b[p + 9 + f] == '.')) {
      return p > i ? p : -1; // SS.fff.…: the seconds may start an IPv4 address
    }
    return p + 9;
  }

  /**
   * Cheap looks at the neighbouring bytes that rule out most triggers before the call: a number not followed
   * by a separator and another digit (and shorter than a card number), a capital that is
   * not followed by another capital (and, unless it is an {@code A}, a digit), a colon with no hex digit before it and no
   * second colon, a dash or dot not followed by the separator of a MAC address; the first checks of the phone
   * detectors ({@code (NNN)} after no word byte, {@code +} and a digit 1–9 after no word byte) and of
   * {@code %40}, which turned away ~230 000 calls per 64 MiB ({@code +0000]}, {@code (KHTML, …}, {@code (ttl …}).
   */
  static boolean worthATry(byte[] b, int inf, int prev, int i, int end) {
    if ((inf & T_DIGIT) != 0) {
      return numberWorthATry(b, prev, i, end);
    }
    switch (inf & (T_UPPER | T_COLON | T_DASH | T_DOT | T_PAREN | T_PLUS | T_PERCENT)) {
      case T_PAREN:
        // PhoneDetector.findParenthesized: (NNN) after no word byte
        return i + 4 >= end || (b[i + 4] == ')' && Bytes.isDigit(b[i + 1]) && Bytes.isDigit(b[i + 2])
            && Bytes.isDigit(b[i + 3]) && (prev & WORD) == 0);
      case T_PLUS:
        // PhoneDetector.findInternational: a digit 1-9 after the plus, no word byte before it
        return i + 1 >= end || (b[i + 1] >= '1' && b[i + 1] <= '9' && (prev & WORD) == 0);
      case T_PERCENT:
        // EmailDetector.findEncoded: %40; PhoneDetector.findEncodedInternational: %2B and a digit 1-9
        return i + 2 >= end || (b[i + 1] == '4' && b[i + 2] == '0')
            || (b[i + 1] == '2' && (b[i + 2] | 0x20) == 'b' && (i + 3 >= end || (b[i + 3] >= '1' && b[i + 3] <= '9')));
      case T_UPPER:
        // the three detectors need a second capital: an AWS key id (AKIA…) an A, an IBAN two digits after it, a
        // National Insurance number a digit or a blank and two digits (JG 10 37 59 A)
        return i + 3 >= end ? b[i] == 'A' : Bytes.isUpper(b[i + 1]) && (b[i] == 'A' || Bytes.isDigit(b[i + 2])
            || (b[i + 2] == ' ' && i + 5 < end && Bytes.isDigit(b[i + 3]) && Bytes.isDigit(b[i + 4])));
      case T_COLON:
        return (prev & HEX) != 0 || (i + 1 < end && b[i + 1] == ':');
      case T_DASH:
        return i + 3 < end && b[i + 3] == '-' && (prev & HEX) != 0;
      case T_DOT:
        return i + 5 < end && b[i + 5] == '.' && (prev & HEX) != 0;
      default:
        return true;
    }
  }

  /**
   * At a word-initial digit: whether {@link #onNumber} can find anything here. The digit run, the byte after it
   * and the digit run after that are read once, here, instead of by each detector in turn to say no (about 3 M
   * word-initial numbers per 64 MiB of logs: counters, status codes, durations, fractions, version parts; a
   * quarter of them used to reach a detector, one in eleven of those matched). Exact — false only where
   * {@code onNumber} returns -1 having recorded nothing, whatever {@code b} holds at and behind {@code end}:
   *
   * <ul>
   *   <li>after a dot ({@code prev}, the flags of the byte before): each detector {@code onNumber} calls (card,
   *       IPv4, national phone, SSN) rejects a number that follows a dot first thing ({@code 2.31.0}, the
   *       {@code .0.0} of {@code Chrome/122.0.0.0});
   *   <li>13 digits or more: a card number (true; {@code onNumber} checks the 19);
   *   <li>1–3 digits, a dot, a digit: IPv4 needs a second octet of 1–3 digits and a second dot, a NANP phone
   *       ({@code 415.555.1234}) 3 digits and a second dot, so {@code rt=0.993 }, {@code 24.1 ms},
   *       {@code HTTP/1.1"} are out; more digits before the dot: nothing;
   *   <li>{@code -}, space or {@code /} and a run of {@code m} digits: an SSN needs 3, {@code -}, 2; a
   *       national phone 3 and 3, or a leading 0; a card 4 digits, then 3 or more, not after {@code /}: so
   *       {@code 200 72383} (status, bytes) is out;
   *   <li>any other byte after the run, or no digit after the separator: nothing.
   * </ul>
   *
   * A run that reaches {@code end} answers true: what follows it is not known here.
   */
  static boolean numberWorthATry(byte[] b, int prev, int i, int end) {
    if ((prev & DOT) != 0) {
      return false;
    }
    int j = i + 1;
    while (j < end && j - i < 13 && Bytes.isDigit(b[j])) {
      j++;
    }
    int n = j - i;
    if (n >= 13 || j >= end) {
      return true;
    }
    int after = b[j];
    int w = 1; // the separator's length
    if (after == '+') {
      return n == 4; // a form body's blank, card[number]=4242+4242+…: only a card's first group of four
    }
    if (after != '.' && after != '-' && after != ' ' && after != '/') {
      // a no-break or narrow space between digit groups (a card number, a French phone number) counts as a blank
      w = after < 0 ? Bytes.groupSpaceAt(b, j, end) : 0;
      if (w == 0) {
        return false;
      }
      after = ' ';
    }
    int k = j + w;
    while (k < end && k - j - w < 4 && Bytes.isDigit(b[k])) {
      k++;
    }
    int m = k - j - w; // digits after the separator, 4 standing for 4 or more
    if (m < 4 && k >= end) {
      return true;
    }
    if (m == 0) {
      return false;
    }
    if (after == '.') {
      return n <= 3 && m <= 3 && b[k] == '.';
    }
    return (n == 3 && after == '-' && m == 2) || (n == 3 && m == 3) || b[i] == '0'
        || (n == 4 && m >= 3 && after != '/');
  }

  /** Walks the trie from {@code start}, from its root, and tries the patterns found there, longest first. */
  int onPatternsAt(Scan s, int start) {
    return onPatternsAt(s, start, -1);
  }

  /**
   * As {@link #onPatternsAt(Scan, int)}, the walk starting at the fourth byte when {@code trigram}, the classes of the
   * bytes at {@code start} (or -1), names their nodes (see {@link KeywordTrie#prefix}).
   */
  int onPatternsAt(Scan s, int start, int trigram) {
    int[] ids = s.patternIds;
    int[] ends = s.patternEnds;
    int found = 0;
    int node = 0;
    int k = start;
    int prefix = trigram < 0 ? -1 : trie.prefix(trigram);
    if (prefix != -1) {
      // the first three bytes' nodes from the table: the walk goes on at the fourth byte
      found = outputsAt(ids, ends, found, prefix >>> 16, start + 1);
      node = prefix & 0xFFFF;
      if (node == 0) {
        k = s.hi;
      } else {
        found = outputsAt(ids, ends, found, node, start + 2);
        k = start + 3;
      }
    }
    for (; k < s.hi; k++) {
      node = trie.child(node, s.b[k]);
      if (node == 0) {
        break;
      }
      found = outputsAt(ids, ends, found, node, k);
    }
    for (int j = found - 1; j >= 0; j--) {
      int id = ids[j];
      int first = ends[j] - lengths[id] + 1; // where the whole pattern starts
      if (first < s.patternFrom || first >= s.patternLimit || (leads[id].length > 0 && !leadAt(s, leads[id], first))) {
        continue;
      }
      int r = onPattern(s, triggers[id], ends[j]);
      if (r > ends[j]) {
        return r;
      }
    }
    return -1;
  }

  /** Whether the bytes at {@code first} are {@code lead} (ASCII letters in either case, as the trie compares). */
  private static boolean leadAt(Scan s, byte[] lead, int first) {
    if (first < s.lo) {
      return false;
    }
    for (int k = 0; k < lead.length; k++) {
      if (Bytes.lower(s.b[first + k]) != lead[k]) {
        return false;
      }
    }
    return true;
  }

  /** Records the patterns that end at {@code node} (their last byte at {@code end}); returns the new count. */
  private int outputsAt(int[] ids, int[] ends, int found, int node, int end) {
    int[] out = trie.outputs(node);
    if (out != null) {
      for (int id : out) {
        if (found < ids.length) {
          ids[found] = id;
          ends[found++] = end;
        }
      }
    }
    return found;
  }

  private int onPattern(Scan s, Trigger t, int last) {
    switch (t.action()) {
      case JSON_ESCAPE:
        return afterEscape(s, last);
      case KEY_VALUE:
        return KeyValueDetector.find(s, last, t);
      case TOKEN_PREFIX:
        return TokenPrefixDetector.find(s, last, t.flags());
      case JWT:
        return JwtDetector.find(s, last);
      case PEM:
        return PemDetector.find(s, last);
      case BEARER:
        return AuthHeaderDetector.bearer(s, last);
      case BASIC:
        return AuthHeaderDetector.basic(s, last);
      case SASL_INITIAL_RESPONSE:
        return AuthHeaderDetector.saslInitialResponse(s, last, t.text().length(), t.flags() == 1);
      case URL_USERINFO:
        return UrlUserinfoDetector.find(s, last, t.flags());
      case OAUTH_CODE:
        return OAuthCodeDetector.find(s, last, t.text().length(), t.flags());
      case DIGEST_USER_PASSWORD:
        return AuthHeaderDetector.digest(s, last);
      case CLI_COOKIE:
        return CookieDetector.commandLine(s, last);
      case POWERSHELL_COOKIE:
        return CookieDetector.powershell(s, last);
      case SAML_BASE64:
        return WebArtifactDetector.samlBase64(s, last, t.text().length());
      case SESSION_STORE_KEY:
        return WebArtifactDetector.sessionStoreKey(s, last, t.text().length());
      case RESET_LINK:
        return WebArtifactDetector.resetLink(s, last, t.text().length());
      case POSTMAN_APIKEY:
        return WebArtifactDetector.postmanApiKey(s, last);
      case USER_OBJECT_ID:
        return WebArtifactDetector.userObjectId(s, last);
      case SCIM_FORMATTED:
        return WebArtifactDetector.scimFormatted(s, last);
      case OTPAUTH_LABEL:
        return WebArtifactDetector.otpauthLabel(s, last);
      case PHP_SESSION_VALUE:
        return WebArtifactDetector.phpSessionValue(s, last);
      case MAILCHIMP_KEY:
        return TokenPrefixDetector.mailchimp(s, last);
      case AWS_CONFIGURE_PROMPT:
        return AwsKeyDetector.configurePrompt(s, last);
      case XML_NAME_VALUE:
        return KeyedForms.xmlNameValue(s, last);
      case ZK_DIGEST_AUTH:
        return CommandLineDetector.zkDigestAuth(s, last);
      case GOSSIP_KEY:
        return CommandLineDetector.gossipKey(s, last);
      case JETTY_OBFUSCATED:
        return CommandLineDetector.jettyObfuscated(s, last);
      case JINJA_PASSWORD_HASH:
        return CommandLineDetector.jinjaPasswordHash(s, last, t.text().length());
      case HTTPIE_AUTH:
        return CommandLineDetector.httpieAuth(s, last);
      case NGROK_AUTHTOKEN:
        return CommandLineDetector.ngrokAuthtoken(s, last);
      case ZK_DIGEST_ACL:
        return CommandLineDetector.zkDigestAcl(s, last, t.flags());
      case JETTY_REALM_HASH:
        return CommandLineDetector.jettyRealmHash(s, last, t.flags());
      case NAGIOS_USER_MACRO:
        return CommandLineDetector.nagiosUserMacro(s, last);
      case CASSANDRA_AUDIT_USER:
        return LoginLogDetector.cassandraAuditUser(s, last);
      case CLICKHOUSE_AUTH_FAILED:
        return LoginLogDetector.clickhouseAuthFailed(s, last);
      case RABBITMQ_USER:
        return LoginLogDetector.rabbitmqUser(s, last, t.text().length());
      case PPP_SECRETS:
        return AuthFileLineDetector.pppSecrets(s, last);
      case JMX_PASSWORD:
        return AuthFileLineDetector.jmxPassword(s, last);
      case MINIO_USER_ADD:
        return CommandLineDetector.minioUserAdd(s, last);
      case FULL_NAME_ROW:
        return LoginLogDetector.fullNameRow(s, last);
      case NET_USER_LIST:
        return LoginLogDetector.netUserList(s, last);
      case ID_OUTPUT:
        return UserSlotDetector.idOutput(s, last);
      case SUDOERS:
        return SudoersDetector.find(s, last, t.flags());
      case POSTGRES_BACKEND:
        return UserSlotDetector.postgresBackend(s, last);
      case ACCOUNT_COMMAND:
        return AccountCommandDetector.find(s, last, t.text().length(), t.flags());
      case ACCOUNT_LISTING:
        return AccountListingDetector.find(s, last, t.text().length(), t.flags());
      case PULUMI_CONFIG_SET:
        return CommandLineDetector.pulumiConfigSet(s, last);
      case LOGGED_IN_AS:
        return LoginLogDetector.loggedInAs(s, last);
      case API_KEY_ROW:
        return LoginLogDetector.apiKeyRow(s, last);
      case PAYLOAD_DATA:
        return SiblingValueDetector.payloadData(s, last);
      case AZURE_KEY_NAME:
        return SiblingValueDetector.azureKeyName(s, last);
      case CONFLUENT_SECRET:
        return CommandLineDetector.confluentSecret(s, last, t.flags());
      case INFLUX_QUERY_PASSWORD:
        return CommandLineDetector.influxQueryPassword(s, last);
      case DASH_P:
        return CommandLineDetector.dashP(s, last);
      case REDIS_AUTH:
        return CommandLineDetector.redisAuth(s, last);
      case ERLANG_SECRET:
        return CommandLineDetector.erlangSecret(s, last);
      case MOSQUITTO_PASSWORD:
        return CommandLineDetector.mosquittoPassword(s, last, t.flags());
      case HL7_SEGMENT:
        return Hl7Detector.find(s, last);
      case FHIR:
        return FhirDetector.find(s, last, t.flags());
      case VAULT_UNSEAL_CLI:
        return CommandLineDetector.vaultUnsealCli(s, last);
      case VAULT_UNSEAL_BODY:
        return CommandLineDetector.vaultUnsealBody(s, last);
      case TRANSIT_EXPORT:
        return CommandLineDetector.transitExport(s, last);
      case KAFKA_ENTITY_USER:
        return CommandLineDetector.kafkaEntityUser(s, last);
      case EC2_PUBLIC_NAME:
        return Ipv4Detector.ec2PublicName(s, last);
      case CEPH_KEY:
        return CommandLineDetector.cephKey(s, last);
      case WINLOGON_PASSWORD:
        return CommandLineDetector.winlogonPassword(s, last);
      case SPRING_INVALID_PROPERTY:
        return CommandLineDetector.springInvalidProperty(s, last, t.flags());
      case WINDOWS_DOMAIN_TOOL:
        return CommandLineDetector.windowsDomainTool(s, last, t.flags());
      case ODBC_UID:
        return CommandLineDetector.odbcUid(s, last);
      case WLST_CONNECT:
        return CommandLineDetector.wlstConnect(s, last);
      case SQL_SERVER_LOGIN_PROC:
        return CommandLineDetector.sqlServerLoginProc(s, last, t.flags());
      case POWERSHELL_IDENTITY:
        return CommandLineDetector.powershellIdentity(s, last);
      case SECRET_CLI_VALUE:
        return CommandLineDetector.secretCliValue(s, last, t.flags());
      case DB2_USING:
        return CommandLineDetector.db2Using(s, last);
      case RMAN_TARGET:
        return CommandLineDetector.rmanTarget(s, last);
      case SNMP_CREATE_USER:
        return CommandLineDetector.snmpCreateUser(s, last);
      case PAGERDUTY_INTEGRATION:
        return CommandLineDetector.pagerDutyIntegration(s, last);
      case HOME_SHARE:
        return UserSlotDetector.homeShare(s, last);
      case RADOSGW_UID:
        return CommandLineDetector.radosgwUid(s, last);
      case SPRING_OIDC_NAME:
        return UserSlotDetector.bracketedName(s, last);
      case GO_DSN:
        return UrlUserinfoDetector.goDsn(s, last, t.text().length());
      case ORACLE_THIN:
        return UrlUserinfoDetector.oracleThin(s, last);
      case USER_SLOT_INVALID:
      case USER_SLOT_FOR:
        return UserSlotDetector.afterPhrase(s, last, false, t.flags() == UserSlotDetector.NEEDS_PORT);
      case USER_SLOT_FOR_FROM:
        return UserSlotDetector.afterPhrase(s, last, true, false);
      case IAM_USER_ARN:
        return UserSlotDetector.iamUserArn(s, last, t.text().length());
      case SUDO_USER:
        return t.flags() == 0 ? UserSlotDetector.sudo(s, last) : UserSlotDetector.sudoWithPid(s, last);
      case USER_BEFORE_UID:
        return UserSlotDetector.beforeUid(s, last);
      case SU_USERS:
        return UserSlotDetector.su(s, last);
      case PAM_LOGNAME:
        return UserSlotDetector.pamLogname(s, last);
      case LDAP_UID:
        return DistinguishedNameDetector.find(s, last, t.text().length(), DetectorType.USERNAME);
      case HOME_DIR:
        return UserSlotDetector.home(s, last, t.text().length());
      case WINDOWS_HOME:
        return UserSlotDetector.windowsHome(s, last);
      case MAC_HOME:
        return UserSlotDetector.macHome(s, last);
      case DN_COMMON_NAME:
        return DistinguishedNameDetector.find(s, last, 3, DetectorType.PERSON_NAME);
      case INTERNAL_SUFFIX:
        return HostnameDetector.find(s, last, t.text().length(), true);
      case CUSTOMER_DOMAIN:
        return HostnameDetector.find(s, last, t.text().length(), false);
      case KEYWORD:
        int start = last - t.flags() + 1;
        s.add(start, last + 1, DetectorType.KEYWORD);
        if (s.at(last + 1) == '\\' && enabled(DetectorType.USERNAME)) {
          UserSlotDetector.afterDomainKeyword(s, start, last + 1); // (session 31) HOOLI\\jdoe: the customer's domain
        }
        return -1; // keywords are short; keep scanning through them
      case MYSQL_PASSWORD:
        return CommandLineDetector.mysql(s, last);
      case REDIS_CLI_PASSWORD:
        return CommandLineDetector.redisCli(s, last);
      case IDENTIFIED_BY:
        return CommandLineDetector.identifiedBy(s, last);
      case VAULT_UNSEAL_KEY:
        return CommandLineDetector.vaultUnsealKey(s, last);
      case REDIS_MONITOR_AUTH:
        return CommandLineDetector.redisMonitorAuth(s, last);
      case REDIS_HASH_FIELDS:
        return CommandLineDetector.redisHashFields(s, last);
      case IPA_USER:
        return CommandLineDetector.ipaUser(s, last);
      case TRACEBACK_ANNOTATION:
        return AnnotatedTracebackDetector.find(s, last);
      case SIP_DISPLAY_NAME: {
        int lt = Bytes.indexOf(s.b, last - t.text().length() + 1, last + 1, "<");
        if (lt > 0) {
          EmailDetector.displayName(s, lt);
        }
        return -1;
      }
      case VOICEMAIL_BOX:
        return CommandLineDetector.voicemailBox(s, last);
      case IMSI_PREFIXED: {
        int e = last + 1 + Bytes.digitRun(s.b, last + 1, s.hi, 16);
        return e - last - 1 >= 14 && !Bytes.isWord(s.at(e)) && !Bytes.isWord(s.at(last - 5))
            && s.add(last + 1, e, DetectorType.DEVICE_ID) ? e : -1;
      }
      case DICOM_TAG:
        return DicomDetector.dcmdump(s, last, t.text());
      case DICOM_JSON:
        return DicomDetector.json(s, last, t.text());
      case NACHA_ENTRY:
        return NachaDetector.find(s, last);
      case SWIFT_FIELD:
        return SwiftDetector.find(s, last, t.text().substring(2, t.text().length() - 1));
      case TRACK1:
        return CardDetector.track1(s, last);
      case ES_USER_PATH:
        return UserSlotDetector.pathUser(s, last);
      case MONGO_USER_CALL:
        return UserSlotDetector.mongoUserCall(s, last);
      case CHEF_USER_CREATE:
        return CommandLineDetector.chefUserCreate(s, last);
      case XML_TEXT:
        return KeyedForms.xmlText(s, last, t.type());
      case KNEX_BINDINGS:
        return BoundParameterDetector.knex(s, last);
      case PRISMA_PARAMS:
        return BoundParameterDetector.prisma(s, last);
      case RCLONE_CONFIG:
        return CommandLineDetector.rcloneConfig(s, last);
      case WORD_USER:
        return UserSlotDetector.wordBetween(s, last, t.text());
      case AUDIT_ID:
        return UserSlotDetector.auditId(s, last);
      case OPENSSL_PASSWD:
        return CommandLineDetector.opensslPasswd(s, last);
      case PS_CREDENTIAL:
        return CommandLineDetector.psCredential(s, last);
      case BASE64_SECRET:
        return Base64SecretDetector.find(s, last, t.flags());
      case PUTTY_PRIVATE_LINES:
        return PemDetector.puttyPrivateLines(s, last);
      case PASSWORD_HASH:
        return PasswordHashDetector.find(s, last, t.flags());
      case WEBHOOK_SLACK:
        return WebhookDetector.slack(s, last, t.text().length());
      case WEBHOOK:
        return WebhookDetector.afterWebhook(s, last);
      case TELEGRAM_BOT_TOKEN:
        return TokenPrefixDetector.telegram(s, last);
      case PEM_URL_ENCODED:
        return PemDetector.urlEncoded(s, last, t.flags());
      case COOKIE:
        return CookieDetector.find(s, last);
      case AUTHORIZATION:
        return AuthHeaderDetector.otherScheme(s, last);
      case PIPED_PASSWORD: // at the end of password-stdin, or of "| kinit" (from its command word)
        return KeyedForms.piped(s, last - t.text().length() + (t.text().charAt(0) == '|' ? 3 : 1), last + 1, false);
      case ORACLE_LOGIN:
        return CommandLineDetector.oracleLogin(s, last);
      case RABBITMQCTL:
        return CommandLineDetector.rabbitmqctl(s, last);
      case CLI_USER_PASSWORD:
        return CommandLineDetector.userPassword(s, last);
      case SPACED_FLAG_PASSWORD:
        return CommandLineDetector.spacedFlag(s, last);
      case PGPASS_WILDCARD_PORT: {
        int r = PgpassDetector.atPortEnd(s, last);
        return r >= 0 ? r : PasswdLineDetector.find(s, last); // or /etc/passwd's jdoe:*:1002:…
      }
      case PASSWD_LINE:
        return PasswdLineDetector.find(s, last);
      case USERLIST_LINE:
        return AuthFileLineDetector.userlist(s, last);
      case POOL_PASSWD:
        return AuthFileLineDetector.poolPasswd(s, last, t.text().length());
      case ELLIPSIS_IPV4:
        return Bytes.isDigit(s.at(last + 1)) && s.enabled(DetectorType.IPV4) ? Ipv4Detector.find(s, last + 1) : -1;
      case SQUID_USER:
        return UserSlotDetector.squidUser(s, last);
      case SSH_KEY_COMMENT:
        return UserSlotDetector.sshKeyComment(s, last);
      case TERMINAL_USER:
        return UserSlotDetector.terminalUser(s, last, t.text().length());
      case SSHD_NOT_ALLOWED:
        return LoginLogDetector.sshdNotAllowed(s, last, t.text().length());
      case LOGIN_FAILURE:
        return LoginLogDetector.loginFailure(s, last);
      case LOGIN_ON:
        return LoginLogDetector.loginOn(s, last);
      case CRON_COMMAND:
        return LoginLogDetector.cronCommand(s, last, t.text().length());
      case NEO4J_SECURITY:
        return LoginLogDetector.neo4jSecurity(s, last, t.text().length());
      case DDL_USER:
        return LoginLogDetector.ddlUser(s, last, t.text().length());
      case SSHD_AUTH_LOG:
        return LoginLogDetector.sshdAuthLog(s, last);
      case OPENVPN_PEER:
        return LoginLogDetector.bracketedBefore(s, last - t.text().length() + 1);
      case PG_ROLE:
        return LoginLogDetector.postgresRole(s, last);
      case MYSQL_USER_HOST:
        return LoginLogDetector.mysqlUserHost(s, last);
      case SET_PASSWORD_FOR:
        return LoginLogDetector.setPasswordFor(s, last, t.text().length());
      case IDENTIFIED_WITH:
        return LoginLogDetector.identifiedWith(s, last);
      case SU_FOR:
        return LoginLogDetector.suFor(s, last);
      case SUDO_LOGFILE:
        return LoginLogDetector.sudoLogfile(s, last, t.text().length());
      case SSHD_SESSION:
        return LoginLogDetector.sshdSession(s, last, t.text().length());
      case DOVECOT_SERVICE:
        return LoginLogDetector.dovecotService(s, last, t.text().length(), t.flags());
      case POSTGRES_KEY:
        return LoginLogDetector.postgresKey(s, last);
      case SAMBA_DOMAIN_USER:
        return LoginLogDetector.sambaDomainUser(s, last);
      case VAULT_LOGIN_PATH:
        return LoginLogDetector.vaultLoginPath(s, last);
      case ELASTIC_PASSWORD:
        return LoginLogDetector.elasticPassword(s, last);
      case ENROLLMENT_TOKEN:
        return LoginLogDetector.enrollmentToken(s, last);
      case JENKINS_STARTED_BY:
        return LoginLogDetector.jenkinsStartedBy(s, last, t.text().length());
      case COOKIE_WITH_VALUE:
        return CookieDetector.withValue(s, last);
      case SPRING_REJECTED_VALUE:
        return ValidationErrorDetector.springRejected(s, last);
      case FASTAPI_INPUT:
        return ValidationErrorDetector.fastApiInput(s, last);
      case PYDANTIC_INPUT:
        return ValidationErrorDetector.pydanticInput(s, last);
      case JS_VALIDATION_FIELD:
        return ValidationErrorDetector.valueBeforeField(s, last);
      case JOI_CONTEXT:
        return ValidationErrorDetector.joiContext(s, last);
      case TOOL_FLAG:
        return CommandLineDetector.toolFlag(s, last, t.flags());
      case SQLPLUS_CONNECT:
        return CommandLineDetector.sqlplusConnect(s, last);
      case SPARK_ACL_USERS:
        return UserSlotDetector.sparkAclUsers(s, last, t.text().length());
      case PUPPET_USER:
        return UserSlotDetector.puppetUser(s, last);
      case ECHO_HOME:
        return UserSlotDetector.echoHome(s, last);
      case AZURE_ACCOUNT_KEY:
        return KeyedForms.azureAccountKey(s, last);
      case DEBUGGER_PIN:
        return CommandLineDetector.debuggerPin(s, last);
      case PHP_FRAME:
        return CommandLineDetector.phpFrame(s, last);
      case TYPEORM_PARAMETERS:
        return BoundParameterDetector.typeorm(s, last);
      case MYBATIS_PARAMETERS:
        return BoundParameterDetector.mybatis(s, last);
      case SHADOW_TOOL:
        return CommandLineDetector.shadowTool(s, last);
      case HOOKS_PATH:
        return WebhookDetector.hooksPath(s, last);
      case EC2_PRIVATE_NAME:
        return Ipv4Detector.ec2PrivateName(s, last);
      case JENKINS_CLI_AUTH:
        return CommandLineDetector.jenkinsCliAuth(s, last);
      case OPENVPN_STATUS:
        return LoginLogDetector.openvpnStatus(s, last, t.text().length());
      case USERMOD_GROUP_ADD:
        return LoginLogDetector.usermodGroupAdd(s, last);
      case FCM_TOKEN:
        return TokenPrefixDetector.fcm(s, last);
      case EXPECT_SEND:
        return CommandLineDetector.expectSend(s, last);
      case SAML_ATTRIBUTE_VALUE:
        return UserSlotDetector.samlAttributeValue(s, last);
      case HERE_STRING:
        return CommandLineDetector.hereString(s, last);
      case CURL_GLUED_USER:
        return CommandLineDetector.curlGluedUser(s, last);
      case DEVICE_USERNAME:
        return CommandLineDetector.deviceUsername(s, last);
      case ISCSIADM_VALUE:
        return CommandLineDetector.iscsiadmValue(s, last);
      case DEVICE_SECRET:
        return LoginLogDetector.deviceSecret(s, last, t.flags());
      case RADIUS_LOGIN:
        return LoginLogDetector.radiusLogin(s, last);
      case SECURE_STRING:
        return LoginLogDetector.secureString(s, last);
      case ASA_GROUP_USER:
        return LoginLogDetector.asaGroupUser(s, last);
      case FORTI_MSG_USER:
        return LoginLogDetector.fortiMsgUser(s, last);
      case CONFIGURED_BY:
        return LoginLogDetector.configuredBy(s, last);
      case JWK:
        return JwkDetector.find(s, last);
      case MINIO_ALIAS:
        return CommandLineDetector.minioAlias(s, last);
      case REDIS_ACL:
        return RedisAclDetector.find(s, last);
      case NEO4J_QUERY_USER:
        return LoginLogDetector.neo4jQueryUser(s, last);
      case POSTGRES_CSV_USER:
        return LoginLogDetector.postgresCsvUser(s, last);
      case CI_SECRET:
        return CommandLineDetector.ciSecret(s, last);
      case REDIS_CLI_QUOTED:
        return CommandLineDetector.redisCliQuoted(s, last);
      case HAPROXY_AUTH:
        return CommandLineDetector.haproxyAuth(s, last);
      case SIBLING_VALUE:
        return SiblingValueDetector.find(s, last);
      case YAML_NESTED_KEY:
        return YamlValues.nestedKey(s, last, t.text().length());
      case KUBE_SECRET_YAML:
        return KubeSecretDetector.yaml(s, last);
      case KUBE_SECRET_JSON:
        return KubeSecretDetector.json(s, last);
      case KUBE_SECRET_JSON_ESCAPED:
        return KubeSecretDetector.jsonEscaped(s, last);
      case KUBE_SECRET_PATCH:
        return KubeSecretDetector.patchValue(s, last);
      case BOUND_PARAMETERS:
        return BoundParameterDetector.find(s, last);
      case ORM_BOUND_PARAMETER:
        return BoundParameterDetector.orm(s, last, t.flags());
      case PGCRYPTO_KEY:
        return CommandLineDetector.pgcryptoKey(s, last);
      case SENTINEL_PASS:
        return CommandLineDetector.sentinelPass(s, last);
      case ELASTIC_SETUP_PASSWORD:
        return LoginLogDetector.elasticSetupPassword(s, last);
      case SMTP_LOGIN_RESPONSE:
        return AuthHeaderDetector.smtpLoginResponse(s, last, t.type());
      case AUTH_TUPLE:
        return CommandLineDetector.authTuple(s, last);
      case IPSEC_SECRET:
        return CommandLineDetector.ipsecSecret(s, last, t.flags() == 1);
      case NEXT_LINE_SECRET:
        return CommandLineDetector.nextLineSecret(s, last);
      case AUDIT_ENRICHED_USER:
        return LoginLogDetector.auditEnrichedUser(s, last);
      case ROLE_SESSION:
        return UserSlotDetector.roleSession(s, last);
      case JAAS_USERS:
        return CommandLineDetector.jaasUsers(s, last);
      case RBAC_SUBJECT_USER:
        return LoginLogDetector.rbacSubjectUser(s, last);
      case SASL_PASSWD:
        return CommandLineDetector.saslPasswd(s, last);
      case LDIF_ATTRIBUTE:
        return LoginLogDetector.ldifAttribute(s, last);
      case LDAP_FILTER:
        return LoginLogDetector.ldapFilter(s, last, t.text());
      case TERRAFORM_LOCK_WHO:
        return LoginLogDetector.terraformLockWho(s, last);
      case NEO4J_PROCEDURE:
        return CommandLineDetector.neo4jProcedure(s, last, t.flags() == 1);
      case AUDIT_HEX:
        return Argv.auditHex(this, s, last);
      case WINDOWS_FLAG:
        return CommandLineDetector.windowsFlag(s, last);
      case NET_USE:
        return CommandLineDetector.netUse(s, last);
      case WPA_PASSPHRASE:
        return CommandLineDetector.wpaPassphrase(s, last);
      case VAULT_LOGIN_TOKEN:
        return CommandLineDetector.vaultLogin(s, last);
      case SAML_NAME_ID:
        return LoginLogDetector.samlNameId(s, last);
      case TERRAFORM_RANDOM:
        return SiblingValueDetector.terraformRandom(s, last);
      case MYSQL_TEMPORARY_PASSWORD:
        return CommandLineDetector.mysqlTemporaryPassword(s, last);
      case EXIM_USER:
        return LoginLogDetector.eximUser(s, last);
      case DOVEADM_AUTH:
        return CommandLineDetector.doveadmAuth(s, last);
      case SQL_INSERT:
        return SqlInsertDetector.find(s, last, t.text().length());
      case WORD_AFTER:
        return LoginLogDetector.wordAfter(s, last, t);
      case MODSEC_MATCHED_DATA:
        return KeyedForms.modsecMatchedData(s, last);
      case DEBUG_PASSWORD:
        return CommandLineDetector.debugPassword(s, last);
      case HIBERNATE_EXTRACTED:
        return KeyedForms.hibernateExtracted(s, last);
      case KEY_DUMP_FIELD:
        return LoginLogDetector.keyDumpField(s, last);
      case NTLM_DUMP:
        return LoginLogDetector.ntlmDump(s, last);
      case USER_RENAME:
        return LoginLogDetector.userRename(s, last);
      case USER_QUOTED_BEFORE:
        return UserSlotDetector.quotedBefore(s, last, t.length());
      case PKEXEC_USER:
        return LoginLogDetector.pkexecUser(s, last, t.text().length());
      case FTP_LOGIN:
        return LoginLogDetector.ftpLogin(s, last - t.text().length() + 1);
      default:
        throw new IllegalStateException("unhandled trigger " + t.action());
    }
  }

  /**
   * At the {@code u} of a JSON escape: the byte after it may start a number as after the character in UTF-8, whose
   * bytes are no word bytes (a quote <code>&#92;u201c</code>, a no-break space <code>&#92;u00a0</code>, {@code é}),
   * but the byte loop sees the escape's last hex digit before it, a word byte, so a number, capital, {@code +} or
   * {@code (} there was no trigger (an address in escaped quotes, <code>&#92;u201c10.1.2.3&#92;u201d</code>, as
   * ASCII-only JSON encoders write “10.1.2.3”; a phone after a no-break space). Tries that byte as the loop would at
   * a word start; returns -1 (what it finds is recorded, the pass goes on); the phone detectors see the escape as a
   * blank ({@link Bytes#before}).
   */
  private int afterEscape(Scan s, int last) {
    int cp = Bytes.escapedCodePoint(s.b, last - 1, s.hi);
    if (cp < 0) {
      return -1; // not an escape (or half a surrogate pair: the pair's second escape comes next)
    }
    int next = last - 1 + (cp > 0xFFFF ? 12 : 6);
    if (next >= s.hi) {
      return -1;
    }
    int inf = byteInfo[s.b[next] & 0xFF];
    if ((inf & (T_DIGIT | T_UPPER | T_PLUS | T_PAREN)) != 0 && worthATry(s.b, inf, 0, next, s.hi)) {
      onTrigger(s, inf, next);
    }
    return -1;
  }

  int onTrigger(Scan s, int inf, int i) {
    if ((inf & T_DIGIT) != 0) {
      return onNumber(s, i);
    }
    if ((inf & T_UPPER) != 0) {
      int r;
      if (s.b[i] == 'A' && enabled(DetectorType.AWS_ACCESS_KEY) && (r = AwsKeyDetector.find(s, i)) > i) {
        return r;
      }
      if (enabled(DetectorType.IBAN) && (r = IbanDetector.find(s, i)) > i) {
        return r;
      }
      return enabled(DetectorType.NATIONAL_ID) ? NinoDetector.find(s, i) : -1;
    }
    switch (inf & T_ANY) {
      case T_AT: {
        int r = enabled(DetectorType.EMAIL) ? EmailDetector.find(s, i) : -1;
        if (r >= 0 || !enabled(DetectorType.USERNAME)) {
          return r;
        }
        // not an e-mail address: perhaps ssh's user@address, or PostgreSQL's user@database log prefix
        r = UserSlotDetector.beforeAddress(s, i);
        return r >= 0 ? r : UserSlotDetector.beforeName(s, i);
      }
      case T_PERCENT:
        if (s.at(i + 1) == '2') {
          return enabled(DetectorType.PHONE) ? PhoneDetector.findEncodedInternational(s, i) : -1;
        }
        return enabled(DetectorType.EMAIL) ? EmailDetector.findEncoded(s, i) : -1;
      case T_PLUS:
        return enabled(DetectorType.PHONE) ? PhoneDetector.findInternational(s, i) : -1;
      case T_PAREN:
        return enabled(DetectorType.PHONE) ? PhoneDetector.findParenthesized(s, i) : -1;
      case T_COLON:
        return onColon(s, i);
      case T_DASH:
        return s.at(i + 3) == '-' ? onHexSeparator(s, i, 2) : -1;
      case T_DOT:
        return s.at(i + 5) == '.' ? onHexSeparator(s, i, 4) : -1;
      case T_LT:
        return skipToken(s, i);
      default:
        return -1;
    }
  }

  /** At the first {@code :} of a token: IPv6 ({@code ::1}, {@code fe80::…}, {@code 2001:db8:…}) or MAC. */
  private int onColon(Scan s, int i) {
    if (s.at(i + 1) == ':' && !Bytes.isHex(s.at(i - 1))) {
      return enabled(DetectorType.IPV6) ? Ipv6Detector.find(s, i) : -1;
    }
    int k = 0;
    while (k < 6 && Bytes.isHex(s.at(i - 1 - k))) {
      k++;
    }
    if (k == 0 || k > 5) {
      return -1;
    }
    int st = i - k;
    int before = s.at(st - 1);
    if (before == ':') {
      // not the first colon of the token (that one was tried): the end of a .pgpass line's port field?
      return Bytes.isDigit(s.at(i - 1)) && (enabled(DetectorType.SECRET) || enabled(DetectorType.USERNAME))
          ? PgpassDetector.atPortEnd(s, i) : -1;
    }
    if (k > 4 || Bytes.isWord(before) || before == '.') {
      return -1; // inside a word
    }
    if (k == 2 && isTimeOfDay(s, st)) {
      return -1;
    }
    if (k == 4 && skipDateTimes && s.at(i + 3) == ':' && isTimeOfDay(s, i + 1) && !Bytes.isHex(s.at(i + 9))) {
      // nginx [25/Nov/2026:10:11:12 +0000]: four groups then no colon and no hex digit, never eight, no "::"
      return -1;
    }
    int r;
    if (k == 2 && enabled(DetectorType.MAC) && (r = MacDetector.find(s, st)) > i) {
      return r;
    }
    return enabled(DetectorType.IPV6) ? Ipv6Detector.find(s, st) : -1;
  }

  /** {@code HH:MM:SS} not followed by another colon: three groups, so neither a MAC nor an IPv6 address. */
  private static boolean isTimeOfDay(Scan s, int st) {
    return Bytes.isDigit(s.at(st)) && Bytes.isDigit(s.at(st + 1)) && Bytes.isDigit(s.at(st + 3))
        && Bytes.isDigit(s.at(st + 4)) && s.at(st + 5) == ':' && Bytes.isDigit(s.at(st + 6))
        && Bytes.isDigit(s.at(st + 7)) && s.at(st + 8) != ':';
  }

  /** At the first {@code -} or {@code .} after {@code k} hex digits: a hyphenated or Cisco MAC. */
  private int onHexSeparator(Scan s, int i, int k) {
    int st = i - k;
    if (!enabled(DetectorType.MAC) || st < s.lo || Bytes.hexRun(s.b, st, s.hi, k + 1) != k
        || Bytes.isWord(s.at(st - 1))) {
      return -1;
    }
    return MacDetector.find(s, st);
  }

  int onNumber(Scan s, int i) {
    byte[] b = s.b;
    int n = Bytes.digitRun(b, i, s.hi, 20);
    int after = s.at(i + n);
    int r;
    if (n >= 13) {
      return n <= 19 && enabled(DetectorType.CREDIT_CARD) ? CardDetector.find(s, i) : -1;
    }
    if (after == '.') {
      if (n > 3 || !Bytes.isDigit(s.at(i + n + 1))) {
        return -1;
      }
      if (enabled(DetectorType.IPV4) && (r = Ipv4Detector.find(s, i)) > i) {
        return r;
      }
      return n == 3 && enabled(DetectorType.PHONE) ? PhoneDetector.findNational(s, i) : -1;
    }
    if (after == '+') {
      return n == 4 && enabled(DetectorType.CREDIT_CARD) ? CardDetector.find(s, i) : -1; // (a form's 4242+4242+…)
    }
    int w = after == '-' || after == '/' ? 1 : Bytes.groupSpaceAt(b, i + n, s.hi); // a no-break space too
    if (w == 0) {
      return -1;
    }
    if (w > 1) {
      after = ' ';
    }
    int next = Bytes.digitRun(b, i + n + w, s.hi, 9);
    if (next == 0) {
      return -1;
    }
    if (n == 3 && after == '-' && next == 2 && enabled(DetectorType.US_SSN) && (r = SsnDetector.find(s, i)) > i) {
      return r;
    }
    if (((n == 3 && next == 3) || b[i] == '0') && enabled(DetectorType.PHONE)
        && (r = PhoneDetector.findNational(s, i)) > i) {
      return r;
    }
    if (n == 4 && next >= 3 && after != '/' && enabled(DetectorType.CREDIT_CARD)) {
      return CardDetector.find(s, i);
    }
    return -1;
  }

  boolean enabled(DetectorType t) {
    return enabled[t.ordinal()];
  }

  /** At {@code <}: a token we wrote ({@code <label>} or {@code <label:8 hex>}) is passed over whole. */
  private int skipToken(Scan s, int i) {
    return s.tokenEnd(i);
  }
}
