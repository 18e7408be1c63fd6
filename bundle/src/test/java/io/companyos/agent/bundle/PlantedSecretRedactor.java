package io.companyos.agent.bundle;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real redactor for tests (the redaction module's engine is adapted by the agent): replaces e-mail addresses
 * and planted {@code SECRET-…} tokens, line by line, keeping line terminators byte for byte.
 */
final class PlantedSecretRedactor implements ContentRedactor {

  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  static final Pattern SECRET = Pattern.compile("SECRET-[A-Za-z0-9]+");

  @Override
  public RedactionCounts redact(Reader in, Writer out, String sourceName) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    StringBuilder line = new StringBuilder();
    char[] buffer = new char[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      for (int i = 0; i < n; i++) {
        line.append(buffer[i]);
        if (buffer[i] == '\n') {
          out.write(redactLine(line.toString(), counts));
          line.setLength(0);
        }
      }
    }
    out.write(redactLine(line.toString(), counts));
    return new RedactionCounts(counts);
  }

  /** What this redactor makes of a whole text, for expected values in tests. */
  static String redactAll(String text) {
    return redactLineStatic(text, new TreeMap<>());
  }

  private String redactLine(String line, Map<String, Long> counts) {
    return redactLineStatic(line, counts);
  }

  private static String redactLineStatic(String line, Map<String, Long> counts) {
    String result = replace(EMAIL, line, "<email>", "email", counts);
    return replace(SECRET, result, "<secret>", "secret", counts);
  }

  private static String replace(Pattern pattern, String text, String replacement, String detector,
      Map<String, Long> counts) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    long found = 0;
    while (matcher.find()) {
      matcher.appendReplacement(out, replacement);
      found++;
    }
    matcher.appendTail(out);
    if (found > 0) {
      counts.merge(detector, found, Long::sum);
    }
    return out.toString();
  }

  @Override
  public String rulesVersion() {
    return "test-rules-1";
  }
}
