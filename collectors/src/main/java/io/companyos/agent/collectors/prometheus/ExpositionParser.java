package io.companyos.agent.collectors.prometheus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Prometheus text exposition format 0.0.4 and OpenMetrics 1.0 text into metric
 * families: {@code # HELP} (with {@code \\} and {@code \n} escapes), {@code # TYPE}, {@code # UNIT}
 * and {@code # EOF} lines, samples with escaped label values, special values ({@code NaN},
 * {@code +Inf}, {@code -Inf}), timestamps (ms in 0.0.4, seconds in OpenMetrics) and OpenMetrics
 * exemplars (read and dropped). Samples join the family whose name plus a suffix of its type
 * matches them ({@code _bucket}, {@code _sum}, {@code _count}, {@code _total}, {@code _created},
 * …). The first problem ends parsing with an {@link ExpositionParseException} naming its line.
 * Stateless and thread-safe.
 */
public final class ExpositionParser {

  private static final int MAX_LINE_CHARS = 64 * 1024;

  /** Parses a whole exposition held in memory. */
  public List<MetricFamily> parse(String text, ExpositionFormat format)
      throws ExpositionParseException {
    return parse(new StringReader(text), format);
  }

  /** Parses an exposition line by line from {@code reader}. */
  public List<MetricFamily> parse(Reader reader, ExpositionFormat format)
      throws ExpositionParseException {
    Families families = new Families(format);
    BufferedReader in = new BufferedReader(reader);
    StringBuilder buffer = new StringBuilder(256);
    int number = 0;
    boolean eof = false;
    try {
      for (String line = nextLine(in, buffer); line != null; line = nextLine(in, buffer)) {
        number++;
        if (eof) {
          throw new ExpositionParseException(number, "content after # EOF");
        }
        if (line.length() > MAX_LINE_CHARS) {
          throw new ExpositionParseException(number, "line longer than 64 KiB");
        }
        eof = families.accept(line, number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (format == ExpositionFormat.OPENMETRICS && !eof) {
      throw new ExpositionParseException(number + 1, "missing # EOF at the end");
    }
    return families.result();
  }

  /**
   * The next line, or null at the end. Lines end at {@code \n} only (one {@code \r} before it is
   * dropped, for CRLF writers): a bare carriage return is a legal character inside a label value,
   * which {@link BufferedReader#readLine()} would wrongly take as a line end. A line longer than
   * the limit is returned cut just past it, so memory stays bounded and the caller reports it.
   */
  private static String nextLine(BufferedReader in, StringBuilder buffer) throws IOException {
    buffer.setLength(0);
    int c = in.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n') {
      if (buffer.length() <= MAX_LINE_CHARS) {
        buffer.append((char) c);
      }
      c = in.read();
    }
    int length = buffer.length();
    if (length > 0 && length <= MAX_LINE_CHARS && buffer.charAt(length - 1) == '\r') {
      buffer.setLength(length - 1);
    }
    return buffer.toString();
  }

  /** The families being built, in order of first appearance. */
  private static final class Families {
    private final ExpositionFormat format;
    private final Map<String, Builder> byName = new LinkedHashMap<>();
    private final Set<String> closed = new HashSet<>();
    private Builder current;

    Families(ExpositionFormat format) {
      this.format = format;
    }

    /** Returns true when the line was {@code # EOF}. */
    boolean accept(String line, int number) throws ExpositionParseException {
      LineScanner scanner = new LineScanner(line, number, format);
      if (line.isEmpty() || line.isBlank()) {
        if (format == ExpositionFormat.OPENMETRICS) {
          throw scanner.error("empty line");
        }
        return false;
      }
      if (line.charAt(0) == '#') {
        return comment(line, number);
      }
      if (format == ExpositionFormat.PROMETHEUS_TEXT) {
        scanner.skipBlanks();
      }
      sample(scanner);
      return false;
    }

    /** A {@code #} line: HELP, TYPE, UNIT, EOF, or (0.0.4 only) a free comment. */
    private boolean comment(String line, int number) throws ExpositionParseException {
      LineScanner s = new LineScanner(line.substring(1), number, format);
      if (format == ExpositionFormat.OPENMETRICS) {
        if (line.equals("# EOF")) {
          return true;
        }
        s.separator("the keyword");
      } else {
        s.skipBlanks();
      }
      String keyword = s.word();
      boolean descriptor = keyword.equals("HELP") || keyword.equals("TYPE")
          || (keyword.equals("UNIT") && format == ExpositionFormat.OPENMETRICS);
      if (!descriptor) {
        if (format == ExpositionFormat.OPENMETRICS) {
          throw s.error("unknown # line (expected HELP, TYPE, UNIT or EOF)");
        }
        return false; // a free comment
      }
      s.separator("the metric name");
      String name = s.metricName();
      Builder family = descriptorFamily(name, s);
      String text = "";
      if (!s.atEnd()) {
        // OpenMetrics: exactly one space, then the text (which may itself start with spaces).
        if (format == ExpositionFormat.OPENMETRICS) {
          s.separatorChar("the " + keyword.toLowerCase(java.util.Locale.ROOT) + " text");
        } else {
          s.separator("the " + keyword.toLowerCase(java.util.Locale.ROOT) + " text");
        }
        text = s.rest();
      }
      switch (keyword) {
        case "HELP" -> {
          if (family.helpSeen) {
            throw s.error("second HELP line for " + name);
          }
          family.helpSeen = true;
          family.help = unescapeHelp(text);
        }
        case "TYPE" -> {
          if (family.typed) {
            throw s.error("second TYPE line for " + name);
          }
          if (!family.samples.isEmpty()) {
            throw s.error("TYPE line for " + name + " after its samples");
          }
          MetricType type = MetricType.parse(text.strip(), format);
          if (type == null) {
            throw s.error("unknown metric type for " + name);
          }
          family.type = type;
          family.typed = true;
        }
        default -> family.unit = text;
      }
      return false;
    }

    private Builder descriptorFamily(String name, LineScanner s) throws ExpositionParseException {
      if (current != null && current.name.equals(name)) {
        return current;
      }
      Builder existing = byName.get(name);
      if (existing != null) {
        if (format == ExpositionFormat.OPENMETRICS || closed.contains(name)) {
          throw s.error("metadata of " + name + " is not next to its samples");
        }
        startFamily(existing);
        return existing;
      }
      Builder created = new Builder(name);
      byName.put(name, created);
      startFamily(created);
      return created;
    }

    private String unescapeHelp(String text) {
      StringBuilder out = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
          char e = text.charAt(i + 1);
          if (e == '\\' || e == 'n' || (e == '"' && format == ExpositionFormat.OPENMETRICS)) {
            out.append(e == 'n' ? '\n' : e);
            i++;
            continue;
          }
        }
        out.append(c);
      }
      return out.toString();
    }

    private void sample(LineScanner s) throws ExpositionParseException {
      String name = s.metricName();
      Map<String, String> labels = s.labels();
      s.separator("the value");
      double value = s.value();
      Long timestamp = null;
      if (!s.atEnd()) {
        s.skipBlanks();
        if (!s.atEnd() && s.peek() != '#') {
          timestamp = s.timestampMs();
          s.skipBlanks();
        }
        if (!s.atEnd()) {
          exemplar(s);
        }
      }
      Builder family = familyOf(name, s);
      family.check(name, labels, s);
      family.samples.add(new Sample(name, labels, value, timestamp));
    }

    private void exemplar(LineScanner s) throws ExpositionParseException {
      if (format != ExpositionFormat.OPENMETRICS || s.peek() != '#') {
        throw s.error("unexpected text after the sample");
      }
      s.rest(); // exemplars (# {trace_id="…"} 1.0 [ts]) are not kept
    }

    private Builder familyOf(String sampleName, LineScanner s) throws ExpositionParseException {
      if (current != null && current.owns(sampleName)) {
        return current;
      }
      String familyName = sampleName;
      Builder existing = byName.get(familyName);
      if (existing != null) {
        if (format == ExpositionFormat.OPENMETRICS || closed.contains(familyName)) {
          throw s.error("samples of " + familyName + " are not next to each other");
        }
        startFamily(existing);
        return existing;
      }
      Builder created = new Builder(familyName);
      byName.put(familyName, created);
      startFamily(created);
      return created;
    }

    private void startFamily(Builder family) {
      if (current != null && current != family && format == ExpositionFormat.OPENMETRICS) {
        closed.add(current.name);
      }
      current = family;
    }

    List<MetricFamily> result() {
      List<MetricFamily> out = new ArrayList<>(byName.size());
      for (Builder b : byName.values()) {
        out.add(new MetricFamily(b.name, b.type, b.help, b.unit, b.samples));
      }
      return out;
    }
  }

  /** A family under construction. */
  static final class Builder {
    final String name;
    MetricType type = MetricType.UNKNOWN;
    boolean typed;
    boolean helpSeen;
    String help = "";
    String unit = "";
    final List<Sample> samples = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    boolean owns(String sampleName) {
      if (!sampleName.startsWith(name)) {
        return false;
      }
      String suffix = sampleName.substring(name.length());
      return type.suffixes().contains(suffix);
    }

    void check(String sampleName, Map<String, String> labels, LineScanner s)
        throws ExpositionParseException {
      boolean bucket = sampleName.endsWith("_bucket")
          && (type == MetricType.HISTOGRAM || type == MetricType.GAUGEHISTOGRAM);
      if (bucket && !labels.containsKey("le")) {
        throw s.error("histogram bucket without an le label");
      }
      if (type == MetricType.SUMMARY && sampleName.equals(name) && !labels.containsKey("quantile")) {
        throw s.error("summary quantile without a quantile label");
      }
    }
  }
}
