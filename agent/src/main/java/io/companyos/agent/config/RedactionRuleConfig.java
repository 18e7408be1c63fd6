package io.companyos.agent.config;

import io.companyos.agent.redaction.CustomRule;
import io.companyos.agent.redaction.InvalidRuleException;

/**
 * One of the administrator's own redaction rules, {@code redaction.rules[]}. The pattern is RE2 syntax,
 * compiled while the configuration is loaded: a pattern that does not compile is a configuration error that
 * names the rule.
 *
 * @param name label of the rule's tokens ({@code <name:1a2b3c4d>}): 1-40 of {@code [a-z0-9_-]}
 * @param pattern RE2 regular expression (linear-time matching; no back-references or look-arounds)
 * @param replace replacement text, {@code $1}…{@code $9} for groups (default: a pseudonym token)
 */
public record RedactionRuleConfig(String name, String pattern, String replace) {
  public RedactionRuleConfig {
    InvalidValueException.requiredText(name, "name");
    InvalidValueException.requiredText(pattern, "pattern");
    CustomRule rule;
    try {
      rule = new CustomRule(name, pattern, replace);
    } catch (InvalidRuleException e) {
      throw new InvalidValueException("pattern", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("name", e.getMessage());
    }
    try {
      rule.checkPattern();
    } catch (InvalidRuleException e) {
      throw new InvalidValueException("pattern", e.getMessage());
    }
  }

  /** The rule for the redaction engine. */
  public CustomRule toRule() {
    return new CustomRule(name, pattern, replace);
  }
}
