package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * The YAML values of a secret key that start on the next line, handed over by {@link KeyValueDetector}: block
 * scalars ({@code password: |} then indented lines), plain scalars on the next, deeper-indented lines, and block
 * sequences of scalars ({@code credentials:} then {@code - x} lines).
 */
final class YamlValues {
  /** {@link #block}'s answer when the value is not a block: the caller goes on as before. */
  static final int NOT_A_BLOCK = Integer.MIN_VALUE;

  private YamlValues() {}

  /**
   * After {@code key:} at {@code vs}: a YAML block scalar ({@code |}, {@code >}, with chomping and indentation
   * indicators, a tag or anchor before and a comment after it) or, for a key that starts its line, a plain
   * scalar on the next lines. The value is every following line indented deeper than the key's line (blank
   * lines inside included), one span from its first byte to the end of its last line; the indicator stays.
   *
   * @return the end of the span, -1 for an empty block, or {@link #NOT_A_BLOCK}
   */
  static int block(Scan s, Trigger t, int ks, int vs) {
    int p = vs;
    for (int k = 0; k < 2 && (s.at(p) == '!' || s.at(p) == '&'); k++) {
      int q = p + 1;
      while (q - p < 64 && s.at(q) > ' ') {
        q++;
      }
      if (s.at(q) != ' ') {
        return NOT_A_BLOCK;
      }
      p = KeyValueDetector.skipSpaces(s, q);
    }
    boolean indicator = s.at(p) == '|' || s.at(p) == '>';
    if (indicator) {
      p++;
      for (int k = 0; k < 2 && (s.at(p) == '+' || s.at(p) == '-' || (s.at(p) >= '1' && s.at(p) <= '9')); k++) {
        p++;
      }
      int sp = KeyValueDetector.skipSpaces(s, p);
      if (s.at(sp) == '#' && sp > p) {
        while (sp < s.hi && s.b[sp] != '\n' && s.b[sp] != '\r') {
          sp++;
        }
      }
      p = sp;
    } else if (p != vs || !startsLineOrItem(s, ks)) {
      return NOT_A_BLOCK;
    }
    if (s.at(p) == '\r') {
      p++;
    }
    if (s.at(p) != '\n') {
      return NOT_A_BLOCK;
    }
    int indent = lineIndent(s, ks);
    if (!indicator && (t.type() == DetectorType.SECRET || t.type() == DetectorType.AWS_SECRET_KEY)) {
      int r = sequence(s, t, ks - lineStart(s, ks), p + 1);
      if (r != NOT_A_BLOCK) {
        return r;
      }
    }
    int first = -1;
    int last = -1;
    int line = p + 1;
    while (line < s.hi && line - vs < KeyValueDetector.MAX_VALUE) {
      int q = indentEnd(s, line);
      int e = lineEnd(s, q);
      if (e == q) { // a blank line: part of the block if more of it follows
        line = nextLine(s, e);
        continue;
      }
      if (q - line <= indent) {
        break;
      }
      if (first < 0) {
        if (!indicator && looksLikeNode(s, q, e)) {
          return NOT_A_BLOCK;
        }
        first = q;
      }
      last = e;
      while (last > q && s.b[last - 1] == ' ') {
        last--;
      }
      line = nextLine(s, e);
    }
    if (first < 0) {
      return indicator ? -1 : NOT_A_BLOCK;
    }
    return KeyValueDetector.accept(s, t, first, last);
  }

  /**
   * A block sequence of scalars as the value of a secret key ({@code credentials:} then {@code - x} lines, deeper
   * than the key or at its column): every item's scalar is a secret (inside its quotes, without a trailing
   * comment), as in the structured YAML path. Items that are mappings or nested nodes end it; a first item that is
   * one is no sequence of scalars.
   *
   * @param keyColumn the column of the key
   * @param line the start of the line after the key's
   * @return the end of the last span, -1 when every item was a placeholder, or {@link #NOT_A_BLOCK}
   */
  private static int sequence(Scan s, Trigger t, int keyColumn, int line) {
    int itemColumn = -1;
    int end = -1;
    int from = line;
    while (line < s.hi && line - from < KeyValueDetector.MAX_VALUE) {
      int q = indentEnd(s, line);
      int e = lineEnd(s, q);
      int next = nextLine(s, e);
      if (e == q) {
        line = next; // a blank line
        continue;
      }
      int vs = q + 2;
      if (s.b[q] != '-' || q + 1 >= e || s.b[q + 1] != ' ' || (itemColumn < 0 ? q - line < keyColumn
          : q - line != itemColumn)) {
        break;
      }
      vs = KeyedForms.skipBlanks(s, vs);
      int ve = scalarEnd(s, vs, e);
      if (ve < 0) {
        break; // a mapping, a nested node or an empty item
      }
      itemColumn = q - line;
      int c = s.at(vs);
      if ((c == '"' || c == '\'') && ve - vs >= 2 && s.b[ve - 1] == c) {
        vs++;
        ve--;
      }
      if (KeyValueDetector.accept(s, t, vs, ve) > 0) {
        end = ve;
      }
      line = next;
    }
    return itemColumn < 0 ? NOT_A_BLOCK : end;
  }

