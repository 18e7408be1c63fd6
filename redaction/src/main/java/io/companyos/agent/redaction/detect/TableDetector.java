package io.companyos.agent.redaction.detect;

import java.nio.charset.StandardCharsets;

/**
 * (session 30) The columns of a table under a header that names them: a CSV, TSV or semicolon-separated export
 * ({@code id,username,email,password}), psql's and MySQL's printed results ({@code  id | username | password} under
 * {@code ----+----}, {@code | id | user |} between {@code +----+} borders) and Markdown tables. A value is typed by its
 * column's name as by a key ({@link KeyNames}: the same words, the same checks of the value), so a password column's
 * cells are secrets and a login column's users, where no key stands beside them on their own line.
 *
 * <p>The key detector finds a header when one of its key words ends a field ({@link #header}); the scanner then stops
 * at each row start ({@link #row}). A row with another number of fields (a blank line, psql's {@code (2 rows)}, the
 * next log line) ends the table; a border row is passed over. Fields are split by the header's delimiter, inside
 * double quotes not (CSV's quoting); a field that spans lines ends the table.
 */
final class TableDetector {
  /** A header's line and its names: longer lines are not taken for one. */
  static final int MAX_HEADER = 4096;
  /** A row's line: a longer one ends the table (and is scanned as any line). */
  static final int MAX_ROW = 16 * 1024;
  private static final int MAX_FIELDS = 256;
  private static final int MAX_NAME = 48;

  /**
   * Column names that name users only as columns, read as the key that says so: PostgreSQL's {@code usename}
   * ({@code pg_stat_activity}, {@code pg_user}) and {@code rolname}, psql's {@code \\du} header {@code Role name},
   * and two spellings whose last word is {@code name} (a person's name as a key).
   */
  private static final java.util.Map<String, String> COLUMNS = java.util.Map.of("usename", "user", "rolname", "user",
      "role_name", "user", "login_name", "login", "account_name", "user");

  private TableDetector() {}

  /**
   * A header's shape: its delimiter (0: fixed-width columns), its field count, per field the key pattern that types it
   * (or null), and for fixed-width columns each one's first and end character.
   */
  static final class Layout {
    final byte delimiter;
    final int[] columns;
    final int fields;
    final Trigger[] types;

    /** A row's fields' bounds (a layout belongs to one scan, which one thread runs). */
    final int[] bounds;

    Layout(byte delimiter, Trigger[] types, int[] columns) {
      this.delimiter = delimiter;
      this.columns = columns;
      this.fields = types.length;
      this.types = types;
      this.bounds = new int[2 * types.length + 2];
    }
  }

  /**
   * At a key word {@code [wordStart, wordEnd)}: when the word ends a field of a header line, notes the table that
   * starts after it. Adds no span.
   *
   * @return whether the word is a header's column name (no key with a value beside it: {@code login   password} over
   *     a rule of dashes is no two-column row of a key and its value)
   */
  static boolean header(Scan s, int wordStart, int wordEnd) {
    int after = wordEnd;
    if (s.at(after) == '"') {
      after++;
    }
    int c = s.at(after);
    int q = after;
    while (c == ' ' && q - after < 64) {
      c = s.at(++q);
    }
    boolean lineEnd = c == '\n' || c == '\r' || c == 0;
    boolean padded = q - after >= 2 && (isNameByte((byte) c) || c == '"');
    if (c != ',' && c != ';' && c != '\t' && c != '|' && !lineEnd && !padded) {
      return false;
    }
    if (wordStart >= s.headerFrom && wordStart < s.headerTo) {
      return true; // this header's next column name
    }
    if (s.table != null && wordStart < s.tableRow && s.tableRow - wordStart <= MAX_ROW
        && Bytes.indexOf(s.b, wordStart, s.tableRow, "\n") == s.tableRow - 1) {
      return false; // a cell of a row: no new header
    }
    int ls = wordStart;
    while (ls > s.lo && s.b[ls - 1] != '\n') {
      if (wordStart - ls > MAX_HEADER) {
        return false;
      }
      ls--;
    }
    int le = Bytes.indexOf(s.b, wordEnd, Math.min(s.hi, ls + MAX_HEADER), "\n");
    if (le < 0) {
      if (!s.eof || s.hi - ls > MAX_HEADER) {
        return false;
      }
      le = s.hi;
    }
    int end = le > ls && s.b[le - 1] == '\r' ? le - 1 : le;
    if ((padded || lineEnd) && le + 1 < s.hi && (s.b[le + 1] == '-' || s.b[le + 1] == ' ')
        && fixedWidth(s, ls, end, le + 1)) {
      return true; // SQL*Plus, sqlcmd, db2: columns under a rule of dashes
    }
    int dc = lineEnd ? before(s, wordStart) : c;
    if (dc != ',' && dc != ';' && dc != '\t' && dc != '|') {
      return false;
    }
    byte d = (byte) dc;
    int[] bounds = new int[2 * MAX_FIELDS];
    int n = split(s.b, ls, end, d, bounds);
    if (n < 2 || !isHeader(s.b, bounds, n, d)) {
      return false;
    }
    Trigger[] types = types(s.b, bounds, n);
    if (types == null || le >= s.hi) {
      return false;
    }
    s.tableFrom(le + 1, new Layout(d, types, null));
    s.headerFrom = ls;
    s.headerTo = le;
    return true;
  }

