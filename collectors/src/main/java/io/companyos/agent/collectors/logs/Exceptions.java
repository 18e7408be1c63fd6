package io.companyos.agent.collectors.logs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises Java stack-trace lines and exception class names in log text. */
final class Exceptions {

  private static final String CLASS_NAME =
      "((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault|Failure))";
  /** A line that opens a trace: {@code java.io.IOException: msg}, {@code Exception in thread …}. */
  private static final Pattern HEADER = Pattern.compile(
      "^(?:Exception in thread \"[^\"]*\" )?" + CLASS_NAME + "(?::|\\s*$)");
  private static final Pattern ANYWHERE = Pattern.compile("(?<![\\w$.])" + CLASS_NAME + "(?=:|\\s|$)");
  private static final Pattern MORE = Pattern.compile("^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)");

  private Exceptions() {}

  /**
   * True for a line that continues the previous event's stack trace. The JVM's own "Exception in
   * thread" report of an uncaught exception opens a new event.
   */
  static boolean isContinuation(String line) {
    if (line.isEmpty()) {
      return false;
    }
    char first = line.charAt(0);
    return first == ' ' || first == '\t'
        || line.startsWith("Caused by: ")
        || line.startsWith("Suppressed: ")
        || MORE.matcher(line).lookingAt()
        || (!line.startsWith("Exception in thread ") && HEADER.matcher(line).lookingAt());
  }

  /**
   * The outermost exception's class in an event: the first trace header line after the first
   * line, else a class name within the first line; null if none.
   */
  static String type(List<String> lines) {
    for (int i = 1; i < lines.size(); i++) {
      Matcher header = HEADER.matcher(lines.get(i).strip());
      if (header.lookingAt()) {
        return header.group(1);
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    Matcher anywhere = ANYWHERE.matcher(lines.get(0));
    return anywhere.find() ? anywhere.group(1) : null;
  }

  /** The exception class that opens a stack-trace text (a JSON {@code stack_trace} field). */
  static String typeOfTrace(String trace) {
    Matcher header = HEADER.matcher(trace.strip());
    return header.lookingAt() ? header.group(1) : null;
  }
}
