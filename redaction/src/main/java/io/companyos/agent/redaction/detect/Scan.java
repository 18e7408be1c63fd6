package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The mutable state of scanning one window: the bytes, the readable range, and the spans found so far.
 * Detectors read {@code b[lo, hi)} and add spans; spans are only ever added at or after {@code emitFrom}.
 * One instance per stream or call; never shared between threads.
 */
final class Scan {
  byte[] b;
  /** First readable byte (context before {@code emitFrom} is read-only). */
  int lo;
  /** First byte not yet written out; spans start here at the earliest. */
  int emitFrom;
  /** End of the readable bytes. */
  int hi;
  /** Whether {@code hi} is the end of the input. */
  boolean eof;

  /**
   * The last three-part JWT {@link JwtDetector#end} found in this pass, {@code [jwtFrom, jwtTo)}, when no dot follows
   * it: no JWT starts inside it (each of its segments ends where a following part would need a dot), so a look inside
   * it does not parse it again. Positions of this pass's bytes: {@link CatalogScanner#scan} clears it.
   */
  int jwtFrom;
  int jwtTo;

  /**
   * The bytes {@link FhirDetector} has read in this pass, which its budget bounds (a repetition of its anchors must
   * not read the same resource's worth again at each). {@link CatalogScanner#scan} clears it.
   */
  long fhirWork;

  /**
   * Where the scanner stands when it calls a detector: {@link #floor} ignores spans that start there or later, which
   * a detector added ahead of the pass (an INSERT's typed values, a Kubernetes Secret's data) — they must not stop
   * the look-backs of the text before them (an e-mail address between). {@code MAX_VALUE} outside the scanner.
   */
  int cursor = Integer.MAX_VALUE;
  /**
   * The starts of the patterns this pass counts, {@code [patternFrom, patternLimit)}: {@link CatalogScanner#scan}'s
   * range (a pattern whose anchor lies in it but which starts before it is the previous window's); unbounded for a
   * look at one position.
   */
  int patternFrom = Integer.MIN_VALUE;
  int patternLimit = Integer.MAX_VALUE;

  /**
   * The table whose rows the pass is in (a CSV, TSV or {@code |}-separated table under a header that names typed
   * columns: see {@link TableDetector}), or null; and the start of its next row to read, {@code MAX_VALUE} when none.
   * They outlive the window: the stream moves them to the next one ({@link #carryTable}).
   */
  TableDetector.Layout table;
  int tableRow = Integer.MAX_VALUE;
  /** The line of the last header found, {@code [headerFrom, headerTo)}: its other names are no keys (this window). */
  int headerFrom = -1;
  int headerTo = -1;
  /**
   * This window's changes of {@link #table}, in order: from the row that starts at {@code tableAt[k]} on, the table
   * is {@code tableWas[k]}; and the table at the window's start ({@code tableAt} of -1).
   */
  private int[] tableAt = new int[4];
  private TableDetector.Layout[] tableWas = new TableDetector.Layout[4];
  private int tableChanges;
  private TableDetector.Layout tableAtStart;

  /** Notes that the rows from {@code row} on belong to {@code layout} (null: to no table). */
  void tableFrom(int row, TableDetector.Layout layout) {
    if (tableChanges == tableAt.length) {
      tableAt = java.util.Arrays.copyOf(tableAt, 2 * tableChanges);
      tableWas = java.util.Arrays.copyOf(tableWas, 2 * tableChanges);
    }
    tableAt[tableChanges] = row;
    tableWas[tableChanges++] = layout;
    table = layout;
    tableRow = layout == null ? Integer.MAX_VALUE : row;
  }

  /**
   * Moves the table state to the next window, whose byte 0 is this window's {@code keep}: the table of the rows from
   * {@code cut} on (this window's spans end there; the next window's scan takes over), with its next row the one that
   * holds {@code cut} when it starts at {@code keep} or later, else the first after {@code cut}.
   */
  void carryTable(int cut, int keep) {
    headerFrom = -1;
    headerTo = -1;
    if (tableChanges == 0 && tableAtStart == null) {
      return;
    }
    int row = cut;
    while (row > lo && row > keep && b[row - 1] != '\n') {
      row--;
    }
    if (row > lo && b[row - 1] != '\n') {
      int nl = Bytes.indexOf(b, cut, hi, "\n");
      row = nl < 0 ? hi : nl + 1;
    }
    TableDetector.Layout at = tableAtStart;
    for (int k = 0; k < tableChanges && tableAt[k] <= row; k++) {
      at = tableWas[k];
    }
    tableChanges = 0;
    tableAtStart = at;
    table = at;
    tableRow = at == null ? Integer.MAX_VALUE : row - keep;
  }


