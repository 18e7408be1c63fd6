package io.companyos.agent.bundling;

/** Turns names from configuration and file systems into safe bundle path segments. */
final class SafeNames {
  private SafeNames() {}

  /** Letters, digits, {@code . _ - < > :} kept (pseudonym tokens stay readable); anything else becomes {@code _}. */
  static String segment(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._<>:-]", "_");
    if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
      return "_" + cleaned;
    }
    return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
  }
}
