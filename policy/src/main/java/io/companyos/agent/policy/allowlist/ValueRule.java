package io.companyos.agent.policy.allowlist;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one heartbeat field or telemetry attribute may hold. Problems are described without the offending value, which
 * is exactly what must not leak into logs.
 *
 * @param type the kind of value
 * @param constant for {@link ValueType#CONST}: the only value (an integer)
 * @param values for {@link ValueType#ENUM}: the permitted values
 * @param nullable whether JSON {@code null} is permitted
 * @param fields for {@link ValueType#OBJECT}: the exact set of fields, in document order
 * @param description what the value is, for the telemetry schema document
 */
public record ValueRule(ValueType type, long constant, List<String> values, boolean nullable,
    Map<String, ValueRule> fields, String description) {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  /** A redaction token standing for part of a name: {@code <keyword:1a2b3c4d>} or {@code <host>}. */
  private static final String TOKEN = "<[a-z0-9][a-z0-9_-]{0,39}(?::[0-9a-f]{8})?>";
  private static final String SEGMENT = "(?:[A-Za-z0-9_$]|" + TOKEN + ")+";
  private static final Pattern JAVA_TYPE = Pattern.compile(SEGMENT + "(?:\\." + SEGMENT + ")*");
  private static final Pattern TRACE_HEAD = Pattern.compile(
      "[\\t ]{0,16}(?:Caused by: |Suppressed: |Exception in thread )?" + JAVA_TYPE.pattern());
  private static final Pattern TRACE_FRAME = Pattern.compile(
      "[\\t ]{0,16}at (?:[A-Za-z0-9_$./@+-]|" + TOKEN + "){1,512}"
      + "\\((?:Native Method|Unknown Source|(?:[A-Za-z0-9_$.-]|" + TOKEN + "){1,128}(?::\\d{1,7})?)\\)");
  private static final Pattern TRACE_MORE = Pattern.compile(
      "[\\t ]{0,16}\\.\\.\\. \\d{1,9} (?:more|common frames omitted)");
  private static final Pattern COUNT_TEXT = Pattern.compile("\\d{1,18}");
  /**
   * Exception classes already found to conform, by their exact text (a pure function of it): every error event carries
   * one, from a few code paths. Bounded (each at most 256 characters); starts over when full.
   */
  private static final Map<String, Boolean> VALID_TYPES = new java.util.concurrent.ConcurrentHashMap<>();
  static final int VALID_TYPES_MAX = 1024;
  /**
   * Stack-trace lines already found to conform (the check is a pure function of the line): error events repeat the
   * same frames, and a hit skips three regular expressions. Bounded; starts over when full.
   */
  private static final Map<String, Byte> VALID_TRACE_LINES = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int VALID_TRACE_LINES_MAX = 2048;
  /**
   * Whole traces already found to conform, keyed by their exact text (a string's equality compares every character, so a
   * trace differing in one character from a remembered one is screened line by line again). Error events from one code
   * path carry the same anonymized trace, so a repeat costs one hash and one comparison instead of a split and a look-up
   * per line. Only conforming traces are kept; bounded by count and by characters, and starts over when either is full.
   */
  private static final Map<String, Boolean> VALID_TRACES = new java.util.concurrent.ConcurrentHashMap<>();
  static final int VALID_TRACES_MAX = 512;
  static final long VALID_TRACES_MAX_CHARS = 1L << 20;
  private static final java.util.concurrent.atomic.AtomicLong VALID_TRACES_CHARS =
      new java.util.concurrent.atomic.AtomicLong();
  private static final int TRACE_LINE_OK = 1;
  private static final int TRACE_HEAD_OK = 2;
  /** Limits of {@link ValueType#STACK_TRACE}. */
  public static final int MAX_TRACE_LINES = 200;
  public static final int MAX_TRACE_CHARS = 16_384;

  public ValueRule {
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    description = description == null ? "" : description;
    if (type == ValueType.ENUM && values.isEmpty()) {
      throw new IllegalArgumentException("an enum rule needs values");
    }
  }

  /** Checks a JSON value; returns null when it conforms, else the problem (naming {@code path}, never the value). */
  public String check(String path, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return path + " is missing";
    }
    if (node.isNull()) {
      return nullable ? null : path + " must not be null";
    }
    switch (type) {
      case CONST:
        return node.isIntegralNumber() && node.asLong() == constant ? null : path + " must be " + constant;
      case COUNT:
        return node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0
            ? null : path + " must be a non-negative integer";
      case OBJECT:
        return checkObject(path, node);
      default:
        return node.isTextual() ? checkText(path, node.asText()) : path + " must be a string";
    }
  }

  /** Checks a text value (an attribute value); returns null when it conforms, else the problem. */
  public String checkText(String path, String text) {
    boolean ok = switch (type) {
      case UUID -> UUID.matcher(text).matches();
      case VERSION -> VERSION.matcher(text).matches();
      case ENUM -> values.contains(text);
      case TIMESTAMP -> isInstant(text);
      case CONST -> text.equals(Long.toString(constant));
      case COUNT -> COUNT_TEXT.matcher(text).matches();
      case OBJECT -> false;
      case JAVA_TYPE -> isJavaType(text);
      case STACK_TRACE -> isStackTrace(text);
      case HEX16 -> isHex16(text);
    };
    return ok ? null : path + " is not " + type.expectation(values);
  }

  private String checkObject(String path, JsonNode node) {
    if (!node.isObject()) {
      return path + " must be an object";
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.containsKey(name)) {
        return (path.isEmpty() ? "" : path + ".") + "<unlisted field> is not in the schema";
      }
    }
    for (Map.Entry<String, ValueRule> field : fields.entrySet()) {
      String problem = field.getValue().check(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
          node.get(field.getKey()));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static boolean isJavaType(String text) {
    if (text.length() > 256) {
      return false;
    }
    if (VALID_TYPES.containsKey(text)) {
      return true;
    }
    if (!JAVA_TYPE.matcher(text).matches()) {
      return false;
    }
    if (VALID_TYPES.size() >= VALID_TYPES_MAX) {
      VALID_TYPES.clear();
    }
    VALID_TYPES.put(text, Boolean.TRUE);
    return true;
  }

  /** How many exception classes are remembered as conforming (for tests of the bound). */
  static int rememberedTypes() {
    return VALID_TYPES.size();
  }

  /** {@code [0-9a-f]{16}}, without a regular expression. */
  private static boolean isHex16(String text) {
    if (text.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStackTrace(String text) {
    if (text.isEmpty() || text.length() > MAX_TRACE_CHARS) {
      return false;
    }
    if (VALID_TRACES.containsKey(text)) {
      return true;
    }
    if (!screenStackTrace(text)) {
      return false;
    }
    if (VALID_TRACES.size() >= VALID_TRACES_MAX
        || VALID_TRACES_CHARS.addAndGet(text.length()) > VALID_TRACES_MAX_CHARS) {
      VALID_TRACES.clear();
      VALID_TRACES_CHARS.set(text.length());
    }
    VALID_TRACES.put(text, Boolean.TRUE);
    return true;
  }

  /** How many whole traces are remembered as conforming (for tests of the bound). */
  static int rememberedTraces() {
    return VALID_TRACES.size();
  }

  /** The characters of the whole traces remembered as conforming (for tests of the bound). */
  static long rememberedTraceChars() {
    return VALID_TRACES.keySet().stream().mapToLong(String::length).sum();
  }

  private static boolean screenStackTrace(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length > MAX_TRACE_LINES || (traceLine(lines[0]) & TRACE_HEAD_OK) == 0) {
      return false;
    }
    for (String line : lines) {
      if ((traceLine(line) & TRACE_LINE_OK) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * What one line of a stack trace is: {@link #TRACE_LINE_OK} when it may appear in one (a frame, {@code ... N more}, or
   * a header of at most 300 characters), {@link #TRACE_HEAD_OK} when it is a header (the first line must be). Lines that
   * may appear are remembered.
   */
  private static int traceLine(String line) {
    Byte known = VALID_TRACE_LINES.get(line);
    if (known != null) {
      return known;
    }
    boolean head = TRACE_HEAD.matcher(line).matches();
    boolean ok = TRACE_FRAME.matcher(line).matches() || TRACE_MORE.matcher(line).matches()
        || (line.length() <= 300 && head);
    int flags = (ok ? TRACE_LINE_OK : 0) | (head ? TRACE_HEAD_OK : 0);
    if (ok) {
      if (VALID_TRACE_LINES.size() >= VALID_TRACE_LINES_MAX) {
        VALID_TRACE_LINES.clear();
      }
      VALID_TRACE_LINES.put(line, (byte) flags);
    }
    return flags;
  }

  private static boolean isInstant(String text) {
    if (!TIMESTAMP.matcher(text).matches()) {
      return false;
    }
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