  /**
   * The end of a plain or quoted scalar item that starts at {@code vs} in a line ending at {@code e}, before a
   * trailing comment and blanks; -1 for an empty item, a mapping ({@code k: v}, {@code k:}) or a nested node.
   */
  private static int scalarEnd(Scan s, int vs, int e) {
    int c = s.at(vs);
    if (vs >= e || c == '#' || c == '{' || c == '[' || c == '|' || c == '>' || c == '&' || c == '!' || c == '?'
        || (c == '-' && (vs + 1 == e || s.b[vs + 1] == ' '))) {
      return -1;
    }
    int ve = e;
    if (c == '"' || c == '\'') {
      int close = KeyValueDetector.closingQuote(s, vs + 1, c);
      if (close < 0 || close >= e) {
        return -1;
      }
      ve = close + 1;
      int after = KeyedForms.skipBlanks(s, ve);
      return after == e || s.b[after] == '#' ? ve : -1;
    }
    for (int p = vs; p < e; p++) {
      if (s.b[p] == ':' && (p + 1 == e || s.b[p + 1] == ' ')) {
        return -1;
      }
      if (s.b[p] == '#' && s.b[p - 1] == ' ') {
        ve = p;
        break;
      }
    }
    while (ve > vs && s.b[ve - 1] == ' ') {
      ve--;
    }
    return ve > vs ? ve : -1;
  }

  /** A key word's trigger for a mapping's {@code key:} named by its parent ({@link #nestedKey}). */
  private static final Trigger NESTED_KEY = new Trigger(Trigger.Action.KEY_VALUE, DetectorType.SECRET, "key", 0);

  /** How many lines after its parent a nested {@code key:} is looked for. */
  private static final int NESTED_LINES = 64;

  /**
   * At the colon of a parent key from {@link TriggerCatalog#KEY_PARENTS} ({@code encryption:}) that starts its line (or
   * a sequence item) and opens a mapping (nothing but a comment after it): the value of its child {@code key:}, on
   * the lines after it at the children's indentation, as a secret key's value in every form.
   *
   * @return the end of the value, or -1
   */
  static int nestedKey(Scan s, int last, int patternLength) {
    int ks = last - patternLength + 1;
    if (s.b[last] == '\n') {
      last--; // a pattern that holds the parent's line end (api:\n, entered at its rare i:\n)
    }
    if (!startsLineOrItem(s, ks)) {
      return -1;
    }
    int p = KeyValueDetector.skipSpaces(s, last + 1);
    if (s.at(p) == '#') {
      p = lineEnd(s, p);
    }
    if (p < s.hi && s.b[p] != '\n' && s.b[p] != '\r') {
      return -1; // an inline value (encryption: aes256): not a mapping
    }
    int keyColumn = ks - lineStart(s, ks);
    int childColumn = -1;
    int line = nextLine(s, p);
    for (int n = 0; n < NESTED_LINES && line < s.hi; n++) {
      int ie = indentEnd(s, line);
      int e = lineEnd(s, ie);
      if (ie == e || s.b[ie] == '#') {
        line = nextLine(s, e);
        continue;
      }
      int column = ie - line;
      if (column <= keyColumn) {
        return -1;
      }
      if (childColumn < 0) {
        childColumn = column;
      }
      if (column == childColumn && ie + 3 < e && s.b[ie + 3] == ':' && Bytes.startsWithIgnoreCase(s.b, ie, e, "key")) {
        return KeyValueDetector.find(s, ie + 2, NESTED_KEY);
      }
      line = nextLine(s, e);
    }
    return -1;
  }

  private static int lineStart(Scan s, int p) {
    while (p > s.lo && s.b[p - 1] != '\n') {
      p--;
    }
    return p;
  }

  /** A next-line value that is a mapping, a sequence or a comment, not a scalar. */
  private static boolean looksLikeNode(Scan s, int q, int e) {
    int c = s.at(q);
    if (c == '#' || ((c == '-' || c == '?') && (s.at(q + 1) == ' ' || q + 1 == e))) {
      return true;
    }
    for (int p = q; p < e; p++) {
      if (s.b[p] == ':' && (p + 1 == e || s.b[p + 1] == ' ')) {
        return true;
      }
    }
    return false;
  }

  /** Only blanks, or blanks and a {@code -} item marker, between the line start and {@code ks}. */
  private static boolean startsLineOrItem(Scan s, int ks) {
    int p = ks - 1;
    while (p >= s.lo && s.b[p] == ' ') {
      p--;
    }
    if (p >= s.lo && s.b[p] == '-' && p < ks - 1) {
      p--;
      while (p >= s.lo && s.b[p] == ' ') {
        p--;
      }
    }
    return p < s.lo || s.b[p] == '\n';
  }

  /** The number of spaces that start the line holding {@code ks}. */
  private static int lineIndent(Scan s, int ks) {
    int ls = ks;
    while (ls > s.lo && s.b[ls - 1] != '\n') {
      ls--;
    }
    int n = 0;
    while (ls + n < ks && s.b[ls + n] == ' ') {
      n++;
    }
    return n;
  }

  /** The first byte at or after {@code p} that is not a space (the end of a line's indentation). */
  private static int indentEnd(Scan s, int p) {
    while (p < s.hi && s.b[p] == ' ') {
      p++;
    }
    return p;
  }

  /** The end of the line at {@code p}: its {@code \n} or {@code \r}, or {@code s.hi}. */
  private static int lineEnd(Scan s, int p) {
    while (p < s.hi && s.b[p] != '\n' && s.b[p] != '\r') {
      p++;
    }
    return p;
  }

  /** The start of the line after the line end at {@code e} ({@code \r\n}, {@code \n} or {@code \r}). */
  private static int nextLine(Scan s, int e) {
    return s.at(e) == '\r' && s.at(e + 1) == '\n' ? e + 2 : e + 1;
  }
}
