package io.companyos.agent.redaction;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An administrator's own rule: a name, an RE2 pattern, and an optional replacement.
 *
 * <p>The pattern is compiled with RE2/J when the {@link Redactor} is built, so that no pattern can make
 * matching take more than linear time. Without {@code replace} a match becomes a pseudonym token labelled
 * with the rule name ({@code <ticket:1a2b3c4d>}); with it, the match is replaced by that text, in which
 * {@code $1}…{@code $9} refer to the pattern's groups.
 *
 * @param name a label of lower-case letters, digits, {@code _} and {@code -}
 * @param pattern RE2 syntax
 * @param replace replacement text, or {@code null} for a pseudonym token
 */
public record CustomRule(String name, String pattern, String replace) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  /** Validates the name and that the pattern is given. */
  public CustomRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rule name must be 1-40 of [a-z0-9_-] starting with a letter or digit: " + name);
    }
    if (pattern.isEmpty()) {
      throw new InvalidRuleException(name, "empty pattern");
    }
  }

  /**
   * Compiles the pattern once to check it, as the {@link Redactor} will.
   *
   * @throws InvalidRuleException naming this rule if the pattern does not compile
   */
  public void checkPattern() {
    try {
      com.google.re2j.Pattern.compile(pattern);
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new InvalidRuleException(name, "pattern does not compile (" + e.getDescription() + ")");
    }
  }

  /** A rule whose matches become pseudonym tokens labelled with its name. */
  public static CustomRule pseudonym(String name, String pattern) {
    return new CustomRule(name, pattern, null);
  }
}
