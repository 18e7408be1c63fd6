package io.companyos.agent.redaction.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.companyos.agent.redaction.CustomRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The administrator's rules, compiled with RE2/J (linear time in the input whatever the pattern), applied
 * line by line to the bytes being written out. Rule matches join the built-in spans, so overlaps merge.
 */
final class CustomRuleSet {
  private final List<CustomRule> rules;
  private final List<Pattern> patterns;
  private final int firstKind;

  CustomRuleSet(List<CustomRule> rules, int firstKind) {
    this.rules = List.copyOf(rules);
    this.firstKind = firstKind;
    List<Pattern> compiled = new ArrayList<>();
    for (CustomRule r : rules) {
      r.checkPattern();
      compiled.add(Pattern.compile(r.pattern()));
    }
    this.patterns = List.copyOf(compiled);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Adds the matches of every rule in each line of {@code b[from, to)} to {@code matches}. */
  void find(byte[] b, int from, int to, MatchList matches) {
    int lineStart = from;
    while (lineStart < to) {
      int lineEnd = lineStart;
      while (lineEnd < to && b[lineEnd] != '\n') {
        lineEnd++;
      }
      if (lineEnd > lineStart) {
        byte[] line = Arrays.copyOfRange(b, lineStart, lineEnd);
        for (int r = 0; r < patterns.size(); r++) {
          Matcher m = patterns.get(r).matcher(line);
          while (m.find()) {
            if (m.end() > m.start()) {
              matches.add(lineStart + m.start(), lineStart + m.end(), firstKind + r);
            }
          }
        }
      }
      lineStart = lineEnd + 1;
    }
  }

  /** The literal replacement of rule {@code r} for the matched bytes, or null for a pseudonym. */
  byte[] replacement(int r, byte[] b, int s, int e) {
    String template = rules.get(r).replace();
    if (template == null) {
      return null;
    }
    if (template.indexOf('$') < 0) {
      return template.getBytes(StandardCharsets.UTF_8);
    }
    Matcher m = patterns.get(r).matcher(Arrays.copyOfRange(b, s, e));
    StringBuilder out = new StringBuilder();
    boolean groups = m.matches();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
        int g = template.charAt(++i) - '0';
        if (groups && g <= m.groupCount() && m.group(g) != null) {
          out.append(m.group(g));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  String name(int r) {
    return rules.get(r).name();
  }
}
