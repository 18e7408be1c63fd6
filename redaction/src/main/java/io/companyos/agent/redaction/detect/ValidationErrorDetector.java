package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import java.nio.charset.StandardCharsets;

/**
 * The value a framework's validation error repeats, typed by the field it names: Spring's
 * {@code on field 'password': rejected value [x]}, FastAPI's 422 body {@code {"loc":["body","password"], …,
 * "input":"x"}} and Pydantic's {@code input_value='x'} under the field's line ({@code password} then
 * {@code   String should match … [type=…, input_value='x', input_type=str]}). A field that names no secret, user or
 * other kind of value leaves its value alone (an e-mail field's value is found as an e-mail anyway).
 */
final class ValidationErrorDetector {
  private ValidationErrorDetector() {}

  private static final int MAX_VALUE = 1024;

  /** At the {@code [} of {@code rejected value [}: the field in {@code on field 'NAME': } right before it. */
  static int springRejected(Scan s, int last) {
    int colon = last - 17; // the ':' of "': rejected value ["
    if (s.at(colon) != ':' || s.at(colon - 1) != '\'') {
      return -1;
    }
    int open = colon - 2;
    while (open > s.lo && colon - open < 128 && s.b[open] != '\'') {
      open--;
    }
    if (s.at(open) != '\'' || !Bytes.startsWith(s.b, open - 9, open, "on field ")) {
      return -1;
    }
    int start = last + 1;
    int end = start;
    while (end < s.hi && end - start < MAX_VALUE && s.b[end] != ']' && s.b[end] != '\n') {
      end++;
    }
    return s.at(end) == ']' ? add(s, field(s, open + 1, colon - 1), start, end) : -1;
  }

  /** At the {@code :} of FastAPI's {@code "input":}: the field, the last item of the same object's {@code "loc"}. */
  static int fastApiInput(Scan s, int last) {
    int key = last - 7; // the opening quote of "input":
    if (!Bytes.startsWith(s.b, key, s.hi, "\"input\":\"")) {
      return -1;
    }
    int loc = key;
    while (loc > s.lo && key - loc < 1024 && s.b[loc] != '{' && !Bytes.startsWith(s.b, loc, key, "\"loc\":[")) {
      loc--;
    }
    if (!Bytes.startsWith(s.b, loc, key, "\"loc\":[")) {
      return -1;
    }
    int close = Bytes.indexOf(s.b, loc + 7, key, "]");
    if (close < 0 || s.at(close - 1) != '"') {
      return -1;
    }
    int nameStart = close - 2;
    while (nameStart > loc + 7 && s.b[nameStart] != '"') {
      nameStart--;
    }
    int start = last + 2;
    int end = KeyValueDetector.closingQuote(s, start, '"');
    return end < 0 ? -1 : add(s, field(s, nameStart + 1, close - 1), start, end);
  }

  /** At the {@code =} of Pydantic's {@code input_value=}: the field, alone on the line before the message's. */
  static int pydanticInput(Scan s, int last) {
    int q = s.at(last + 1);
    if (q != '\'' && q != '"') {
      return -1;
    }
    int line = last;
    while (line > s.lo && last - line < 2048 && s.b[line - 1] != '\n') {
      line--;
    }
    int prevEnd = line - 1; // the newline ending the field's line
    if (prevEnd <= s.lo || s.at(prevEnd) != '\n' || s.at(line) != ' ') {
      return -1;
    }
    int prev = prevEnd;
    while (prev > s.lo && prevEnd - prev < 256 && s.b[prev - 1] != '\n') {
      prev--;
    }
    int start = last + 2;
    int end = start;
    while (end < s.hi && end - start < MAX_VALUE && s.b[end] != q && s.b[end] != '\n') {
      end++;
    }
    return s.at(end) == q ? add(s, field(s, prev, prevEnd), start, end) : -1;
  }

  /** The field's own name in a path ({@code body.password}, {@code user -> password}), as a string, or null. */
  private static String field(Scan s, int from, int to) {
    while (to > from && Bytes.isSpace(s.b[to - 1])) {
      to--;
    }
    int p = to;
    while (p > from && (Bytes.isWord(s.b[p - 1]) || s.b[p - 1] == '-')) {
      p--;
    }
    return p == to || to - p > 64 ? null : new String(s.b, p, to - p, StandardCharsets.ISO_8859_1);
  }

  private static int add(Scan s, String field, int start, int end) {
    if (field == null || end <= start || KeyValueDetector.isPlaceholder(s, start, end)) {
      return -1;
    }
    DetectorType type = KeyNames.classify(field);
    return type != null && s.add(start, end, type) ? end : -1;
  }
}
