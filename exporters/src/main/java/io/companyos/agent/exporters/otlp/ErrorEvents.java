package io.companyos.agent.exporters.otlp;

import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.StackTraceAnonymizer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Tier-1 error events: turns the text of an error with a Java stack trace into one OTLP log record (event
 * {@value #EVENT_NAME}) on the pipeline's logger, from where the batch log processor commits it to the disk queue.
 *
 * <p>Entry point: {@link #record(String, String)}. The trace is anonymized first ({@link StackTraceAnonymizer}: only
 * exception classes and frames stay, every message goes, every kept line passes the configured {@link Redactor}).
 * The record carries {@code service}, {@code exception.type}, {@code exception.stacktrace},
 * {@code companyos.error.fingerprint} and {@code companyos.error.suppressed}, a severity and a time; never a body,
 * never a message. A rate limit per fingerprint and per window (normally {@code telemetry.interval}) keeps a log storm
 * from flooding the queue: what it holds back is counted ({@link #suppressedCount()}) and reported in the next record
 * of that fingerprint. Thread-safe.
 */
public final class ErrorEvents {
  /** The event name of every error record; the allowlist's only log event. */
  public static final String EVENT_NAME = "companyos.error";
  static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service");
  static final AttributeKey<String> TYPE = AttributeKey.stringKey("exception.type");
  static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("exception.stacktrace");
  static final AttributeKey<String> FINGERPRINT = AttributeKey.stringKey("companyos.error.fingerprint");
  static final AttributeKey<Long> SUPPRESSED = AttributeKey.longKey("companyos.error.suppressed");
  /** Limits of the allowlist's stack-trace format (it refuses anything longer). */
  static final int MAX_LINES = 200;
  static final int MAX_CHARS = 16_384;
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");

  /** What became of one event. */
  public enum Outcome {
    /** A log record was emitted. */
    EMITTED,
    /** Held back by the rate limit (counted). */
    SUPPRESSED,
    /** No exception class could be found in it: nothing to send. */
    NO_TRACE
  }

  /**
   * The rate limit.
   *
   * @param window the period the counts below apply to (normally {@code telemetry.interval})
   * @param perFingerprint records per fingerprint per window
   * @param perWindow records per window in all
   * @param maxFingerprints distinct fingerprints remembered; events of further ones are suppressed until the window ends
   */
  public record Limits(Duration window, int perFingerprint, int perWindow, int maxFingerprints) {
    public Limits {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero() || perFingerprint < 1 || perWindow < 1 || maxFingerprints < 1) {
        throw new IllegalArgumentException("error event limits must be positive");
      }
    }

    /** 3 records per fingerprint and 1,000 in all per window; 10,000 fingerprints remembered. */
    public static Limits defaults(Duration window) {
      return new Limits(window, 3, 1_000, 10_000);
    }
  }

  /** Per fingerprint: records in the current window, and events held back since its last record. */
  private static final class Seen {
    int inWindow;
    long held;
  }

  private final Logger logger;
  private final StackTraceAnonymizer anonymizer;
  private final Clock clock;
  private final Limits limits;
  private final Consumer<RedactionCounter> redactions;
  private final Map<String, Seen> seen = new HashMap<>();
  private final LongAdder emitted = new LongAdder();
  private final LongAdder suppressed = new LongAdder();
  private final LongAdder untraced = new LongAdder();
  private Instant windowStart;
  private int inWindow;

  /**
   * @param logger where records are emitted ({@link OtlpPipeline#logger()})
   * @param redactor the installation's configured redactor, applied to every kept line
   * @param clock decides the rate-limit windows and stamps events that carry no time
   * @param limits the rate limit
   * @param redactions receives what the redactor replaced in an event, when it replaced anything (e.g. the daemon's
   *     redaction meter)
   */
  public ErrorEvents(Logger logger, Redactor redactor, Clock clock, Limits limits,
      Consumer<RedactionCounter> redactions) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.anonymizer = new StackTraceAnonymizer(Objects.requireNonNull(redactor, "redactor"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.redactions = Objects.requireNonNull(redactions, "redactions");
  }

  /** Records one error: {@code trace} as printed by {@code printStackTrace()}, possibly after a log line. */
  public Outcome record(String service, String trace) {
    return record(service, trace, null, null, false);
  }

  /**
   * Records one error event from the logs.
   *
   * @param service the log source's service (the guard admits only CompanyOS's own service names)
   * @param text the event's text: a log line and/or a stack trace (messages in it never leave)
   * @param typeHint the exception class the log parser found, used when the text has no trace header; may be null
   * @param time when it was logged; null for now
   * @param fatal FATAL rather than ERROR severity
   */
  public Outcome record(String service, String text, String typeHint, Instant time, boolean fatal) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(text, "text");
    RedactionCounter counter = new RedactionCounter();
    StackTraceAnonymizer.AnonymizedTrace anonymized = anonymizer.anonymize(text, counter);
    String text0 = anonymized.text();
    int firstBreak = text0.indexOf('\n');
    String first = firstBreak < 0 ? text0 : text0.substring(0, firstBreak);
    // the usual case, a trace with its header that fits the limits, goes out as the anonymizer wrote it (the kept
    // lines are never empty, so splitting and joining them again would give the same text)
    if (!text0.isEmpty() && !frameOrMore(first)
        && text0.length() + 1 <= MAX_CHARS - 32 && anonymized.lines() <= MAX_LINES - 1) {
      report(counter);
      return emit(service, text0, first, anonymized.fingerprint(), time, fatal);
    }
    List<String> lines = text0.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(text0.split("\n")));
    if (lines.isEmpty() || frameOrMore(lines.get(0))) {
      // no trace header (an exception named in the log line only): the parser's class stands for it
      StackTraceAnonymizer.AnonymizedTrace head = typeHint == null || !CLASS_NAME.matcher(typeHint).matches() ? null
          : anonymizer.anonymize(typeHint, counter);
      if (head == null || head.text().isEmpty() || head.text().contains("\n")) {
        report(counter);
        untraced.increment();
        return Outcome.NO_TRACE;
      }
      lines.add(0, head.text());
      if (lines.size() == 1) {
        // the fingerprint of the class alone, not the one of an empty trace that every such event would share
        anonymized = head;
      }
    }
    report(counter);
    return emit(service, truncated(lines), lines.get(0), anonymized.fingerprint(), time, fatal);
  }

  /** Emits the record unless the rate limit holds it back. */
  private Outcome emit(String service, String trace, String header, String fingerprint, Instant time,
      boolean fatal) {
    long held = admit(fingerprint);
    if (held < 0) {
      suppressed.increment();
      return Outcome.SUPPRESSED;
    }
    String type = withoutHeadPrefix(header);
    logger.logRecordBuilder()
        .setEventName(EVENT_NAME)
        .setSeverity(fatal ? Severity.FATAL : Severity.ERROR)
        .setSeverityText(fatal ? "FATAL" : "ERROR")
        .setTimestamp(time != null ? time : clock.instant())
        // set one by one: an Attributes built first would be sorted and copied only to be copied again
        .setAttribute(SERVICE, service)
        .setAttribute(TYPE, type)
        .setAttribute(STACKTRACE, trace)
        .setAttribute(FINGERPRINT, fingerprint)
        .setAttribute(SUPPRESSED, held)
        .emit();
    emitted.increment();
    return Outcome.EMITTED;
  }

  /**
   * Whether {@code line} matches {@code ^\s*(?:at |\.\.\. ).*} (a frame or {@code ... N more} line, not a trace
   * header), decided without the regular expression: blanks as {@code \s} knows them, {@code at } or {@code ... },
   * then no line terminator, which {@code .} does not match.
   */
  static boolean frameOrMore(String line) {
    int i = afterSpaces(line);
    int from;
    if (line.startsWith("at ", i)) {
      from = i + 3;
    } else if (line.startsWith("... ", i)) {
      from = i + 4;
    } else {
      return false;
    }
    for (int k = from; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code header} without what {@code ^\s*(?:Caused by: |Suppressed: |Exception in thread )?} matches at its start:
   * the leading blanks and then the first of those prefixes that follows them, if any.
   */
  static String withoutHeadPrefix(String header) {
    int i = afterSpaces(header);
    for (String prefix : HEAD_PREFIXES) {
      if (header.startsWith(prefix, i)) {
        return header.substring(i + prefix.length());
      }
    }
    return i == 0 ? header : header.substring(i);
  }

  private static final String[] HEAD_PREFIXES = {"Caused by: ", "Suppressed: ", "Exception in thread "};

  /** Where the leading run of {@code \s} characters ({@code [ \t\n\x0B\f\r]}) ends. */
  private static int afterSpaces(String line) {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  private void report(RedactionCounter counter) {
    if (counter.total() > 0) {
      redactions.accept(counter);
    }
  }

  /** -1 when the event is held back; else how many of its fingerprint were held back since its last record. */
  private synchronized long admit(String fingerprint) {
    Instant now = clock.instant();
    if (windowStart == null || !now.isBefore(windowStart.plus(limits.window())) || now.isBefore(windowStart)) {
      windowStart = now;
      inWindow = 0;
      seen.values().removeIf(s -> s.held == 0);
      seen.values().forEach(s -> s.inWindow = 0);
    }
    Seen s = seen.get(fingerprint);
    if (s == null) {
      if (seen.size() >= limits.maxFingerprints()) {
        return -1;
      }
      s = new Seen();
      seen.put(fingerprint, s);
    }
    if (s.inWindow >= limits.perFingerprint() || inWindow >= limits.perWindow()) {
      s.held++;
      return -1;
    }
    s.inWindow++;
    inWindow++;
    long held = s.held;
    s.held = 0;
    return held;
  }

  /** The lines joined, cut to the allowlist's limits with a closing {@code ... N more}. */
  static String truncated(List<String> lines) {
    int chars = 0;
    int keep = 0;
    // room for the closing "\t... N more" line
    while (keep < lines.size() && keep < MAX_LINES - 1 && chars + lines.get(keep).length() + 1 <= MAX_CHARS - 32) {
      chars += lines.get(keep).length() + 1;
      keep++;
    }
    if (keep == lines.size()) {
      return String.join("\n", lines);
    }
    return String.join("\n", lines.subList(0, keep)) + "\n\t... " + (lines.size() - keep) + " more";
  }

  /** Records emitted so far. */
  public long emittedCount() {
    return emitted.sum();
  }

  /** Events held back by the rate limit so far. */
  public long suppressedCount() {
    return suppressed.sum();
  }

  /** Error events without an exception class (nothing sent for them) so far. */
  public long untracedCount() {
    return untraced.sum();
  }
}
