package io.companyos.agent.collectors.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw lines of one file, in order, into {@link LogEvent}s: detects the format, joins CRI
 * partial lines ({@code P}) up to their final line ({@code F}), joins Java stack traces to the
 * line that logged them, reads JSON records, and finds each event's level and exception type.
 * One instance per file; not thread-safe. Call {@link #flush()} at the end of the input.
 */
public final class LogEventAssembler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CRI = Pattern.compile("^(\\S+) (stdout|stderr) ([PF]) ?(.*)$",
      Pattern.DOTALL);
  private static final Pattern LEVEL = Pattern.compile(
      "(?<![\\w-])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|SEVERE|CRITICAL)(?![\\w-])");
  private static final int LEVEL_SEARCH_CHARS = 160;
  private static final int MAX_EVENT_LINES = 2000;
  /** CRI partial lines joined into one line keep at most this many chars (a line's own cap: 1 MiB). */
  static final int MAX_JOINED_CHARS = 1024 * 1024;

  private final String service;
  private final Consumer<LogEvent> sink;
  private final Timestamps timestamps;
  private LogFormat format;
  private final StringBuilder partial = new StringBuilder();
  private Instant partialTime;
  private final List<String> lines = new ArrayList<>();
  private Instant eventTime;
  private boolean sawTimestamp;

  public LogEventAssembler(String service, LogFormat format, ZoneId zone, Consumer<LogEvent> sink) {
    this.service = Objects.requireNonNull(service, "service");
    this.format = Objects.requireNonNull(format, "format");
    this.timestamps = new Timestamps(Objects.requireNonNull(zone, "zone"));
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** The format in use: the configured one, or what AUTO detected (AUTO until a line came). */
  public LogFormat format() {
    return format;
  }

  /** Takes the next raw line of the file (without its line break). */
  public void accept(String rawLine) {
    if (format == LogFormat.AUTO) {
      if (rawLine.isBlank()) {
        return;
      }
      format = LogFormat.detect(rawLine);
    }
    switch (format) {
      case CRI -> acceptCri(rawLine);
      case JSON -> acceptJson(rawLine, null);
      default -> acceptText(rawLine, null);
    }
  }

  /** Emits the event still being assembled (end of input, or before a long pause). */
  public void flush() {
    if (partial.length() > 0) {
      acceptText(partial.toString(), partialTime);
      partial.setLength(0);
      partialTime = null;
    }
    emit();
  }

  private void acceptCri(String rawLine) {
    Matcher cri = CRI.matcher(rawLine);
    if (!cri.matches()) {
      acceptText(rawLine, null);
      return;
    }
    if (partial.length() == 0) {
      partialTime = timestamps.find(cri.group(1));
    }
    int room = MAX_JOINED_CHARS - partial.length();
    if (room > 0) {
      // a writer that never ends a line (P after P) must not grow the heap without bound
      partial.append(rawLine, cri.start(4), Math.min(cri.end(4), cri.start(4) + room));
    }
    if (cri.group(3).equals("F")) {
      String whole = partial.toString();
      Instant time = partialTime;
      partial.setLength(0);
      partialTime = null;
      if (whole.startsWith("{")) {
        acceptJson(whole, time);
      } else {
        acceptText(whole, time);
      }
    }
  }

  private void acceptJson(String rawLine, Instant criTime) {
    if (!rawLine.stripLeading().startsWith("{")) {
      acceptText(rawLine, criTime);
      return;
    }
    JsonNode record;
    try {
      record = JSON.readTree(rawLine);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      acceptText(rawLine, criTime);
      return;
    }
    emit();
    String level = text(record, "level", "severity", "log.level", "levelname", "lvl");
    String trace = text(record, "stack_trace", "stacktrace", "exception", "error.stack_trace",
        "stack", "exc_info");
    String type = text(record, "exception.type", "error.type", "exception_class");
    if (type == null && trace != null) {
      type = Exceptions.typeOfTrace(trace);
    }
    Instant time = timestamps.find(rawLine);
    sink.accept(new LogEvent(time != null ? time : criTime, service, level, rawLine, type));
  }

  /** A field by plain name, or by dotted path ({@code log.level} as nested objects or a key). */
  private static String text(JsonNode record, String... names) {
    for (String name : names) {
      JsonNode value = record.get(name);
      if (value == null && name.contains(".")) {
        value = record.at("/" + name.replace('.', '/'));
      }
      if (value != null && value.isValueNode() && !value.isNull()) {
        return value.asText();
      }
    }
    return null;
  }

  private void acceptText(String line, Instant criTime) {
    boolean timestamped = timestamps.find(line) != null;
    sawTimestamp |= timestamped;
    boolean continues = !lines.isEmpty()
        && !timestamped
        && (sawTimestamp || Exceptions.isContinuation(line))
        && lines.size() < MAX_EVENT_LINES;
    if (!continues) {
      emit();
      eventTime = criTime != null ? criTime : timestamps.find(line);
    }
    lines.add(line);
  }

  private void emit() {
    if (lines.isEmpty()) {
      return;
    }
    String first = lines.get(0);
    sink.accept(new LogEvent(eventTime, service, level(first), String.join("\n", lines),
        Exceptions.type(lines)));
    lines.clear();
    eventTime = null;
  }

  private static String level(String firstLine) {
    Matcher level = LEVEL.matcher(firstLine);
    level.region(0, Math.min(firstLine.length(), LEVEL_SEARCH_CHARS));
    if (!level.find()) {
      return null;
    }
    String found = level.group(1);
    return found.equals("WARNING") ? "WARN" : found;
  }
}