  final MatchList matches = new MatchList();
  /** Per match, the keyed hash of its value (see {@link TokenFactory#prepare}). */
  private long[] hashes = new long[64];
  final int[] scratch = new int[16];
  final int[] groups = new int[8];
  final int[] patternIds = new int[32];
  final int[] patternEnds = new int[32];
  final byte[] digits = new byte[24];
  private final boolean[] enabled;
  /** The labels of the tokens this engine writes ({@code <label>}, {@code <label:8 hex>}): passed over. */
  private final byte[][] tokenLabels;

  Scan(boolean[] enabled) {
    this(enabled, new byte[0][]);
  }

  Scan(boolean[] enabled, byte[][] tokenLabels) {
    this.enabled = enabled;
    this.tokenLabels = tokenLabels;
  }

  /** At {@code <}: the end of the token we wrote that starts there ({@code <label>}, {@code <label:8 hex>}), or -1. */
  int tokenEnd(int i) {
    int p = i + 1;
    while (p - i <= 41 && (Bytes.isLower(at(p)) || Bytes.isDigit(at(p)) || at(p) == '_' || at(p) == '-')) {
      p++;
    }
    int labelEnd = p;
    if (labelEnd == i + 1 || !isTokenLabel(i + 1, labelEnd)) {
      return -1;
    }
    if (at(p) == '>') {
      // a mask token, <secret>; but XML's <secret>x</secret> (Jenkins' credentials.xml) is an element with a text
      return isElementWithText(i + 1, labelEnd) ? -1 : p + 1;
    }
    if (at(p) != ':' || Bytes.hexRun(b, p + 1, hi, 9) != 8 || at(p + 9) != '>') {
      return -1;
    }
    return p + 10;
  }

  /**
   * Whether the {@code <label>} whose label is {@code [from, to)} opens an element: text that is no tag follows it,
   * then {@code </label>} on the same line.
   */
  private boolean isElementWithText(int from, int to) {
    int text = to + 1;
    if (at(text) == '<' || at(text) == '\n' || at(text) == 0) {
      return false;
    }
    int limit = Math.min(hi, text + 16 * 1024);
    for (int p = text; p + 2 + to - from < limit && b[p] != '\n'; p++) {
      if (b[p] == '<' && b[p + 1] == '/' && java.util.Arrays.equals(b, p + 2, p + 2 + to - from, b, from, to)
          && b[p + 2 + to - from] == '>') {
        return true;
      }
    }
    return false;
  }

  private boolean isTokenLabel(int from, int to) {
    for (byte[] label : tokenLabels) {
      if (label.length == to - from && java.util.Arrays.equals(label, 0, label.length, b, from, to)) {
        return true;
      }
    }
    return false;
  }

  boolean enabled(DetectorType t) {
    return enabled[t.ordinal()];
  }

  /**
   * Records {@code [s, e)} as type {@code t}.
   *
   * @return whether it was recorded (false when the detector is off or the span is empty)
   */
  boolean add(int s, int e, DetectorType t) {
    if (!enabled[t.ordinal()]) {
      return false;
    }
    s = Math.max(s, emitFrom);
    if (e <= s) {
      return false;
    }
    matches.add(s, e, t.ordinal());
    return true;
  }

  int at(int i) {
    return i >= lo && i < hi ? b[i] & 0xFF : 0;
  }

  /**
   * The lower bound for back-scans: not before the last span (keywords aside, which back-scanned spans
   * absorb) nor before the first byte that may still be replaced.
   */
  int floor() {
    int k = matches.size();
    while (k > 0 && (matches.kind(k - 1) == KEYWORD || matches.start(k - 1) >= cursor)) {
      k--;
    }
    return k == 0 ? Math.max(lo, emitFrom) : Math.max(lo, matches.end(k - 1));
  }

  private static final int KEYWORD = DetectorType.KEYWORD.ordinal();

  /** Room for the hashes of {@code n} matches. */
  long[] hashes(int n) {
    if (hashes.length < n) {
      hashes = new long[Math.max(n, 2 * hashes.length)];
    }
    return hashes;
  }
}
