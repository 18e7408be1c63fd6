package io.companyos.agent.redaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
  /**
   * A trace header: the type, then a message after {@code :} or nothing. Used with {@code lookingAt()}: the lookahead
   * accepts exactly what {@code (?::.*)?$} did with {@code matches()} (a type character is never {@code :}, so a
   * shorter type cannot be followed by one), without walking the message character by character.
   */
  private static final Pattern HEAD =
      Pattern.compile("^(\\s*)(Caused by: |Suppressed: |Exception in thread \"[^\"]*\" )?(" + TYPE.pattern()
          + ")(?=:|$)");
  private static final Pattern FRAME = Pattern.compile("^\\s*at \\S.*$");
  /** A frame's parts: indentation, {@code class.method} (with module or loader prefix), location in parentheses. */
  private static final Pattern FRAME_PARTS =
      Pattern.compile("^([\\t ]{0,16})[\\t ]*at ([A-Za-z0-9_$./@+<>-]{1,512})\\(([^()]{0,200})\\).*$");
  private static final Pattern LOCATION = Pattern.compile("Native Method|Unknown Source|[A-Za-z0-9_$.<>-]{1,128}(?::\\d{1,7})?");
  private static final Pattern ELLIPSIS = Pattern.compile("^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)\\s*$");
  private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+\\)");
  private static final Pattern GENERATED = Pattern.compile("(GeneratedMethodAccessor|\\$\\$Lambda\\$?|Proxy)\\d+(/0x[0-9a-f]+)?");

  /** Distinct frame lines remembered; past it the memory starts over (about 1 MiB of heap at most). */
  static final int FRAME_CACHE_MAX = 2048;
  /** Distinct code paths whose fingerprint is remembered (each entry shares its lines with the frame cache). */
  static final int FINGERPRINT_CACHE_MAX = 1024;

  private final Redactor redactor;
  /**
   * Frame lines seen before, with what they became. A log storm repeats the same few hundred frames with different
   * messages, and a frame costs several regular expressions plus a pass of the redactor: a hit costs one hash look-up.
   * Only frames the redactor left unchanged are kept, so a hit has nothing to count and the cache never holds a frame
   * with something redactable in it. Process memory only, never written anywhere.
   */
  private final Map<String, Frame> frames = new ConcurrentHashMap<>();

  private record Frame(String kept, String normalized) {}

  /**
   * Fingerprints by their normalized lines: the same code path gives the same lines (messages are gone), and under
   * the daemon's C1-only JIT SHA-256 over a 40-frame trace costs more than everything else here together. The
   * normalized frames mostly come from {@link #frames}, so a key's hash and equality are cheap.
   */
  private final Map<List<String>, String> fingerprints = new ConcurrentHashMap<>();

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
    for (String line : lines(trace)) {
      Frame known = frames.get(line);
      if (known != null) {
        kept.add(known.kept());
        normalized.add(known.normalized());
        continue;
      }
      if (FRAME.matcher(line).matches()) {
        String frame = canonicalFrame(line);
        if (frame != null) {
          long before = counter.total();
          String redacted = redactor.redact(frame, counter);
          String norm = normalizeFrame(frame.strip());
          kept.add(redacted);
          normalized.add(norm);
          if (counter.total() == before && redacted.equals(frame)) {
            remember(line, new Frame(redacted, norm));
          }
        }
        continue;
      }
      if (ELLIPSIS.matcher(line).matches()) {
        kept.add(line.stripTrailing());
        continue;
      }
      Matcher m = HEAD.matcher(line);
      if (m.lookingAt() && isExceptionType(m.group(3))) {
        String prefix = m.group(2) == null ? "" : m.group(2).startsWith("Exception in thread") ? "Exception in thread " : m.group(2);
        String indent = m.group(1).replaceAll("[^\t ]", "");
        kept.add(redactor.redact(indent.substring(0, Math.min(16, indent.length())) + prefix + m.group(3), counter));
        normalized.add(prefix.strip() + m.group(3));
      }
    }
    String fingerprint = fingerprints.get(normalized);
    if (fingerprint == null) {
      fingerprint = fingerprint(normalized);
      if (fingerprints.size() >= FINGERPRINT_CACHE_MAX) {
        fingerprints.clear();
      }
      fingerprints.put(normalized, fingerprint);
    }
    return new AnonymizedTrace(String.join("\n", kept), fingerprint);
  }

  private void remember(String line, Frame frame) {
    if (frames.size() >= FRAME_CACHE_MAX) {
      frames.clear();
    }
    frames.put(line, frame);
  }

  /** The lines of {@code text} split at {@code \n} or {@code \r\n} (what {@code split("\r?\n")} gives, without a regex). */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      int cut = end > start && text.charAt(end - 1) == '\r' && nl >= 0 ? end - 1 : end;
      out.add(text.substring(start, cut));
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
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
