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

  /** A header's shape: its delimiter, its field count, and per field the key pattern that types it (or null). */
  static final class Layout {
    final byte delimiter;
    final int fields;
    final Trigger[] types;

    /** A row's fields' bounds (a layout belongs to one scan, which one thread runs). */
    final int[] bounds;

    Layout(byte delimiter, Trigger[] types) {
      this.delimiter = delimiter;
      this.fields = types.length;
      this.types = types;
      this.bounds = new int[2 * types.length + 2];
    }
  }

  /**
   * At a key word {@code [wordStart, wordEnd)} followed by {@code next} (or its closing quote): when the word ends a
   * field of a header line, notes the table that starts after it. Adds no span.
   */
  static void header(Scan s, int wordStart, int wordEnd) {
    int after = wordEnd;
    if (s.at(after) == '"') {
      after++;
    }
    int c = s.at(after);
    int q = after;
    while (c == ' ' && q - after < 64) {
      c = s.at(++q);
    }
    if (c != ',' && c != ';' && c != '\t' && c != '|' && c != '\n' && c != '\r' && c != 0) {
      return;
    }
    if (s.table != null && wordStart < s.tableRow && s.tableRow - wordStart <= MAX_HEADER
        && Bytes.indexOf(s.b, wordStart, s.tableRow, "\n") == s.tableRow - 1) {
      return; // this header's own next key word
    }
    int ls = wordStart;
    while (ls > s.lo && s.b[ls - 1] != '\n') {
      if (wordStart - ls > MAX_HEADER) {
        return;
      }
      ls--;
    }
    int le = Bytes.indexOf(s.b, wordEnd, Math.min(s.hi, ls + MAX_HEADER), "\n");
    if (le < 0) {
      if (!s.eof || s.hi - ls > MAX_HEADER) {
        return;
      }
      le = s.hi;
    }
    int end = le > ls && s.b[le - 1] == '\r' ? le - 1 : le;
    int dc = c == '\n' || c == '\r' || c == 0 ? before(s, wordStart) : c;
    if (dc != ',' && dc != ';' && dc != '\t' && dc != '|') {
      return;
    }
    byte d = (byte) dc;
    int[] bounds = new int[2 * MAX_FIELDS];
    int n = split(s.b, ls, end, d, bounds);
    if (n < 2 || !isHeader(s.b, bounds, n, d)) {
      return;
    }
    Trigger[] types = new Trigger[n];
    boolean typed = false;
    for (int f = 0; f < n; f++) {
      String name = new String(s.b, bounds[2 * f], bounds[2 * f + 1] - bounds[2 * f], StandardCharsets.UTF_8)
          .replace(' ', '_');
      Trigger t = KeyNames.trigger(COLUMNS.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), name));
      if (t != null && t.action() == Trigger.Action.KEY_VALUE) {
        types[f] = t;
        typed = true;
      }
    }
    if (typed && le < s.hi) {
      s.tableFrom(le + 1, new Layout(d, types));
    }
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
    if (split(s.b, r, te, t.delimiter, bounds) != t.fields) {
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
