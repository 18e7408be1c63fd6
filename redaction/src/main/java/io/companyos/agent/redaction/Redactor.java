package io.companyos.agent.redaction;

import io.companyos.agent.redaction.detect.RedactionEngine;
import io.companyos.agent.redaction.structured.StructuredRedaction;
import io.companyos.agent.redaction.structured.ValueRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns text and structured data into safe text: every value found by the detector catalog, the configured
 * keywords and customer domains, and the custom rules is replaced by a keyed pseudonym token
 * ({@code <email:5f2c9a1e>}) or a mask ({@code <email>}).
 *
 * <p>Built once with {@link #builder()}, then immutable and thread-safe, with no static mutable state. The
 * engine works on UTF-8 bytes in one pass; the streaming entry points use bounded memory whatever the input
 * (a 50 MB line included).
 *
 * <p>Fail closed: when a method throws, the output it was writing is incomplete and the source must be
 * withheld; bytes already written are redacted ones, never raw input.
 */
public final class Redactor {
  private final RedactionEngine engine;
  private final StructuredRedaction structured;
  private final Builder settings;

  private Redactor(Builder b) {
    this.settings = b.copy();
    PseudonymKey key = b.key != null ? b.key : PseudonymKey.random();
    this.engine = new RedactionEngine(b.customerDomains, b.keywords, b.rules, b.strategies, key, b.revealLog);
    this.structured = new StructuredRedaction(new ValueRedactor() {
      @Override
      public String text(String text, RedactionCounter counter) {
        return redact(text, counter);
      }

      @Override
      public String keyed(DetectorType type, String value, RedactionCounter counter) {
        return engine.token(type, value, counter);
      }
    });
  }

  /** A builder with the full default catalog, every detector on {@link Strategy#PSEUDONYM}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this redactor's settings. */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** Redacts one string; returns the same instance when nothing was found. */
  public String redact(String text) {
    return redact(text, new RedactionCounter());
  }

  /** Redacts one string and counts what was replaced. */
  public String redact(String text, RedactionCounter counter) {
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = engine.redact(in, counter);
    return out == in ? text : new String(out, StandardCharsets.UTF_8);
  }

  /**
   * Copies {@code in} to {@code out}, redacted, in bounded memory. Neither stream is closed.
   *
   * @throws IOException if reading or writing fails
   * @throws RedactionException if redaction itself fails (the source must be withheld)
   */
  public void redact(InputStream in, OutputStream out, RedactionCounter counter) throws IOException {
    engine.redact(in, new NonClosing(out), counter, false);
    out.flush();
  }

  /**
   * {@link #redact(InputStream, OutputStream, RedactionCounter)} into an {@code out} that gathers small writes itself
   * (a {@link java.io.BufferedOutputStream}, {@code agent redact}'s write-behind): the text between replacements goes
   * to it directly, in pieces of any size, without a copy through a buffer of the redactor's (one 256 MiB log: ~2 % of
   * the redacting thread). Neither stream is closed.
   *
   * @throws IOException if reading or writing fails
   * @throws RedactionException if redaction itself fails (the source must be withheld)
   */
  public void redactToBuffered(InputStream in, OutputStream out, RedactionCounter counter) throws IOException {
    engine.redact(in, new NonClosing(out), counter, true);
    out.flush();
  }

  /**
   * Copies {@code in} to {@code out}, redacted, in bounded memory; characters go through UTF-8. Neither is
   * closed.
   *
   * @throws IOException if reading or writing fails
   * @throws RedactionException if redaction itself fails (the source must be withheld)
   */
  public void redact(Reader in, Writer out, RedactionCounter counter) throws IOException {
    Utf8Bridge.copy(in, out, sink -> newRedactingStream(sink, counter));
  }

  /**
   * A stream that redacts what is written to it into {@code out}. Closing it writes the rest and closes
   * {@code out}; {@code flush()} only flushes what is already committed.
   */
  public OutputStream newRedactingStream(OutputStream out, RedactionCounter counter) {
    return engine.newStream(Objects.requireNonNull(out, "out"), Objects.requireNonNull(counter, "counter"));
  }

  /**
   * Whether a table may go on from the line {@code b[prevStart, lineStart)} to the line {@code b[lineStart,
   * lineEnd)}: for a caller that cuts a source into pieces to redact apart. A table's header types the columns of
   * every row under it (a CSV export's {@code password} column), so a piece that starts inside a table would be
   * redacted without it; where this says no, no table the redactor reads runs on across the cut.
   */
  public static boolean mayContinueTable(byte[] b, int prevStart, int lineStart, int lineEnd) {
    return io.companyos.agent.redaction.detect.RedactionEngine.mayContinueTable(b, prevStart, lineStart, lineEnd);
  }

  /**
   * Redacts a structured document by key and by value, keeping it valid in its format (a JSON document
   * stays parseable). Comments in YAML are not kept.
   *
   * @throws IOException if reading or writing fails
   * @throws RedactionException if the document cannot be parsed (the source must be withheld)
   */
  public void redactStructured(StructuredFormat format, Reader in, Writer out, RedactionCounter counter)
      throws IOException {
    structured.redact(format, in, out, counter);
  }

  /** {@link #redactStructured(StructuredFormat, Reader, Writer, RedactionCounter)} for a string. */
  public String redactStructured(StructuredFormat format, String document, RedactionCounter counter) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      structured.redact(format, new java.io.StringReader(document), w, counter);
    } catch (IOException e) {
      throw new RedactionException("structured redaction failed", e);
    }
    return w.toString();
  }

  /** Options of a {@link Redactor}. */
  public static final class Builder {
    private final List<String> customerDomains = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private final List<CustomRule> rules = new ArrayList<>();
    private final Map<DetectorType, Strategy> strategies = new EnumMap<>(DetectorType.class);
    private PseudonymKey key;
    private RevealLog revealLog;

    private Builder() {}

    /**
     * Domains whose names (and sub-domains) are customer host names, such as {@code acme.com}. Default:
     * none (the internal suffixes {@code .internal}, {@code .local}, … are always covered).
     */
    public Builder customerDomains(List<String> domains) {
      Objects.requireNonNull(domains, "domains").forEach(d -> Objects.requireNonNull(d, "domain"));
      customerDomains.clear();
      customerDomains.addAll(domains);
      return this;
    }

    /**
     * Words redacted wherever they occur, case-insensitively (non-ASCII letters too, each in the spellings of its
     * simple case mappings: {@code Müller} as {@code MÜLLER}, {@code İstanbul} as {@code ISTANBUL}), such as customer
     * and project code names. Default: none.
     */
    public Builder keywords(List<String> words) {
      Objects.requireNonNull(words, "words").forEach(w -> Objects.requireNonNull(w, "keyword"));
      keywords.clear();
      keywords.addAll(words);
      return this;
    }

    /** Adds custom rules (compiled with RE2/J at {@link #build()}). Default: none. */
    public Builder rules(List<CustomRule> custom) {
      Objects.requireNonNull(custom, "rules").forEach(r -> Objects.requireNonNull(r, "rule"));
      rules.addAll(custom);
      return this;
    }

    /** Sets one detector's strategy. Default: {@link Strategy#PSEUDONYM} for every detector. */
    public Builder strategy(DetectorType type, Strategy strategy) {
      strategies.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(strategy, "strategy"));
      return this;
    }

    /** The installation's pseudonym key. Default: a random key that lives as long as the redactor. */
    public Builder pseudonymKey(PseudonymKey pseudonymKey) {
      this.key = Objects.requireNonNull(pseudonymKey, "pseudonymKey");
      return this;
    }

    /** Where new pseudonyms are remembered for {@code --reveal}. Default: nowhere. */
    public Builder revealLog(RevealLog log) {
      this.revealLog = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Compiles the catalog.
     *
     * @throws InvalidRuleException naming the custom rule whose pattern does not compile
     */
    public Redactor build() {
      return new Redactor(this);
    }

    Builder copy() {
      Builder b = new Builder();
      b.customerDomains.addAll(customerDomains);
      b.keywords.addAll(keywords);
      b.rules.addAll(rules);
      b.strategies.putAll(strategies);
      b.key = key;
      b.revealLog = revealLog;
      return b;
    }

    Map<DetectorType, Strategy> strategies() {
      return Map.copyOf(strategies);
    }
  }

  List<String> keywords() {
    return List.copyOf(settings.keywords);
  }

  /** The strategy of the given detector in this redactor. */
  public Strategy strategy(DetectorType type) {
    return settings.strategies().getOrDefault(type, Strategy.PSEUDONYM);
  }

  /** Keeps the caller's stream open when the redacting stream is closed. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
