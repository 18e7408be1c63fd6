package io.companyos.agent.redaction;

import java.util.Locale;

/** What a detector does with a value it found. */
public enum Strategy {
  /** Replace with a keyed, stable token such as {@code <email:5f2c9a1e>} (the default). */
  PSEUDONYM,
  /** Replace with the bare label, such as {@code <email>}. */
  MASK,
  /** Leave the value as it is: the detector is switched off. */
  OFF;

  /**
   * Parses {@code pseudonym}, {@code mask} or {@code off}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the unknown strategy
   */
  public static Strategy fromName(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "pseudonym":
        return PSEUDONYM;
      case "mask":
        return MASK;
      case "off":
        return OFF;
      default:
        throw new IllegalArgumentException("unknown strategy: " + name + " (expected pseudonym, mask or off)");
    }
  }
}
