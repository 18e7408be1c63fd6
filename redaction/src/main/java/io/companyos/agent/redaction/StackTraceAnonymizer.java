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
   * Header lines ({@code [Caused by: ]type: message}) by their part up to the class ({@link #headKey}), with what they
   * became, when the redactor changed nothing in them: every event of a code path has the same headers with different
   * messages, and a header costs a regular expression and a pass of the redactor. Bounded like {@link #frames}.
   */
  private final Map<String, Frame> heads = new ConcurrentHashMap<>();
  static final int HEAD_CACHE_MAX = 1024;
  /** Longest class name (with indentation and prefix, about 300 characters at most) a header is remembered under. */
  static final int HEAD_KEY_MAX_TYPE = 256;
  private static final Pattern NOT_BLANK = Pattern.compile("[^\t ]");

  /**
   * Runs of frame lines seen before (see {@link #block}), indexed by their first line (without a {@code \r}); a hit
   * compares the whole run's exact text with the trace in place. Bounded like {@link #frames}: by count and characters.
   */
  private final Map<String, Block[]> blocks = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong blockChars = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger blockCount = new java.util.concurrent.atomic.AtomicInteger();
  static final int BLOCK_CACHE_MAX = 1024;
  static final long BLOCK_CACHE_MAX_CHARS = 1L << 20;
  static final int BLOCK_MAX_CHARS = 16_384;
  /** Blocks remembered under one first line (code paths that share their innermost frame). */
  static final int BLOCKS_PER_FIRST_LINE = 4;

  /**
   * @param latin1 the text's ISO-8859-1 bytes when every character is one and none is {@code ?} (which is what the
   *     encoding puts for any other character), else null; then equal bytes mean equal text
   */
  private record Block(String text, byte[] latin1, List<String> kept, List<String> normalized) {}

  /**
   * Whole anonymized traces by their kept and normalized lines: the same code path gives the same lines, and the
   * joined text, its line count and its fingerprint are then the ones computed before (one {@link String} shared by
   * every event of the path, which the rest of the chain also sees as the same instance). Bounded by count and
   * characters (the text's; the key's lists hold about as many again, mostly shared with {@link #blocks}).
   */
  private final Map<TraceKey, AnonymizedTrace> traces = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong traceChars = new java.util.concurrent.atomic.AtomicLong();
  static final int TRACE_CACHE_MAX = 1024;
  static final long TRACE_CACHE_MAX_CHARS = 1L << 19;

  private record TraceKey(List<String> kept, List<String> normalized) {}

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
   * @param lines how many lines {@code text} has (0 when it is empty)
   */
  public record AnonymizedTrace(String text, String fingerprint, int lines) {
    /** With the lines of {@code text} counted. */
    public AnonymizedTrace(String text, String fingerprint) {
      this(text, fingerprint, text.isEmpty() ? 0 : (int) text.chars().filter(c -> c == '\n').count() + 1);
    }
  }

  /** Anonymizes one trace as printed by {@link Throwable#printStackTrace()}. */
  public AnonymizedTrace anonymize(String trace) {
    return anonymize(trace, new RedactionCounter());
  }

  /** Anonymizes one trace and counts in {@code counter} what the redactor replaced in the kept lines. */
  public AnonymizedTrace anonymize(String trace, RedactionCounter counter) {
    // room for a typical trace's lines up front (trimmed before the lists are kept as a memory's key)
    ArrayList<String> kept = new ArrayList<>(64);
    ArrayList<String> normalized = new ArrayList<>(64);
    int n = trace.length();
    // the end of the last non-empty line: trailing empty lines (also "\r\n" ones) are not lines of the trace
    int end = n;
    while (end > 0 && trace.charAt(end - 1) == '\n') {
      int lineStart = trace.lastIndexOf('\n', end - 2) + 1;
      int lineEnd = end - 1 > lineStart && trace.charAt(end - 2) == '\r' ? end - 2 : end - 1;
      if (lineEnd > lineStart) {
        break;
      }
      end = lineStart;
    }
    byte[][] traceLatin1 = new byte[1][];
    int start = 0;
    while (start < end) {
      int nl = trace.indexOf('\n', start);
      int lineEnd = nl < 0 || nl > end ? end : nl;
      if (isBlockLine(trace, start, lineEnd)) {
        int known = knownBlock(trace, traceLatin1, start, lineEnd, end, kept, normalized);
        if (known >= 0) {
          start = known;
          continue;
        }
        // a run of frame and "... N more" lines: looked up as one block, since a code path repeats it verbatim
        int blockEnd = cutEnd(trace, start, lineEnd, nl);
        int next = nl < 0 || nl >= end ? end + 1 : nl + 1;
        while (next < end) {
          int nl2 = trace.indexOf('\n', next);
          int e2 = nl2 < 0 || nl2 > end ? end : nl2;
          if (!isBlockLine(trace, next, e2)) {
            break;
          }
          blockEnd = cutEnd(trace, next, e2, nl2);
          next = nl2 < 0 || nl2 >= end ? end + 1 : nl2 + 1;
        }
        block(trace.substring(start, blockEnd), kept, normalized, counter);
        start = next;
        continue;
      }
      int lineCut = cutEnd(trace, start, lineEnd, nl);
      if (!passedOver(trace, start, lineCut) && !knownHead(trace, start, lineCut, kept, normalized)) {
        line(trace.substring(start, lineCut), kept, normalized, counter);
      }
      start = nl < 0 || nl >= end ? end + 1 : nl + 1;
    }
    TraceKey key = new TraceKey(kept, normalized);
    AnonymizedTrace known = traces.get(key);
    if (known != null) {
      return known;
    }
    kept.trimToSize();
    normalized.trimToSize();
    String fingerprint = fingerprints.get(normalized);
    if (fingerprint == null) {
      fingerprint = fingerprint(normalized);
      if (fingerprints.size() >= FINGERPRINT_CACHE_MAX) {
        fingerprints.clear();
      }
      fingerprints.put(normalized, fingerprint);
    }
    AnonymizedTrace result = new AnonymizedTrace(String.join("\n", kept), fingerprint, kept.size());
    rememberTrace(key, result);
    return result;
  }

  private void rememberTrace(TraceKey key, AnonymizedTrace result) {
    long chars = result.text().length();
    if (chars > BLOCK_MAX_CHARS) {
      return;
    }
    if (traces.size() >= TRACE_CACHE_MAX || traceChars.addAndGet(chars) > TRACE_CACHE_MAX_CHARS) {
      traces.clear();
      traceChars.set(chars);
    }
    traces.put(key, result);
  }

  /**
   * A remembered block that stands in {@code trace} at {@code start} (whose first line ends at {@code lineEnd}): its
   * lines are added and the start of the line after it is returned; -1 when none does. A block is taken only when
   * the trace has exactly its text there and a line ends right after it, so every line it covers is cut exactly as
   * line-by-line reading would cut it, and gives the same result.
   */
  private int knownBlock(String trace, byte[][] traceLatin1, int start, int lineEnd, int end, List<String> kept,
      List<String> normalized) {
    int keyEnd = lineEnd > start && trace.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
    Block[] candidates = blocks.get(trace.substring(start, keyEnd));
    if (candidates == null) {
      return -1;
    }
    for (Block b : candidates) {
      String text = b.text();
      int p = start + text.length();
      if (p > end) {
        continue;
      }
      if (b.latin1() != null) {
        // the trace's ISO-8859-1 bytes, made once per trace: an array comparison runs 8 bytes a step, where
        // regionMatches compares character by character (under C1, the daemon's JIT, the cost of the whole look-up)
        if (traceLatin1[0] == null) {
          traceLatin1[0] = trace.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        // (a surrogate pair becomes one byte: then byte and character positions differ, and the characters are compared)
        if (traceLatin1[0].length == trace.length()
            ? !java.util.Arrays.equals(traceLatin1[0], start, p, b.latin1(), 0, b.latin1().length)
            : !trace.regionMatches(start, text, 0, text.length())) {
          continue;
        }
      } else if (!trace.regionMatches(start, text, 0, text.length())) {
        continue;
      }
      int next;
      if (p == end) {
        next = end + 1;
      } else if (trace.charAt(p) == '\n') {
        next = p + 1;
      } else if (trace.charAt(p) == '\r' && p + 1 < end && trace.charAt(p + 1) == '\n') {
        next = p + 2;
      } else {
        continue;
      }
      addAll(kept, b.kept());
      addAll(normalized, b.normalized());
      return next;
    }
    return -1;
  }

  /** {@code from}'s elements added one by one ({@link List#addAll} copies an immutable list to an array first). */
  private static void addAll(List<String> to, List<String> from) {
    for (int i = 0; i < from.size(); i++) {
      to.add(from.get(i));
    }
  }

  /**
   * Whether {@link #line} would keep nothing of {@code trace[start, end)} without looking further: after its blanks
   * (as {@link #afterSpaces} skips them) it ends, or comes a character that starts neither a header
   * ({@link #mayBeHead}), nor a frame ({@code at }), nor an ellipsis ({@code ... }) — a log line that starts with its
   * time, for instance. Such a line is then not cut out of the trace at all.
   */
  private static boolean passedOver(String trace, int start, int end) {
    int i = start;
    while (i < end) {
      char c = trace.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
        return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c == '.');
      }
      i++;
    }
    return true;
  }

  /**
   * When {@code trace[start, end)} is a header line remembered by its {@link #headKey}, adds what it became and
   * returns true, as {@link #line} would for the line, without cutting the whole line (with its message) out of the
   * trace first; false otherwise ({@link #line} then decides).
   */
  private boolean knownHead(String trace, int start, int end, List<String> kept, List<String> normalized) {
    int keyEnd = headKeyEnd(trace, start, end);
    if (keyEnd < 0) {
      return false;
    }
    Frame head = heads.get(trace.substring(start, keyEnd));
    if (head == null) {
      return false;
    }
    kept.add(head.kept());
    normalized.add(head.normalized());
    return true;
  }

  /** The line from {@code start} to {@code end}, without the {@code \r} of a {@code \r\n} ending. */
  private static String cut(String trace, int start, int end, int nl) {
    return trace.substring(start, cutEnd(trace, start, end, nl));
  }

  private static int cutEnd(String trace, int start, int end, int nl) {
    return end > start && end == nl && trace.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  /** Whether a line is a frame candidate or an ellipsis: blanks, then {@code at } or {@code ... }. */
  private static boolean isBlockLine(String trace, int start, int end) {
    int i = start;
    while (i < end && (trace.charAt(i) == '\t' || trace.charAt(i) == ' ')) {
      i++;
    }
    return trace.startsWith("at ", i) && i + 3 <= end || trace.startsWith("... ", i) && i + 4 <= end;
  }

  /**
   * A block of frame and ellipsis lines (as they stand in the trace, {@code \r\n} included): remembered whole when
   * the redactor changed nothing in it, so a repeat costs one hash look-up instead of one per line. Otherwise line by
   * line, exactly as {@link #line} does.
   */
  private void block(String text, List<String> kept, List<String> normalized, RedactionCounter counter) {
    int keptFrom = kept.size();
    int normalizedFrom = normalized.size();
    long before = counter.total();
    boolean unchanged = true;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? n : nl;
      unchanged &= line(cut(text, start, end, nl), kept, normalized, counter);
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    // not a run that ends in "\r": found again before a "\n", its last line would be read without that "\r"
    if (unchanged && counter.total() == before && text.length() <= BLOCK_MAX_CHARS && !text.endsWith("\r")) {
      rememberBlock(new Block(text, latin1(text), List.copyOf(kept.subList(keptFrom, kept.size())),
          List.copyOf(normalized.subList(normalizedFrom, normalized.size()))));
    }
  }

  /**
   * Anonymizes one line into {@code kept} and {@code normalized}; true when the result is a pure function of the line
   * (the redactor changed nothing), i.e. may be remembered.
   */
  private boolean line(String line, List<String> kept, List<String> normalized, RedactionCounter counter) {
    // what follows the leading blanks decides which patterns can match at all (see mayBe*): a log line or a header
    // with its message is then neither hashed for the frame memory nor run through the frame and ellipsis patterns
    int text = afterSpaces(line);
    if (mayBeFrame(line, text)) {
      Frame known = frames.get(line);
      if (known != null) {
        kept.add(known.kept());
        normalized.add(known.normalized());
        return true;
      }
    }
    if (mayBeFrame(line, text) && FRAME.matcher(line).matches()) {
      String frame = canonicalFrame(line);
      if (frame != null) {
        long before = counter.total();
        String redacted = redactor.redact(frame, counter);
        String norm = normalizeFrame(frame.strip());
        kept.add(redacted);
        normalized.add(norm);
        if (counter.total() == before && redacted.equals(frame)) {
          remember(line, new Frame(redacted, norm));
          return true;
        }
        return false;
      }
      return true;
    }
    if (mayBeEllipsis(line, text) && ELLIPSIS.matcher(line).matches()) {
      kept.add(line.stripTrailing());
      return true;
    }
    if (!mayBeHead(line, text)) {
      return true;
    }
    String headKey = headKey(line);
    if (headKey != null) {
      Frame head = heads.get(headKey);
      if (head != null) {
        kept.add(head.kept());
        normalized.add(head.normalized());
        return false;
      }
    }
    Matcher m = HEAD.matcher(line);
    if (m.lookingAt() && isExceptionType(m.group(3))) {
      String prefix = m.group(2) == null ? "" : m.group(2).startsWith("Exception in thread") ? "Exception in thread " : m.group(2);
      String indent = NOT_BLANK.matcher(m.group(1)).replaceAll("");
      String head = indent.substring(0, Math.min(16, indent.length())) + prefix + m.group(3);
      long before = counter.total();
      String redacted = redactor.redact(head, counter);
      String norm = prefix.strip() + m.group(3);
      kept.add(redacted);
      normalized.add(norm);
      if (headKey != null && m.end() == headKey.length() && counter.total() == before && redacted.equals(head)) {
        rememberHead(headKey, new Frame(redacted, norm));
      }
      return false;
    }
    return true;
  }

  /** Where the leading run of what {@code \s} matches in the patterns here ({@code [ \t\n\x0B\f\r]}) ends. */
  static int afterSpaces(String line) {
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /** False only when {@link #FRAME} cannot match: it needs {@code at } right after the leading blanks. */
  static boolean mayBeFrame(String line, int afterSpaces) {
    return line.startsWith("at ", afterSpaces);
  }

  /** False only when {@link #ELLIPSIS} cannot match: it needs {@code ... } right after the leading blanks. */
  static boolean mayBeEllipsis(String line, int afterSpaces) {
    return line.startsWith("... ", afterSpaces);
  }

  /**
   * False only when {@link #HEAD} cannot match: after its blanks come a prefix ({@code Caused by: },
   * {@code Suppressed: }, {@code Exception in thread}) or a type, each starting with {@code [A-Za-z_$]}; with fewer
   * blanks matched, a blank would have to start them.
   */
  static boolean mayBeHead(String line, int afterSpaces) {
    if (afterSpaces >= line.length()) {
      return false;
    }
    char c = line.charAt(afterSpaces);
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
  }

  /** The patterns the {@code mayBe*} checks stand before (for their test). */
  static boolean frameMatches(String line) {
    return FRAME.matcher(line).matches();
  }

  static boolean ellipsisMatches(String line) {
    return ELLIPSIS.matcher(line).matches();
  }

  static boolean headMatches(String line) {
    return HEAD.matcher(line).lookingAt();
  }

  /**
   * A header line's part up to the end of its exception class — blanks and tabs, an optional {@code Caused by: } or
   * {@code Suppressed: }, then class-name characters followed by {@code :} or the line's end — or null when the line
   * does not have that shape. {@link #HEAD}'s result depends on nothing else of such a line (the message after the
   * {@code :} is dropped), so a header is remembered by this part. Lines of other shapes take the regular expression.
   */
  static String headKey(String line) {
    int keyEnd = headKeyEnd(line, 0, line.length());
    return keyEnd < 0 ? null : line.substring(0, keyEnd);
  }

  /** Where the {@link #headKey} of the line {@code text[start, n)} ends in {@code text}, or -1 when it has none. */
  private static int headKeyEnd(String text, int start, int n) {
    int i = start;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (startsWithin(text, "Caused by: ", i, n)) {
      i += 11;
    } else if (startsWithin(text, "Suppressed: ", i, n)) {
      i += 12;
    }
    int typeStart = i;
    while (i < n && i - typeStart < HEAD_KEY_MAX_TYPE) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '$')) {
        break;
      }
      i++;
    }
    if (i == typeStart || i - typeStart >= HEAD_KEY_MAX_TYPE || i < n && text.charAt(i) != ':') {
      return -1;
    }
    return i;
  }

  /** Whether {@code prefix} stands in {@code text} at {@code at} and ends by {@code end}. */
  private static boolean startsWithin(String text, String prefix, int at, int end) {
    return at + prefix.length() <= end && text.startsWith(prefix, at);
  }

  private void rememberHead(String key, Frame head) {
    if (heads.size() >= HEAD_CACHE_MAX) {
      heads.clear();
    }
    heads.put(key, head);
  }

  /** How many header lines are remembered (for tests of the bound). */
  int rememberedHeads() {
    return heads.size();
  }

  private void remember(String line, Frame frame) {
    if (frames.size() >= FRAME_CACHE_MAX) {
      frames.clear();
    }
    frames.put(line, frame);
  }

  private void rememberBlock(Block block) {
    String text = block.text();
    int firstEnd = text.indexOf('\n');
    firstEnd = firstEnd < 0 ? text.length() : firstEnd;
    if (firstEnd > 0 && text.charAt(firstEnd - 1) == '\r') {
      firstEnd--;
    }
    String first = text.substring(0, firstEnd);
    // counted as added (a block pushed out of a full first line's list is still counted until the next start-over)
    if (blockCount.incrementAndGet() > BLOCK_CACHE_MAX
        || blockChars.addAndGet(text.length()) > BLOCK_CACHE_MAX_CHARS) {
      blocks.clear();
      blockCount.set(1);
      blockChars.set(text.length());
    }
    blocks.compute(first, (k, old) -> {
      if (old == null) {
        return new Block[] {block};
      }
      Block[] more = new Block[Math.min(BLOCKS_PER_FIRST_LINE, old.length + 1)];
      more[0] = block; // the newest first; the oldest goes when there are already as many as allowed
      System.arraycopy(old, 0, more, 1, more.length - 1);
      return more;
    });
  }

  /** {@code text} as ISO-8859-1 bytes when that encoding is exact and has no {@code ?}; else null. */
  private static byte[] latin1(String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '?' || text.charAt(i) > 0xff) {
        return null;
      }
    }
    return b;
  }

  /** How many blocks and how many of their characters are remembered (for tests of the bound). */
  int rememberedBlocks() {
    return blocks.values().stream().mapToInt(b -> b.length).sum();
  }

  long rememberedBlockChars() {
    return blocks.values().stream().flatMap(java.util.Arrays::stream).mapToLong(b -> b.text().length()).sum();
  }

  /** How many whole traces and how many of their characters are remembered (for tests of the bound). */
  int rememberedTraces() {
    return traces.size();
  }

  long rememberedTraceChars() {
    return traces.values().stream().mapToLong(t -> t.text().length()).sum();
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
