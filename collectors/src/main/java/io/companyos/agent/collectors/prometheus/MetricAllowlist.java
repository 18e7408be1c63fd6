package io.companyos.agent.collectors.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Metric-name globs ({@code *} any run of characters, {@code ?} one character) that decide which
 * scraped families are kept. A family is kept when its name matches; an empty list keeps nothing.
 */
public final class MetricAllowlist {

  private final List<String> globs;
  private final Pattern pattern;

  public MetricAllowlist(List<String> globs) {
    this.globs = List.copyOf(globs);
    List<String> alternatives = new ArrayList<>();
    for (String glob : this.globs) {
      if (glob.isBlank()) {
        throw new IllegalArgumentException("metric-name glob must not be blank");
      }
      alternatives.add(toRegex(glob));
    }
    this.pattern = alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives));
  }

  public List<String> globs() {
    return globs;
  }

  public boolean allows(String familyName) {
    return pattern != null && pattern.matcher(familyName).matches();
  }

  /** The families whose names are allowed, in order. */
  public List<MetricFamily> filter(List<MetricFamily> families) {
    return families.stream().filter(f -> allows(f.name())).toList();
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder("(?:");
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.append(')').toString();
  }
}
