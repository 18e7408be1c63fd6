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

  /** {@link #orm}'s forms: Hibernate 5's binder line, Hibernate 6's, Spring JDBC's StatementCreatorUtils line. */
  static final int HIBERNATE_5 = 0;
  static final int HIBERNATE_6 = 1;
  static final int SPRING_JDBC = 2;
  /** How far back {@link #orm} looks for the statement, past the parameters bound before this one. */
  private static final int MAX_LINES_BACK = 64;

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
   * At the opening bracket of one bound parameter logged at TRACE by an ORM or JDBC helper, each on a line of its own
   * after the statement with {@code ?} markers (Hibernate's {@code show_sql} or {@code org.hibernate.SQL}, also
   * formatted over several lines; Spring's {@code Executing prepared SQL statement [...]}): the value, typed by the
   * column the N-th {@code ?} is bound to ({@code col = ?}, or the N-th column of an {@code INSERT}'s list).
   *
   * <ul>
   *   <li>{@link #HIBERNATE_5}: {@code binding parameter [2] as [VARCHAR] - [x]};
   *   <li>{@link #HIBERNATE_6}: {@code binding parameter (2:VARCHAR) <- [x]};
   *   <li>{@link #SPRING_JDBC}: {@code Setting SQL statement parameter value: column index 2, parameter value [x],
   *       value class [java.lang.String], SQL type 12}.
   * </ul>
   */
  static int orm(Scan s, int last, int form) {
    int n;
    int v;
    int lineEnd = CommandLineDetector.lineEndWithin(s, last, KeyValueDetector.MAX_VALUE);
    int end;
    if (form == SPRING_JDBC) {
      int index = Bytes.indexOf(s.b, Math.max(s.lo, last - 40), last, "column index ");
      n = index < 0 ? -1 : number(s, index + 13);
      v = last + 1;
      end = Bytes.indexOf(s.b, v, lineEnd, "], value class [");
    } else {
      n = number(s, last + 1);
      int arrow = Bytes.indexOf(s.b, last + 1, Math.min(lineEnd, last + 64), form == HIBERNATE_5 ? "] - [" : ") <- [");
      v = arrow < 0 ? -1 : arrow + (form == HIBERNATE_5 ? 5 : 6);
      end = lineEnd;
      while (end > v && s.b[end - 1] != ']') {
        end--;
      }
      end--;
    }
    if (n < 1 || n > MAX_PARAMETERS || v < 0 || end <= v) {
      return -1;
    }
    int ls = CommandLineDetector.lineStartWithin(s, last, Integer.MAX_VALUE);
    int statement = statementBefore(s, ls);
    String column = statement < 0 ? null : questionMarkColumn(s, statement, ls, n);
    DetectorType type = column == null ? null : KeyNames.classify(column);
    if (type != null) {
      String value = new String(s.b, v, end - v, java.nio.charset.StandardCharsets.UTF_8);
      if (KeyNames.isRedactableValue(type, column, value) && s.add(v, end, type)) {
        return end;
      }
    }
    return -1;
  }

  /**
   * At the {@code [} of TypeORM's {@code query: SELECT … WHERE "u"."password" = $2 -- PARAMETERS: ["hsato","x"]}:
   * each item of the list, typed by the column of its {@code $N} (PostgreSQL) or its N-th {@code ?} (MySQL) in the
   * statement before it on the line.
   */
  static int typeorm(Scan s, int last) {
    int ls = CommandLineDetector.lineStartWithin(s, last, MAX_STATEMENT);
    typedList(s, last + 1, CommandLineDetector.lineEndWithin(s, last, KeyValueDetector.MAX_VALUE), ls, last - 15);
    return -1; // the spans are kept
  }

  /**
   * At the {@code [} of knex's query object ({@code DEBUG=knex:query}, a {@code query} event printed by Node:
   * {@code { method: 'insert', bindings: [ 'hsato', 'x' ], sql: 'insert into "users" ("username", "password")
   * values (?, ?)' }}): each binding typed by the column of its {@code ?} in the object's {@code sql}, after the
   * list (or before it) within the same object; the printout may break lines.
   */
  static int knex(Scan s, int last) {
    int limit = Math.min(s.hi, last + MAX_STATEMENT);
    int close = listEnd(s, last + 1, limit);
    if (close < 0) {
      return -1;
    }
    int sql = Bytes.indexOf(s.b, close, Math.min(limit, close + MAX_STATEMENT), "sql: '");
    int objectStart = Math.max(s.lo, last - MAX_STATEMENT);
    if (sql < 0 || Bytes.indexOf(s.b, close, sql, "}") >= 0) {
      sql = Bytes.lastIndexOfIgnoreCase(s.b, objectStart, last, "sql: '");
      if (sql < 0 || Bytes.indexOf(s.b, sql, last, "}") >= 0) {
        return -1;
      }
    }
    int from = sql + 6;
    int to = KeyValueDetector.closingQuote(s, from, '\'');
    if (to < 0) {
      return -1;
    }
    typedList(s, last + 1, close + 1, from, to);
    return -1;
  }

  /**
   * At the {@code [} of {@code Params: [} (Prisma's query event as applications print it: {@code Query: SELECT …
   * WHERE "public"."User"."password" = $2} then {@code Params: ["hsato","x"]}): each item typed by the column of its
   * {@code $N} or {@code ?} in the statement on the same line before it, else on the lines before.
   */
  static int prisma(Scan s, int last) {
    int ls = CommandLineDetector.lineStartWithin(s, last, MAX_STATEMENT);
    int from = ls;
    int to = last - 8;
    boolean verb = false;
    for (String v : SQL_VERBS) {
      verb |= Bytes.indexOfIgnoreCase(s.b, ls, to, v) >= 0;
    }
    if (!verb) {
      from = statementBefore(s, ls);
      to = ls;
      if (from < 0) {
        return -1;
      }
    }
    typedList(s, last + 1, CommandLineDetector.lineEndWithin(s, last, KeyValueDetector.MAX_VALUE), from, to);
    return -1;
  }

  /**
   * The items of a list from {@code p} (after its {@code [}) to its {@code ]} before {@code limit}, each string (in
   * double or single quotes) typed by the column of its {@code $N} or N-th {@code ?} in the statement in
   * {@code [from, to)}; numbers, {@code null} and booleans stay.
   */
  private static void typedList(Scan s, int p, int limit, int from, int to) {
    String[] columns = new String[MAX_PARAMETERS + 1];
    boolean dollars = columnsOf(s, from, to, columns);
    for (int k = 1; k <= MAX_PARAMETERS && p < limit; k++) {
      while (p < limit && Bytes.isSpace(s.b[p])) {
        p++;
      }
      if (p >= limit || s.b[p] == ']') {
        return;
      }
      int v = p;
      int end = -1;
      int q = s.b[p];
      if (q == '"' || q == '\'') {
        end = p + 1;
        while (end < limit && s.b[end] != q) {
          end += s.b[end] == '\\' ? 2 : 1;
        }
        if (end >= limit) {
          return;
        }
        v = p + 1;
        p = end + 1;
      } else {
        while (p < limit && s.b[p] != ',' && s.b[p] != ']') {
          p++;
        }
      }
      if (end > v) {
        addTyped(s, dollars ? columns[k] : questionMarkColumn(s, from, to, k), v, end);
      }
      while (p < limit && Bytes.isSpace(s.b[p])) {
        p++;
      }
      if (s.at(p) != ',') {
        return;
      }
      p++;
    }
  }

  /** The {@code ]} that closes a list of quoted strings and words from {@code p}, or -1 within {@code limit}. */
  private static int listEnd(Scan s, int p, int limit) {
    for (; p < limit; p++) {
      int c = s.b[p];
      if (c == '"' || c == '\'') {
        int e = p + 1;
        while (e < limit && s.b[e] != c && s.b[e] != '\n') {
          e += s.b[e] == '\\' ? 2 : 1;
        }
        if (e >= limit || s.b[e] != c) {
          return -1;
        }
        p = e;
      } else if (c == ']') {
        return p;
      } else if (c == '[' || c == '{' || c == '}') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * At the blank after MyBatis' {@code ==> Parameters:} ({@code hsato(String), x(String), 42(Integer), null}): each
   * value, typed by the column of its {@code ?} in the statement of the {@code ==>  Preparing:} line before.
   */
  static int mybatis(Scan s, int last) {
    int ls = CommandLineDetector.lineStartWithin(s, last, Integer.MAX_VALUE);
    int statement = statementBefore(s, ls);
    if (statement < 0) {
      return -1;
    }
    int limit = CommandLineDetector.lineEndWithin(s, last, KeyValueDetector.MAX_VALUE);
    int p = last + 1;
    for (int k = 1; k <= MAX_PARAMETERS && p < limit; k++) {
      int type = typeSuffix(s, p, limit);
      if (type < 0) {
        return -1; // (null, without a type, ends the look: its neighbours' positions are still known only so far)
      }
      if (type > p) {
        addTyped(s, questionMarkColumn(s, statement, ls, k), p, type);
      }
      p = Bytes.indexOf(s.b, type, limit, ", ");
      if (p < 0) {
        break;
      }
      p += 2;
    }
    return -1;
  }

  /**
   * From a MyBatis parameter's start at {@code p}: the start of its {@code (Type)} suffix, the one followed by
   * {@code ", "} or the line's end (a value may hold parentheses itself), or -1.
   */
  private static int typeSuffix(Scan s, int p, int limit) {
    for (int q = p; q < limit; q++) {
      if (s.b[q] != '(') {
        continue;
      }
      int e = q + 1;
      while (e < limit && (Bytes.isAlpha(s.b[e]) || s.b[e] == '.' || s.b[e] == '[' || s.b[e] == ']')) {
        e++;
      }
      if (e > q + 1 && s.at(e) == ')' && (e + 1 >= limit || (s.at(e + 1) == ',' && s.at(e + 2) == ' '))) {
        return q;
      }
    }
    return -1;
  }

  private static void addTyped(Scan s, String column, int v, int end) {
    DetectorType type = column == null ? null : KeyNames.classify(column);
    if (type != null) {
      String value = new String(s.b, v, end - v, java.nio.charset.StandardCharsets.UTF_8);
      if (KeyNames.isRedactableValue(type, column, value)) {
        s.add(v, end, type);
      }
    }
  }

  /** The decimal number at {@code p} (up to 3 digits), or -1. */
  private static int number(Scan s, int p) {
    int n = 0;
    int d = p;
    while (Bytes.isDigit(s.at(d)) && d - p < 3) {
      n = n * 10 + s.b[d] - '0';
      d++;
    }
    return d == p ? -1 : n;
  }

  /**
   * The start of the statement whose parameters are bound on the lines from {@code ls} on: going back over the lines
   * of parameters bound before, the nearest line that holds an SQL verb ({@code insert}, {@code update},
   * {@code select}, {@code delete}, {@code merge}) as a word of its own (not {@code updated_at}), within
   * {@link #MAX_LINES_BACK} lines; -1 if none.
   */
  private static int statementBefore(Scan s, int ls) {
    int end = ls;
    for (int k = 0; k < MAX_LINES_BACK && end > s.lo; k++) {
      int start = CommandLineDetector.lineStartWithin(s, end - 1, Integer.MAX_VALUE);
      for (String verb : SQL_VERBS) {
        int at = Bytes.indexOfIgnoreCase(s.b, start, end, verb);
        if (at >= 0 && (at == start || !Bytes.isWord(s.b[at - 1])) && !Bytes.isWord(s.at(at + verb.length()))) {
          return at;
        }
      }
      end = start;
    }
    return -1;
  }

  private static final String[] SQL_VERBS = {"insert", "update", "select", "delete", "merge"};

  /** The column the {@code n}-th {@code ?} of the statement in {@code [from, to)} is bound to, or null. */
  private static String questionMarkColumn(Scan s, int from, int to, int n) {
    int k = 0;
    for (int p = from; p < to; p++) {
      if (s.b[p] == '?' && ++k == n) {
        String column = assignedColumn(s, from, p);
        return column != null ? column : insertColumn(s, from, p);
      }
    }
    return null;
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

  /**
   * The column of {@code col = $N} (also {@code t.col}, {@code "col"}, {@code `col`}) ending before {@code dollar}, or
   * null.
   */
  private static String assignedColumn(Scan s, int from, int dollar) {
    int e = dollar - 1;
    while (e > from && Bytes.isSpace(s.b[e])) {
      e--;
    }
    if (s.b[e] != '=' || s.at(e - 1) == '!' || s.at(e - 1) == '<' || s.at(e - 1) == '>') {
      return null;
    }
    e--;
    while (e > from && Bytes.isSpace(s.b[e])) {
      e--;
    }
    if (s.b[e] == '"' || s.b[e] == '`' || s.b[e] == ']') {
      e--; // a quoted identifier: "col", MySQL's `col`, SQL Server's [col]
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
    while (values > from && Bytes.isSpace(s.b[values])) {
      values--;
    }
    if (s.b[open] != '(' || values - 5 < from || !Bytes.startsWithIgnoreCase(s.b, values - 5, values + 1, "values")) {
      return null;
    }
    int close = values - 6;
    while (close > from && Bytes.isSpace(s.b[close])) {
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
        while (a < b && (Bytes.isSpace(s.b[a]) || s.b[a] == '"' || s.b[a] == '`' || s.b[a] == '[')) {
          a++;
        }
        while (b > a && (Bytes.isSpace(s.b[b - 1]) || s.b[b - 1] == '"' || s.b[b - 1] == '`' || s.b[b - 1] == ']')) {
          b--;
        }
        return b > a ? new String(s.b, a, b - a, java.nio.charset.StandardCharsets.UTF_8) : null;
      }
      c = e + 1;
    }
    return null;
  }
}
