package io.companyos.agent.redaction.structured;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.detect.KeyNames;

/**
 * The rule every format shares: a value under a classified key is replaced whole, else redacted as text; but a value
 * that is a whole URL with a password holding {@code #}, {@code ?}, {@code /} or {@code @} unencoded (where free
 * text would end the password and keep its start) has its user and password replaced by field first.
 */
final class KeyedValues {
  /**
   * scheme://[user]:password@host[:port][/?#…], the password running to the last {@code @} that a host follows and
   * holding a character that would end it in free text; a password of digits then {@code /?#} is a port instead.
   */
  private static final Pattern URL_USERINFO = Pattern.compile("((?:jdbc:)?[a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s@/:?#]*):"
      + "(\\S*[#?/@]\\S*)@((?:[A-Za-z0-9_-]+\\.)*[A-Za-z0-9_-]+|\\[[0-9a-fA-F:.]+\\])((?::\\d+)?(?:[/?#]\\S*)?)");
  private static final Pattern PORT = Pattern.compile("\\d+(?:[/?#].*)?");

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
    // RE2/J: linear in the value's length, no recursion (java.util.regex took 0.3 s and overflowed its stack on
    // 4 KiB of '#@a.a…'); the bound keeps the work per value small all the same
    Matcher url = value.length() <= 4096 && value.indexOf("://") > 0 ? URL_USERINFO.matcher(value) : null;
    if (url != null && url.matches() && !PORT.matcher(url.group(3)).matches()) {
      return url.group(1) + value(DetectorType.USERNAME, "user", url.group(2), counter) + ':'
          + redactor.keyed(DetectorType.SECRET, url.group(3), counter) + '@'
          + redactor.text(url.group(4) + url.group(5), counter);
    }
    return redactor.text(value, counter);
  }

  String text(String text, RedactionCounter counter) {
    return redactor.text(text, counter);
  }
}
