package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.RedactionCounter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * Java {@code .properties}, line by line with layout and comments kept: the key is split off at the first
 * unescaped {@code =}, {@code :} or blank; continuation lines (odd number of trailing backslashes) belong
 * to the value.
 */
final class PropertiesRedaction {
  private final KeyedValues values;

  PropertiesRedaction(KeyedValues values) {
    this.values = values;
  }

  void redact(BufferedReader in, Writer out, RedactionCounter counter) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      StringBuilder logical = new StringBuilder(line);
      while (continues(logical) && (line = in.readLine()) != null) {
        logical.append('\n').append(line);
      }
      out.write(redactLine(logical.toString(), counter));
      out.write('\n');
    }
  }

  private String redactLine(String line, RedactionCounter counter) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i == line.length() || line.charAt(i) == '#' || line.charAt(i) == '!') {
      return values.text(line, counter);
    }
    int keyStart = i;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '=' || c == ':' || c == ' ' || c == '\t') {
        break;
      }
      i++;
    }
    int keyEnd = Math.min(i, line.length());
    int v = keyEnd;
    while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
      v++;
    }
    if (v < line.length() && (line.charAt(v) == '=' || line.charAt(v) == ':')) {
      v++;
      while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
        v++;
      }
    }
    String key = line.substring(keyStart, keyEnd);
    String value = line.substring(v);
    return line.substring(0, keyStart) + values.text(key, counter) + line.substring(keyEnd, v)
        + values.value(key, value, counter);
  }

  private static boolean continues(CharSequence line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }
}
