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
  OBJECT("object"),
  /**
   * A Java class name ({@code java.lang.IllegalStateException}): dot-separated identifiers of ASCII letters, digits,
   * {@code _} and {@code $}, in which a redaction token ({@code <keyword:1a2b3c4d>}) may stand for a part; no space,
   * no colon, no message; at most 256 characters.
   */
  JAVA_TYPE("java-type"),
  /**
   * An anonymized Java stack trace: only lines of the form {@code [Caused by: |Suppressed: ]<java-type>},
   * {@code at <class.method>(<File.java:line> | Native Method | Unknown Source)} and {@code ... N more}, indented by
   * tabs or spaces; never a message; at most 200 lines and 16384 characters.
   */
  STACK_TRACE("stack-trace"),
  /** 16 lowercase hex digits (a truncated SHA-256, e.g. an error fingerprint). */
  HEX16("hex16");

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
      case JAVA_TYPE -> "a Java class name";
      case STACK_TRACE -> "an anonymized stack trace";
      case HEX16 -> "16 hex digits";
    };
  }
}
