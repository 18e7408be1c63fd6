package io.companyos.agent.collectors.prometheus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the tokens of one exposition line: names, label sets, values and timestamps, following
 * the Prometheus text format 0.0.4 (blanks allowed between tokens) and OpenMetrics 1.0 (single
 * spaces only). Problems are thrown as {@link ExpositionParseException} with the line number.
 */
final class LineScanner {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");

  private final String line;
  private final int lineNumber;
  private final boolean strict;
  private int pos;

  LineScanner(String line, int lineNumber, ExpositionFormat format) {
    this.line = line;
    this.lineNumber = lineNumber;
    this.strict = format == ExpositionFormat.OPENMETRICS;
  }

  ExpositionParseException error(String problem) {
    return new ExpositionParseException(lineNumber, problem);
  }

  boolean atEnd() {
    return pos >= line.length();
  }

  char peek() {
    return line.charAt(pos);
  }

  /** The rest of the line from the current position. */
  String rest() {
    String rest = line.substring(pos);
    pos = line.length();
    return rest;
  }

  /** Skips blanks; returns how many there were. */
  int skipBlanks() {
    int start = pos;
    while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
      pos++;
    }
    return pos - start;
  }

  /** At least one separator: exactly one space in OpenMetrics, any blanks in 0.0.4. */
  void separator(String what) throws ExpositionParseException {
    int blanks = skipBlanks();
    if (blanks == 0 || (strict && (blanks > 1 || line.charAt(pos - 1) != ' '))) {
      throw error(strict ? "expected a single space before " + what : "expected a blank before " + what);
    }
  }

  /** Exactly one space, whatever follows it. */
  void separatorChar(String what) throws ExpositionParseException {
    if (atEnd() || peek() != ' ') {
      throw error("expected a single space before " + what);
    }
    pos++;
  }

  /** Blanks inside a label set: allowed in 0.0.4, not in OpenMetrics. */
  private void optionalBlanks() throws ExpositionParseException {
    if (skipBlanks() > 0 && strict) {
      throw error("unexpected blank in label set");
    }
  }

  String metricName() throws ExpositionParseException {
    int start = pos;
    if (pos < line.length() && isNameStart(line.charAt(pos), true)) {
      pos++;
      while (pos < line.length() && isNamePart(line.charAt(pos), true)) {
        pos++;
      }
    }
    if (start == pos) {
      throw error("expected a metric name");
    }
    return line.substring(start, pos);
  }

  String word() {
    int start = pos;
    while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
      pos++;
    }
    return line.substring(start, pos);
  }

  /** Reads {@code {name="value",...}} if the line continues with {@code {}; else no labels. */
  Map<String, String> labels() throws ExpositionParseException {
    Map<String, String> labels = new LinkedHashMap<>();
    if (atEnd() || peek() != '{') {
      return labels;
    }
    pos++;
    optionalBlanks();
    while (!atEnd() && peek() != '}') {
      String name = labelName();
      optionalBlanks();
      expect('=', "'=' after label name");
      optionalBlanks();
      String value = quoted();
      if (labels.put(name, value) != null) {
        throw error("duplicate label " + name);
      }
      optionalBlanks();
      if (!atEnd() && peek() == ',') {
        pos++;
        optionalBlanks();
      } else if (atEnd() || peek() != '}') {
        throw error("expected ',' or '}' in label set");
      }
    }
    expect('}', "'}' to close the label set");
    return labels;
  }

  private String labelName() throws ExpositionParseException {
    int start = pos;
    if (pos < line.length() && isNameStart(line.charAt(pos), false)) {
      pos++;
      while (pos < line.length() && isNamePart(line.charAt(pos), false)) {
        pos++;
      }
    }
    if (start == pos) {
      throw error("expected a label name");
    }
    return line.substring(start, pos);
  }

  private String quoted() throws ExpositionParseException {
    expect('"', "'\"' to open the label value");
    StringBuilder value = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unterminated label value");
      }
      char c = line.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (atEnd()) {
          throw error("unterminated label value");
        }
        char e = line.charAt(pos++);
        switch (e) {
          case '\\' -> value.append('\\');
          case '"' -> value.append('"');
          case 'n' -> value.append('\n');
          default -> throw error("invalid escape \\" + e + " in label value");
        }
      } else {
        value.append(c);
      }
    }
  }

  private void expect(char c, String what) throws ExpositionParseException {
    if (atEnd() || peek() != c) {
      throw error("expected " + what);
    }
    pos++;
  }

  double value() throws ExpositionParseException {
    String token = word();
    switch (token) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "Inf":
        if (!strict) {
          return Double.POSITIVE_INFINITY;
        }
        break;
      default:
        if (NUMBER.matcher(token).matches()) {
          return Double.parseDouble(token);
        }
    }
    throw error(token.isEmpty() ? "expected a value" : "invalid value");
  }

  /** A timestamp in ms: 0.0.4 writes integer milliseconds, OpenMetrics (float) seconds. */
  long timestampMs() throws ExpositionParseException {
    String token = word();
    if (strict) {
      if (!NUMBER.matcher(token).matches()) {
        throw error("invalid timestamp");
      }
      return Math.round(Double.parseDouble(token) * 1000);
    }
    if (!INTEGER.matcher(token).matches()) {
      throw error("invalid timestamp (expected integer milliseconds)");
    }
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw error("invalid timestamp (out of range)");
    }
  }

  private static boolean isNameStart(char c, boolean colon) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
  }

  private static boolean isNamePart(char c, boolean colon) {
    return isNameStart(c, colon) || (c >= '0' && c <= '9');
  }
}
