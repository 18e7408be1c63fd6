package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * PostgreSQL's bound parameters, logged apart from their statement (the extended protocol of every JDBC and pgx client,
 * with {@code log_min_duration_statement} or {@code log_statement}): {@code LOG:  execute S_1: UPDATE users SET
 * password = $1, api_token = $2 WHERE id = $3} then {@code DETAIL:  parameters: $1 = 'x', $2 = 'y', $3 = '42'}. Each
 * value is typed by the column its {@code $N} is bound to, as {@code col = 'x'} is: {@code col = $N} anywhere in the
 * statement, or the N-th column of an {@code INSERT}'s list when {@code $N} is among its values. The statement is the
 * line before, or the same line before the parameters (PostgreSQL 15's jsonlog: {@code "message":"execute …",
 * "detail":"parameters: …"}). Values of columns no key names, numbers and {@code NULL} stay.
 */
final class BoundParameterDetector {
  private BoundParameterDetector() {}

  private static final int MAX_PARAMETERS = 64;
  private static final int MAX_STATEMENT = 8192;

  /** At the {@code $} of {@code parameters: $}. */
  static int find(Scan s, int last) {
    if (last - 12 < s.lo || !Bytes.startsWith(s.b, last - 12, s.hi, "parameters: $")) {
      return -1;
    }
    int ls = last;
    while (ls > s.lo && last - ls < MAX_STATEMENT && s.b[ls - 1] != '\n') {
      ls--;
    }
    String[] columns = new String[MAX_PARAMETERS + 1];
    boolean any = columnsOf(s, ls, last, columns);
    if (!any && ls > s.lo) {
      int ps = ls - 1;
      while (ps > s.lo && ls - ps < MAX_STATEMENT && s.b[ps - 1] != '\n') {
        ps--;
      }
      any = columnsOf(s, ps, ls - 1, columns);
    }
    if (!any) {
      return -1;
    }
    int p = last;
    int limit = Math.min(s.hi, last + KeyValueDetector.MAX_VALUE);
    for (int k = 0; k < MAX_PARAMETERS && p < limit && s.at(p) == '$'; k++) {
      int n = 0;
      int d = p + 1;
      while (Bytes.isDigit(s.at(d)) && d - p < 4) {
        n = n * 10 + s.b[d] - '0';
        d++;
      }
      if (d == p + 1 || !Bytes.startsWith(s.b, d, s.hi, " = ")) {
        return -1;
      }
      int v = d + 3;
      if (s.at(v) == '\'') {
        int end = v + 1;
        while (end < limit && s.b[end] != '\n' && !(s.b[end] == '\'' && s.at(end + 1) != '\'')) {
          end += s.b[end] == '\'' ? 2 : 1; // '' is a quote inside the literal
        }
        if (end >= limit || s.b[end] != '\'') {
          return -1;
        }
        String column = n <= MAX_PARAMETERS ? columns[n] : null;
        DetectorType type = column == null ? null : KeyNames.classify(column);
        if (type != null && end > v + 1) {
          String value = new String(s.b, v + 1, end - v - 1, java.nio.charset.StandardCharsets.UTF_8);
          if (KeyNames.isRedactableValue(type, column, value)) {
            s.add(v + 1, end, type);
          }
        }
        p = end + 1;
      } else {
        p = v;
        while (p < limit && s.b[p] != ',' && s.b[p] != '\n' && s.b[p] != '"') {
          p++; // NULL
        }
      }
      if (s.at(p) != ',' || s.at(p + 1) != ' ') {
        break;
      }
      p += 2;
    }
    return -1; // the spans are kept; the pass goes on over the values
  }

  /**
   * Fills {@code columns[N]} with the column each {@code $N} of the statement in {@code [from, to)} is bound to;
   * whether any was.
   */
  private static boolean columnsOf(Scan s, int from, int to, String[] columns) {
    boolean any = false;
    for (int p = from; p < to; p++) {
      if (s.b[p] != '$' || !Bytes.isDigit(s.at(p + 1))) {
        continue;
      }
      int n = 0;
      int d = p + 1;
      while (d < to && Bytes.isDigit(s.b[d]) && d - p < 4) {
        n = n * 10 + s.b[d] - '0';
        d++;
      }
      if (n == 0 || n > MAX_PARAMETERS || Bytes.isWord(s.at(d))) {
        continue;
      }
      String column = assignedColumn(s, from, p);
      if (column == null) {
        column = insertColumn(s, from, p);
      }
      if (column != null) {
        columns[n] = column;
        any = true;
      }
    }
    return any;
  }

  /** The column of {@code col = $N} (also {@code t.col}, {@code "col"}) ending before {@code dollar}, or null. */
  private static String assignedColumn(Scan s, int from, int dollar) {
    int e = dollar - 1;
    while (e > from && s.b[e] == ' ') {
      e--;
    }
    if (s.b[e] != '=' || s.at(e - 1) == '!' || s.at(e - 1) == '<' || s.at(e - 1) == '>') {
      return null;
    }
    e--;
    while (e > from && s.b[e] == ' ') {
      e--;
    }
    if (s.b[e] == '"') {
      e--;
    }
    int b = e + 1;
    while (b > from && (Bytes.isAlnum(s.b[b - 1]) || s.b[b - 1] == '_')) {
      b--;
    }
    return b > e ? null : new String(s.b, b, e + 1 - b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * For {@code $N} among the values of {@code INSERT INTO t (a, b, …) VALUES ($1, $2, …)}: the column at the same
   * position in the list, or null.
   */
  private static String insertColumn(Scan s, int from, int dollar) {
    int open = dollar - 1;
    int position = 0;
    while (open > from && s.b[open] != '(') {
      if (s.b[open] == ',') {
        position++;
      } else if (s.b[open] == ')') {
        return null;
      }
      open--;
    }
    int values = open - 1;
    while (values > from && s.b[values] == ' ') {
      values--;
    }
    if (s.b[open] != '(' || values - 5 < from || !Bytes.startsWithIgnoreCase(s.b, values - 5, values + 1, "values")) {
      return null;
    }
    int close = values - 6;
    while (close > from && s.b[close] == ' ') {
      close--;
    }
    if (s.b[close] != ')') {
      return null;
    }
    int listOpen = close - 1;
    while (listOpen > from && s.b[listOpen] != '(') {
      listOpen--;
    }
    if (s.b[listOpen] != '(') {
      return null;
    }
    int c = listOpen + 1;
    for (int i = 0; c < close; i++) {
      int e = c;
      while (e < close && s.b[e] != ',') {
        e++;
      }
      if (i == position) {
        int a = c;
        int b = e;
        while (a < b && (s.b[a] == ' ' || s.b[a] == '"')) {
          a++;
        }
        while (b > a && (s.b[b - 1] == ' ' || s.b[b - 1] == '"')) {
          b--;
        }
        return b > a ? new String(s.b, a, b - a, java.nio.charset.StandardCharsets.UTF_8) : null;
      }
      c = e + 1;
    }
    return null;
  }
}
