package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.CustomRule;
import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.InvalidRuleException;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.RevealLog;
import io.companyos.agent.redaction.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled catalog: scanner, custom rules and token factory. Built once, immutable, thread-safe; every
 * call or stream gets its own {@link Scan}. Used by {@link io.companyos.agent.redaction.Redactor} only.
 */
public final class RedactionEngine {
  private final CatalogScanner scanner;
  private final CustomRuleSet rules;
  private final TokenFactory tokens;
  /** {@code values()} copies the array at every call; emit looks a type up per match. */
  private static final DetectorType[] TYPES = DetectorType.values();
  private final int builtInCount = TYPES.length;

  /**
   * Compiles the catalog.
   *
   * @throws InvalidRuleException if a custom rule does not compile or reuses a detector label
   */
  public RedactionEngine(
      List<String> customerDomains,
      List<String> keywords,
      List<CustomRule> customRules,
      Map<DetectorType, Strategy> strategies,
      PseudonymKey key,
      RevealLog revealLog) {
    DetectorType[] types = DetectorType.values();
    boolean[] enabled = new boolean[types.length];
    List<String> labels = new ArrayList<>();
    List<Strategy> kindStrategies = new ArrayList<>();
    for (DetectorType t : types) {
      Strategy st = strategies.getOrDefault(t, Strategy.PSEUDONYM);
      enabled[t.ordinal()] = st != Strategy.OFF;
      labels.add(t.label());
      kindStrategies.add(st);
    }
    for (CustomRule r : customRules) {
      if (labels.contains(r.name())) {
        throw new InvalidRuleException(r.name(), "name is already used by a rule or a built-in detector");
      }
      labels.add(r.name());
      kindStrategies.add(Strategy.PSEUDONYM);
    }
    this.rules = new CustomRuleSet(customRules, types.length);
    this.scanner = new CatalogScanner(TriggerCatalog.build(customerDomains, keywords), enabled, labels);
    this.tokens = new TokenFactory(labels.toArray(new String[0]), kindStrategies.toArray(new Strategy[0]), key,
        revealLog);
  }

  /** A stream that redacts what is written to it into {@code out}; close it to write the rest. */
  public OutputStream newStream(OutputStream out, RedactionCounter counter) {
    return new RedactingOutputStream(this, out, counter);
  }

  /**
   * Copies {@code in} to {@code out}, redacted, reading straight into the stream's window, and closes {@code out}.
   *
   * @param outBuffers whether {@code out} gathers small writes itself: the text between replacements then goes to it
   *     directly, one copy of every byte fewer
   */
  public void redact(java.io.InputStream in, OutputStream out, RedactionCounter counter, boolean outBuffers)
      throws IOException {
    RedactingOutputStream r = new RedactingOutputStream(this, out, counter, RedactingOutputStream.WINDOW, outBuffers);
    r.readFrom(in);
    r.close();
  }

  /**
   * The byte every input is scanned after and never written: the input's first line is a line like any other, for
   * the patterns that hold the newline before a line's first word ({@code \nuser } of a Redis ACL file,
   * {@code \nuid: } of LDIF, {@code \npassword } of Elasticsearch's setup tool).
   */
  static final byte LINE_BEFORE = '\n';

  /** Redacts a complete input held in memory; returns {@code in} itself when nothing was found. */
  public byte[] redact(byte[] in, RedactionCounter counter) {
    byte[] b = new byte[in.length + 1];
    b[0] = LINE_BEFORE;
    System.arraycopy(in, 0, b, 1, in.length);
    Scan s = scanner.newScan(b);
    s.emitFrom = 1;
    find(s, 0, b.length, b.length);
    if (s.matches.size() == 0) {
      return in;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
    try {
      emit(s, 1, b.length, out, counter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The replacement of a whole value found by its key in a structured document, counted as {@code type};
   * the value itself when that detector is off.
   */
  public String token(DetectorType type, String value, RedactionCounter counter) {
    if (!scanner.enabled(type)) {
      return value;
    }
    byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    counter.increment(type);
    return new String(tokens.replacement(type.ordinal(), v, 0, v.length), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** See {@link io.companyos.agent.redaction.Redactor#mayContinueTable}. */
  public static boolean mayContinueTable(byte[] b, int prevStart, int lineStart, int lineEnd) {
    return TableDetector.mayContinue(b, prevStart, lineStart, lineEnd);
  }

  Scan newScan() {
    return scanner.newScan();
  }

  /**
   * Finds built-in matches for candidates in {@code [from, scanLimit)} and, once the committed end is
   * known, custom-rule matches; see {@link #findRules}.
   */
  void find(Scan s, int from, int scanLimit, int committedEnd) {
    s.matches.clear();
    scanner.scan(s, from, scanLimit);
    findRules(s, committedEnd);
  }

  void scanOnly(Scan s, int from, int scanLimit) {
    s.matches.clear();
    scanner.scan(s, from, scanLimit);
  }

  void findRules(Scan s, int committedEnd) {
    if (!rules.isEmpty()) {
      rules.find(s.b, s.emitFrom, committedEnd, s.matches);
    }
  }

  /** Writes {@code b[from, to)} with every match replaced, and counts the matches. */
  void emit(Scan s, int from, int to, OutputStream out, RedactionCounter counter) throws IOException {
    byte[] b = s.b;
    int pos = from;
    MatchList m = s.matches;
    int n = m.size();
    long[] hashes = s.hashes(n);
    RecentTokens recent = tokens.prepare(b, m, n, hashes);
    for (int k = 0; k < n; k++) {
      int st = Math.max(m.start(k), pos);
      int en = m.end(k);
      if (st >= to) {
        break;
      }
      out.write(b, pos, st - pos);
      int kind = m.kind(k);
      byte[] repl = null;
      if (kind >= builtInCount) {
        repl = rules.replacement(kind - builtInCount, b, m.start(k), en);
        counter.incrementRule(tokens.label(kind));
      } else {
        counter.increment(TYPES[kind]);
      }
      if (repl == null) {
        tokens.writeReplacement(kind, b, m.start(k), en, hashes[k], recent, out);
      } else {
        out.write(repl);
      }
      pos = en;
    }
    if (pos < to) {
      out.write(b, pos, to - pos);
    }
  }
}
