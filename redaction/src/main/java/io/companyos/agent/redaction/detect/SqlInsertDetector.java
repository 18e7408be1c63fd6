package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQL {@code INSERT … (col, …) VALUES (…), (…)} as the MySQL general log, PostgreSQL's statement log, pgaudit,
 * the audit plugins, log4jdbc and p6spy print it: each string literal typed by its column, as {@code col = 'x'} is
 * ({@code password} a secret, {@code email} an e-mail, {@code first_name} a name, {@code dob} a birth date). Columns
 * no key names, numbers, {@code NULL} and parameters ({@code ?}, {@code $1}) stay.
 */
final class SqlInsertDetector {
  private SqlInsertDetector() {}

  private static final int MAX_LIST = 2048;

  /**
   * At the last byte of {@code ") values ("} or {@code ") values("}: the column list before it, the tuples after. The
   * spans are kept and -1 returned: the pass goes on over the values (an address in a column no key names is still
   * the e-mail detector's).
   */
  static int find(Scan s, int last, int patternLength) {
    int close = last - patternLength + 1;
    int floor = s.floor();
    int open = close - 1;
    while (open > floor && close - open < MAX_LIST && s.b[open] != '(' && s.b[open] != '\n' && s.b[open] != ')') {
      open--;
    }
    if (s.at(open) != '(') {
      return -1;
    }
    List<String> columns = new ArrayList<>();
    int c = open + 1;
    while (c < close) {
      int e = c;
      while (e < close && s.b[e] != ',') {
        e++;
      }
      int a = c;
      int b = e;
      while (a < b && (s.b[a] == ' ' || s.b[a] == '"' || s.b[a] == '`' || s.b[a] == '[' || s.b[a] == '\\')) {
        a++;
      }
      while (b > a && (s.b[b - 1] == ' ' || s.b[b - 1] == '"' || s.b[b - 1] == '`' || s.b[b - 1] == ']'
          || s.b[b - 1] == '\\')) {
        b--;
      }
      columns.add(new String(s.b, a, b - a, java.nio.charset.StandardCharsets.UTF_8));
      c = e + 1;
    }
    DetectorType[] types = new DetectorType[columns.size()];
    boolean any = false;
    for (int i = 0; i < types.length; i++) {
      types[i] = KeyNames.classify(columns.get(i));
      any |= types[i] != null;
    }
    if (!any) {
      return -1;
    }
    int p = last + 1;
    int limit = Math.min(s.hi, p + KeyValueDetector.MAX_VALUE);
    for (int tuples = 0; tuples < 1000 && p < limit; tuples++) {
      for (int i = 0; p < limit; i++) {
        p = skip(s, p);
        int v = p;
        if (Bytes.isAlpha(s.at(v)) && s.at(v + 1) == '\'') {
          v++; // N'x', E'x'
        }
        boolean escaped = s.at(v) == '\\' && s.at(v + 1) == '\''; // \'x\' of an audit log's CSV
        if (s.at(v) == '\'' || escaped) {
          int start = v + (escaped ? 2 : 1);
          int end = start;
          while (end < limit && s.b[end] != '\n') {
            if (escaped ? s.b[end] == '\\' && s.at(end + 1) == '\'' : s.b[end] == '\'' && s.at(end + 1) != '\'') {
              break;
            }
            end += !escaped && s.b[end] == '\'' ? 2 : 1; // '' is a quote inside the literal
          }
          if (end >= limit || s.b[end] == '\n') {
            return -1;
          }
          if (i < types.length && types[i] != null && end > start) {
            String value = new String(s.b, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
            if (KeyNames.isRedactableValue(types[i], columns.get(i), value)) {
              s.add(start, end, types[i]);
            }
          }
          p = end + (escaped ? 2 : 1);
        } else {
          while (p < limit && s.b[p] != ',' && s.b[p] != ')' && s.b[p] != '\n') {
            p++; // a number, NULL, a parameter, a function call's name (its literal: not typed)
          }
        }
        p = skip(s, p);
        if (s.at(p) == ',') {
          p++;
        } else if (s.at(p) == ')') {
          p++;
          break;
        } else {
          return -1;
        }
      }
      p = skip(s, p);
      if (s.at(p) != ',') {
        return -1;
      }
      p = skip(s, p + 1);
      if (s.at(p) != '(') {
        return -1;
      }
      p++;
    }
    return -1;
  }

  private static int skip(Scan s, int p) {
    while (s.at(p) == ' ' || s.at(p) == '\t') {
      p++;
    }
    return p;
  }
}
