package io.companyos.agent.policy.allowlist;

import java.util.List;

/** The kinds of value the telemetry schema permits; none of them is free text. */
public enum ValueType {
  /** Exactly one integer. */
  CONST("const"),
  /** A lowercase random UUID. */
  UUID("uuid"),
  /** A version string: letters, digits, {@code . + _ -}, at most 64 characters. */
  VERSION("version"),
  /** A non-negative integer. */
  COUNT("count"),
  /** One of a fixed list of values. */
  ENUM("enum"),
  /** A UTC time with seconds precision, {@code 2025-01-31T12:00:00Z}. */
  TIMESTAMP("timestamp"),
  /** An object with exactly the listed fields. */
  OBJECT("object");

  private final String label;

  ValueType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static ValueType fromLabel(String label) {
    for (ValueType t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown value type in the allowlist: " + label);
  }

  String expectation(List<String> values) {
    return switch (this) {
      case CONST -> "the constant";
      case UUID -> "a UUID";
      case VERSION -> "a version string";
      case COUNT -> "a non-negative integer";
      case ENUM -> "one of " + String.join(", ", values);
      case TIMESTAMP -> "a UTC timestamp like 2025-01-31T12:00:00Z";
      case OBJECT -> "an object";
    };
  }
}
