package io.companyos.agent.redaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anonymizes Java stack traces for Tier-1 error events: exception types and frames stay, every message
 * goes (the top one and each {@code Caused by:} / {@code Suppressed:} one), and so does any line that is
 * neither. Frames are rewritten to {@code at class.method(File.java:12)}: what follows them (packaging data such
 * as {@code ~[app.jar:1.0]}) is dropped, and a line that only looks like a frame ({@code at home with …}) too. Frames are passed through the {@link Redactor} too, so a configured keyword in a package name
 * does not leave. The fingerprint is the first 16 hex digits of SHA-256 over the normalized types and
 * frames (line numbers, generated accessor and lambda numbers removed), stable across installations and
 * builds that do not change the code path. Thread-safe.
 */
public final class StackTraceAnonymizer {
  private static final Pattern TYPE = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");
  private static final Pattern HEAD =
      Pattern.compile("^(\\s*)(Caused by: |Suppressed: |Exception in thread \"[^\"]*\" )?(" + TYPE.pattern()
          + ")(?::.*)?$", Pattern.DOTALL);
  private static final Pattern FRAME = Pattern.compile("^\\s*at \\S.*$");
  /** A frame's parts: indentation, {@code class.method} (with module or loader prefix), location in parentheses. */
  private static final Pattern FRAME_PARTS =
      Pattern.compile("^([\\t ]{0,16})[\\t ]*at ([A-Za-z0-9_$./@+<>-]{1,512})\\(([^()]{0,200})\\).*$");
  private static final Pattern LOCATION = Pattern.compile("Native Method|Unknown Source|[A-Za-z0-9_$.<>-]{1,128}(?::\\d{1,7})?");
  private static final Pattern ELLIPSIS = Pattern.compile("^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)\\s*$");
  private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+\\)");
  private static final Pattern GENERATED = Pattern.compile("(GeneratedMethodAccessor|\\$\\$Lambda\\$?|Proxy)\\d+(/0x[0-9a-f]+)?");

  private final Redactor redactor;

  /** An anonymizer whose kept lines also go through {@code redactor}. */
  public StackTraceAnonymizer(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * The anonymized trace.
   *
   * @param text the kept lines joined by {@code \n}
   * @param fingerprint 16 hex digits
   */
  public record AnonymizedTrace(String text, String fingerprint) {}

  /** Anonymizes one trace as printed by {@link Throwable#printStackTrace()}. */
  public AnonymizedTrace anonymize(String trace) {
    return anonymize(trace, new RedactionCounter());
  }

  /** Anonymizes one trace and counts in {@code counter} what the redactor replaced in the kept lines. */
  public AnonymizedTrace anonymize(String trace, RedactionCounter counter) {
    List<String> kept = new ArrayList<>();
    List<String> normalized = new ArrayList<>();
    for (String line : trace.split("\r?\n")) {
      if (FRAME.matcher(line).matches()) {
        String frame = canonicalFrame(line);
        if (frame != null) {
          kept.add(redactor.redact(frame, counter));
          normalized.add(normalizeFrame(frame.strip()));
        }
        continue;
      }
      if (ELLIPSIS.matcher(line).matches()) {
        kept.add(line.stripTrailing());
        continue;
      }
      Matcher m = HEAD.matcher(line);
      if (m.matches() && isExceptionType(m.group(3))) {
        String prefix = m.group(2) == null ? "" : m.group(2).startsWith("Exception in thread") ? "Exception in thread " : m.group(2);
        String indent = m.group(1).replaceAll("[^\t ]", "");
        kept.add(redactor.redact(indent.substring(0, Math.min(16, indent.length())) + prefix + m.group(3), counter));
        normalized.add(prefix.strip() + m.group(3));
      }
    }
    return new AnonymizedTrace(String.join("\n", kept), fingerprint(normalized));
  }

  /** Anonymizes a throwable's printed trace. */
  public AnonymizedTrace anonymize(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return anonymize(w.toString());
  }

  /**
   * A frame as {@code at class.method(File.java:12)}: what follows the closing parenthesis (logback's
   * {@code ~[app.jar:1.0]}) goes, an unusual location becomes {@code Unknown Source}; null when the line is not a
   * frame at all (a message line that happens to start with "at").
   */
  private static String canonicalFrame(String line) {
    Matcher m = FRAME_PARTS.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String location = LOCATION.matcher(m.group(3)).matches() ? m.group(3) : "Unknown Source";
    return m.group(1) + "at " + m.group(2) + "(" + location + ")";
  }

  private static boolean isExceptionType(String type) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return type.contains(".") || simple.endsWith("Exception") || simple.endsWith("Error") || simple.equals("Throwable");
  }

  private static String normalizeFrame(String frame) {
    String f = LINE_NUMBER.matcher(frame).replaceAll(")");
    return GENERATED.matcher(f).replaceAll("$1");
  }

  private static String fingerprint(List<String> lines) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String l : lines) {
        sha.update(l.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
