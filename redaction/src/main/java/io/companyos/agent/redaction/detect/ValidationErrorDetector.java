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

  /**
   * At the quote after {@code key: }, {@code property: } or {@code "property":}: the field a Node validator names (Joi's
   * context, class-validator's {@code ValidationError}), and the {@code value} before it in the same object, found
   * by looking back over at most 512 bytes and no brace (the printout may break lines between them).
   */
  static int valueBeforeField(Scan s, int last) {
    int q = s.b[last];
    int nameEnd = KeyValueDetector.closingQuote(s, last + 1, q);
    if (nameEnd < 0 || nameEnd - last > 65) {
      return -1;
    }
    int keyStart = last - 1;
    while (keyStart > s.lo && Bytes.isAlpha(s.b[keyStart - 1])) {
      keyStart--;
    }
    for (int p = keyStart - 1; p > s.lo && keyStart - p < 512; p--) {
      int c = s.b[p];
      if (c == '{' || c == '}') {
        return -1;
      }
      int vq;
      if (c == 'v' && !Bytes.isWord(s.at(p - 1)) && (Bytes.startsWith(s.b, p, keyStart, "value: '")
          || Bytes.startsWith(s.b, p, keyStart, "value: \""))) {
        vq = p + 7;
      } else if (c == 'v' && s.at(p - 1) == '"' && Bytes.startsWith(s.b, p, keyStart, "value\":\"")) {
        vq = p + 7;
      } else {
        continue;
      }
      int end = KeyValueDetector.closingQuote(s, vq + 1, s.b[vq]);
      if (end < 0 || end >= keyStart) {
        return -1;
      }
      add(s, new String(s.b, last + 1, nameEnd - last - 1, StandardCharsets.UTF_8), vq + 1, end);
      return -1; // the span is kept; the pass goes on
    }
    return -1;
  }

  /**
   * At the quote of Joi's {@code "label":"} in a JSON log line ({@code "context":{"limit":8,"value":"x","label":
   * "password","key":"password"}}): the object's {@code "value"} typed by its {@code "key"}, when the object is a
   * {@code "context"}.
   */
  static int joiContext(Scan s, int last) {
    int open = last;
    while (open > s.lo && last - open < 512 && s.b[open] != '{' && s.b[open] != '}' && s.b[open] != '\n') {
      open--;
    }
    if (s.b[open] != '{' || open - 10 < s.lo || !Bytes.startsWith(s.b, open - 10, open, "\"context\":")) {
      return -1;
    }
    int close = -1;
    for (int p = last + 1; p < s.hi && p - last < 1024; p++) {
      if (s.b[p] == '}' || s.b[p] == '{' || s.b[p] == '\n') {
        close = s.b[p] == '}' ? p : -1;
        break;
      }
    }
    int key = close < 0 ? -1 : Bytes.indexOf(s.b, open, close, "\"key\":\"");
    int value = close < 0 ? -1 : Bytes.indexOf(s.b, open, close, "\"value\":\"");
    if (key < 0 || value < 0) {
      return -1;
    }
    int keyEnd = KeyValueDetector.closingQuote(s, key + 7, '"');
    int valueEnd = KeyValueDetector.closingQuote(s, value + 9, '"');
    if (keyEnd < 0 || valueEnd < 0 || keyEnd - key > 72) {
      return -1;
    }
    return add(s, new String(s.b, key + 7, keyEnd - key - 7, StandardCharsets.UTF_8), value + 9, valueEnd);
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
