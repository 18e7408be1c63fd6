package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.RedactionCounter;

/** Env files: {@code KEY=value}, {@code export KEY="value"}, {@code KEY='value'}; comments and quotes kept. */
final class EnvRedaction extends LineFormat {
  EnvRedaction(KeyedValues values) {
    super(values);
  }

  @Override
  String redactLine(String line, RedactionCounter counter) {
    String trimmed = line.stripLeading();
    int eq = line.indexOf('=');
    if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
      return values.text(line, counter);
    }
    String head = line.substring(0, eq);
    String key = head.strip();
    if (key.startsWith("export ")) {
      key = key.substring(7).strip();
    }
    String value = line.substring(eq + 1);
    String quote = "";
    String tail = "";
    if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      int close = value.lastIndexOf(value.charAt(0));
      if (close > 0) {
        quote = value.substring(0, 1);
        tail = value.substring(close);
        value = value.substring(1, close);
      }
    } else {
      int comment = value.indexOf(" #");
      if (comment >= 0) {
        tail = value.substring(comment);
        value = value.substring(0, comment);
      }
    }
    return head + "=" + quote + values.value(key, value, counter)
        + (tail.isEmpty() ? "" : (quote.isEmpty() ? values.text(tail, counter) : tail));
  }
}