  /** The types of the named columns, or null when none is a key word's column. */
  private static Trigger[] types(byte[] b, int[] bounds, int n) {
    Trigger[] types = new Trigger[n];
    boolean typed = false;
    for (int f = 0; f < n; f++) {
      String name = new String(b, bounds[2 * f], bounds[2 * f + 1] - bounds[2 * f], StandardCharsets.UTF_8)
          .replace(' ', '_');
      Trigger t = KeyNames.trigger(COLUMNS.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), name));
      if (t != null && t.action() == Trigger.Action.KEY_VALUE) {
        types[f] = t;
        typed = true;
      }
    }
    return typed ? types : null;
  }

  /**
   * A header {@code [ls, end)} whose columns a rule of dashes under it marks ({@code USERNAME   PASSWORD} over
   * {@code ---------- ----------}): SQL*Plus, sqlcmd, db2 and isql print results so. The columns are the rule's runs,
   * in characters (a name or a value with letters of other scripts before a column does not shift it); each name
   * lies within its column's rule (these tools widen a column to its name), the text between them is blank.
   */
  private static boolean fixedWidth(Scan s, int ls, int end, int rs) {
    int re = Bytes.indexOf(s.b, rs, Math.min(s.hi, rs + MAX_HEADER), "\n");
    if (re < 0) {
      return false;
    }
    int rend = re > rs && s.b[re - 1] == '\r' ? re - 1 : re;
    int[] columns = new int[2 * MAX_FIELDS];
    int n = 0;
    for (int p = rs; p < rend; p++) {
      if (s.b[p] == '-') {
        if (p == rs || s.b[p - 1] == ' ') {
          if (n == MAX_FIELDS) {
            return false;
          }
          columns[2 * n] = p - rs;
          n++;
        }
        columns[2 * n - 1] = p - rs + 1;
      } else if (s.b[p] != ' ') {
        return false;
      }
    }
    if (n < 2) {
      return false;
    }
    int[] bounds = new int[2 * n];
    for (int k = 0; k < n; k++) {
      int from = byteAt(s.b, ls, end, columns[2 * k]);
      int to = byteAt(s.b, ls, end, columns[2 * k + 1]);
      int next = k == n - 1 ? end : byteAt(s.b, ls, end, columns[2 * k + 2]);
      for (int p = to; p < next; p++) {
        if (s.b[p] != ' ') {
          return false; // a name past its column's rule: no header of these columns
        }
      }
      while (from < to && s.b[from] == ' ') {
        from++;
      }
      while (to > from && s.b[to - 1] == ' ') {
        to--;
      }
      bounds[2 * k] = from;
      bounds[2 * k + 1] = to;
    }
    if (!isHeader(s.b, bounds, n, (byte) ' ')) {
      return false;
    }
    Trigger[] types = types(s.b, bounds, n);
    if (types == null || re >= s.hi) {
      return false;
    }
    s.tableFrom(re + 1, new Layout((byte) 0, types, java.util.Arrays.copyOf(columns, 2 * n)));
    s.headerFrom = ls;
    s.headerTo = end;
    return true;
  }

  /** The offset of character {@code column} of the line {@code [from, to)} (UTF-8), or {@code to} past its end. */
  private static int byteAt(byte[] b, int from, int to, int column) {
    int p = from;
    for (int k = 0; p < to; p++) {
      if ((b[p] & 0xC0) != 0x80 && k++ == column) {
        return p;
      }
    }
    return to;
  }

  /** The byte before the field that starts a key word at {@code wordStart}: its delimiter, or 0 at the line's start. */
  private static int before(Scan s, int wordStart) {
    int p = wordStart - 1;
    while (p >= s.lo && isNameByte(s.b[p]) && s.b[p] != ' ') {
      p--; // (the key word may end a longer name: db_password)
    }
    if (p >= s.lo && s.b[p] == '"') {
      p--;
    }
    while (p >= s.lo && s.b[p] == ' ') {
      p--;
    }
    return p < s.lo ? 0 : s.b[p] & 0xFF;
  }

  /**
   * Splits {@code b[from, to)} into fields at {@code d} ({@code |}: the outer pipes of a boxed table are no fields),
   * each trimmed of blanks and of its double quotes; {@code bounds} gets each field's start and end.
   *
   * @return the number of fields, or -1 when a quoted field does not close on the line or there are too many
   */
  static int split(byte[] b, int from, int to, byte d, int[] bounds) {
    if (d == '|') {
      int p = from;
      while (p < to && b[p] == ' ') {
        p++;
      }
      int e = to;
      while (e > p && b[e - 1] == ' ') {
        e--;
      }
      if (p < e && b[p] == '|' && b[e - 1] == '|' && e - p >= 2) {
        from = p + 1;
        to = e - 1;
      }
    }
    int n = 0;
    int p = from;
    while (true) {
      if (n == bounds.length / 2) {
        return -1;
      }
      while (p < to && b[p] == ' ') {
        p++;
      }
      int fs;
      int fe;
      int next;
      if (p < to && b[p] == '"' && d != '|') {
        int q = p + 1;
        while (true) {
          while (q < to && b[q] != '"') {
            q++;
          }
          if (q >= to) {
            return -1; // a quoted field that goes on past the line
          }
          if (q + 1 < to && b[q + 1] == '"') {
            q += 2; // "" inside quotes
            continue;
          }
          break;
        }
        fs = p + 1;
        fe = q;
        next = q + 1;
        while (next < to && b[next] == ' ') {
          next++;
        }
        if (next < to && b[next] != d) {
          return -1; // text after a closing quote: no CSV field
        }
      } else {
        next = p;
        while (next < to && b[next] != d) {
          next++;
        }
        fs = p;
        fe = next;
        while (fe > fs && b[fe - 1] == ' ') {
          fe--;
        }
      }
      bounds[2 * n] = fs;
      bounds[2 * n + 1] = fe;
      n++;
      if (next >= to) {
        return n;
      }
      p = next + 1;
    }
  }

  /**
   * Whether the fields are column names: each 1-48 bytes of letters (any script), digits and {@code _ - . # % /},
   * with a letter, at most three blanks ({@code First Name}); and not a sentence cut at commas ({@code the user, the
   * group, and the password}: blanks inside names and after the commas).
   */
  private static boolean isHeader(byte[] b, int[] bounds, int n, byte d) {
    boolean blankAfterDelimiter = false;
    boolean blankInside = false;
    for (int f = 0; f < n; f++) {
      int fs = bounds[2 * f];
      int fe = bounds[2 * f + 1];
      if (fe - fs < 1 || fe - fs > MAX_NAME) {
        return false;
      }
      boolean letter = false;
      int blanks = 0;
      for (int p = fs; p < fe; p++) {
        int c = b[p];
        if (c == ' ') {
          if (++blanks > 3 || b[p - 1] == ' ') {
            return false;
          }
        } else if (!isNameByte((byte) c)) {
          return false;
        }
        letter |= Bytes.isAlpha(c) || c < 0;
      }
      if (!letter) {
        return false;
      }
      blankInside |= blanks > 0;
      blankAfterDelimiter |= f > 0 && b[fs - 1] == ' ' && b[fs - 2] == d; // (a field after the first: fs >= 2)
    }
    return !(blankInside && blankAfterDelimiter && (d == ',' || d == ';'));
  }

  private static boolean isNameByte(byte c) {
    return Bytes.isAlnum(c) || c < 0 || c == '_' || c == '-' || c == '.' || c == '#' || c == '%' || c == '/'
        || c == ' ';
  }

  /**
   * At the start {@code r} of a row of {@link Scan#table}: types its cells, or ends the table when the line is none
   * of its rows; moves {@link Scan#tableRow} to the next row ({@code MAX_VALUE}: none in this pass).
   */
  static void row(Scan s, int r) {
    Layout t = s.table;
    if (r >= s.patternLimit) {
      s.tableRow = Integer.MAX_VALUE; // the next window's
      return;
    }
    int le = Bytes.indexOf(s.b, r, Math.min(s.hi, r + MAX_ROW), "\n");
    if (le < 0 && !(s.eof && s.hi - r <= MAX_ROW)) {
      s.tableFrom(r, null); // a line too long for a row
      return;
    }
    int end = le < 0 ? s.hi : le;
    s.tableRow = le < 0 ? Integer.MAX_VALUE : le + 1;
    int te = end > r && s.b[end - 1] == '\r' ? end - 1 : end;
    if (isBorder(s.b, r, te)) {
      return;
    }
    int[] bounds = t.bounds;
    if (t.delimiter == 0 ? !cells(s.b, r, te, t.columns, bounds) : split(s.b, r, te, t.delimiter, bounds) != t.fields) {
      s.tableFrom(r, null);
      return;
    }
    for (int f = 0; f < t.fields; f++) {
      Trigger type = t.types[f];
      int vs = bounds[2 * f];
      int ve = bounds[2 * f + 1];
      if (type != null && ve > vs && !isNull(s.b, vs, ve)) {
        KeyValueDetector.accept(s, type, vs, ve);
      }
    }
  }

  /**
   * Whether a table may go on from the line {@code [prevStart, lineStart)} to the one {@code [lineStart, lineEnd)}:
   * both a border or a row of the same number of fields (at least two) by one delimiter. A source cut where this
   * says no is redacted the same in pieces as whole; where it says yes, a header above the piece may type its rows.
   */
  static boolean mayContinue(byte[] b, int prevStart, int lineStart, int lineEnd) {
    int pe = lineStart > prevStart && b[lineStart - 1] == '\n' ? lineStart - 1 : lineStart;
    pe = pe > prevStart && b[pe - 1] == '\r' ? pe - 1 : pe;
    int le = lineEnd > lineStart && b[lineEnd - 1] == '\n' ? lineEnd - 1 : lineEnd;
    le = le > lineStart && b[le - 1] == '\r' ? le - 1 : le;
    if (pe - prevStart > MAX_ROW || le - lineStart > MAX_ROW) {
      return false;
    }
    boolean prevBorder = isBorder(b, prevStart, pe);
    boolean border = isBorder(b, lineStart, le);
    if (prevBorder && border) {
      return true;
    }
    int[] bounds = new int[2 * MAX_FIELDS];
    for (byte d : DELIMITERS) {
      int np = prevBorder ? 0 : split(b, prevStart, pe, d, bounds);
      int n = border ? 0 : split(b, lineStart, le, d, bounds);
      if (prevBorder ? n >= 2 : border ? np >= 2 : np >= 2 && n == np) {
        return true;
      }
    }
    return false;
  }

  private static final byte[] DELIMITERS = {',', ';', '\t', '|'};

  /**
   * A fixed-width row's cells (the last one to the line's end), trimmed: false when the line is blank or holds text
   * where the header's columns have a gap.
   */
  private static boolean cells(byte[] b, int from, int to, int[] columns, int[] bounds) {
    int n = columns.length / 2;
    boolean text = false;
    int p = from;
    int column = 0;
    for (int k = 0; k < n; k++) {
      int cs = p = advance(b, p, to, columns[2 * k] - column);
      column = columns[2 * k];
      int ce = k == n - 1 ? to : (p = advance(b, p, to, columns[2 * k + 1] - column));
      if (k < n - 1) {
        column = columns[2 * k + 1];
        int gap = advance(b, p, to, columns[2 * k + 2] - column);
        for (int g = p; g < gap; g++) {
          if (b[g] != ' ') {
            return false;
          }
        }
      }
      while (cs < ce && b[cs] == ' ') {
        cs++;
      }
      while (ce > cs && b[ce - 1] == ' ') {
        ce--;
      }
      bounds[2 * k] = cs;
      bounds[2 * k + 1] = ce;
      text |= ce > cs;
    }
    return text;
  }

  /** The offset {@code chars} characters (UTF-8) after {@code p}, at most {@code to}. */
  private static int advance(byte[] b, int p, int to, int chars) {
    while (p < to && chars > 0) {
      p++;
      while (p < to && (b[p] & 0xC0) == 0x80) {
        p++;
      }
      chars--;
    }
    return p;
  }

  /** A border or rule between rows: {@code ----+----}, {@code +----+}, {@code |---|:--:|}, {@code ====}. */
  private static boolean isBorder(byte[] b, int from, int to) {
    boolean rule = false;
    for (int p = from; p < to; p++) {
      int c = b[p];
      if (c == '-' || c == '=') {
        rule = true;
      } else if (c != '+' && c != '|' && c != ':' && c != ' ' && c != '\t') {
        return false;
      }
    }
    return rule;
  }

  /** SQL's and CSV exports' empty values: {@code NULL}, {@code \N}, {@code <null>}. */
  private static boolean isNull(byte[] b, int from, int to) {
    int n = to - from;
    return n == 4 && (b[from] | 0x20) == 'n' && (b[from + 1] | 0x20) == 'u' && (b[from + 2] | 0x20) == 'l'
        && (b[from + 3] | 0x20) == 'l'
        || n == 2 && b[from] == '\\' && b[from + 1] == 'N'
        || n == 6 && Bytes.startsWith(b, from, to, "<null>");
  }
}
