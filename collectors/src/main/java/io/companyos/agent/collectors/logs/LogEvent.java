package io.companyos.agent.collectors.logs;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One logical log event: a line, a JSON record, joined CRI partial lines, or a message with its
 * Java stack trace.
 *
 * @param time when it was logged; null when the lines carry no time
 * @param service the source's service name
 * @param level the level as written ({@code ERROR}, {@code WARN}, …), upper case; null if none found
 * @param text the event's text; lines of a stack trace joined with {@code \n}
 * @param exceptionType fully qualified class of the (outermost) exception; null if none
 */
public record LogEvent(
    Instant time, String service, String level, String text, String exceptionType) {

  private static final Set<String> ERROR_LEVELS =
      Set.of("ERROR", "FATAL", "SEVERE", "CRITICAL", "CRIT", "EMERG", "ALERT", "PANIC");

  public LogEvent {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(text, "text");
    level = level == null ? null : level.toUpperCase(Locale.ROOT);
  }

  /** True for ERROR-level (and worse) events: they feed {@code agent.log.errors}. */
  public boolean isError() {
    return level != null && ERROR_LEVELS.contains(level);
  }
}
