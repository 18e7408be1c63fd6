package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.detect.KeyNames;

/** The rule every format shares: a value under a classified key is replaced whole, else redacted as text. */
final class KeyedValues {
  private final ValueRedactor redactor;

  KeyedValues(ValueRedactor redactor) {
    this.redactor = redactor;
  }

  String value(String key, String value, RedactionCounter counter) {
    DetectorType type = key == null ? null : KeyNames.classify(key);
    return value(type, key, value, counter);
  }

  String value(DetectorType type, String key, String value, RedactionCounter counter) {
    if (type != null && KeyNames.isRedactableValue(type, key == null ? "" : key, value)) {
      return redactor.keyed(type, value, counter);
    }
    return redactor.text(value, counter);
  }

  String text(String text, RedactionCounter counter) {
    return redactor.text(text, counter);
  }
}
