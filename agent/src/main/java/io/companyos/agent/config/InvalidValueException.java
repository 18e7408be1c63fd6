package io.companyos.agent.config;

/**
 * Thrown by value types and record constructors while binding; the loader turns it into a {@link ConfigException}
 * with the key path and line. {@code subKey}, when set, names the missing or wrong key below the object being built
 * (records cannot otherwise tell which of their keys was absent).
 */
final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String subKey;

  InvalidValueException(String problem) {
    this(null, problem);
  }

  InvalidValueException(String subKey, String problem) {
    super(problem);
    this.subKey = subKey;
  }

  /** The key below the object being bound, or null when the problem is the value itself. */
  String subKey() {
    return subKey;
  }

  static <T> T required(T value, String key) {
    if (value == null) {
      throw new InvalidValueException(key, "required value missing");
    }
    return value;
  }

  static String requiredText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(key, "required value missing");
    }
    return value;
  }
}
