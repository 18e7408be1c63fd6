package io.companyos.agent.redaction;

/**
 * A custom rule whose pattern does not compile. The message names the rule and the kind of syntax error,
 * never any text being redacted.
 */
public final class InvalidRuleException extends IllegalArgumentException {
  private final String ruleName;

  /** Creates the exception for the named rule with a short reason. */
  public InvalidRuleException(String ruleName, String reason) {
    super("redaction rule '" + ruleName + "': " + reason);
    this.ruleName = ruleName;
  }

  /** The name of the rule that failed to compile. */
  public String ruleName() {
    return ruleName;
  }
}
