package io.companyos.agent.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects (or a Grafana {@code label_values(metric, label)} query), found by
 * removing what is not a metric name: strings, label matchers, ranges, grouping clauses, and identifiers that are
 * functions, aggregations or keywords.
 */
final class PromQlMetricNames {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,)]+?)\\s*(,[^)]*)?\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of(
      "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
      "inf", "nan", "Inf", "NaN");

  private PromQlMetricNames() {}

  static Set<String> of(String expression) {
    String e = expression;
    Matcher lv = LABEL_VALUES.matcher(e);
    if (lv.find()) {
      e = lv.group(1);
    }
    e = STRING.matcher(e).replaceAll(" ");
    e = MATCHERS.matcher(e).replaceAll(" ");
    e = RANGE.matcher(e).replaceAll(" ");
    e = GROUPING.matcher(e).replaceAll(" ");
    e = e.replaceAll("\\$\\{?\\w+}?", " "); // Grafana variables such as $__rate_interval
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(e);
    while (m.find()) {
      String id = m.group();
      boolean isCall = e.substring(m.end()).stripLeading().startsWith("(");
      boolean afterDigit = m.start() > 0 && Character.isDigit(e.charAt(m.start() - 1)); // 5m, 1e3
      if (!isCall && !afterDigit && !KEYWORDS.contains(id)) {
        names.add(id);
      }
    }
    return names;
  }
}
