package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;

/**
 * PostgreSQL password files ({@code ~/.pgpass}, {@code %APPDATA%\postgresql\pgpass.conf}): one
 * {@code hostname:port:database:username:password} per line, {@code \:} and {@code \\} escaped, {@code #} comments.
 * Nothing names the fields, so the line-by-line text scan cannot tell a password from a database name: here the
 * fifth field is a {@link DetectorType#SECRET} (the rest of the line, so that a colon left unescaped cannot leak a
 * tail), the fourth a {@link DetectorType#USERNAME}, and the first three are redacted as text (a customer's host
 * becomes a token). A {@code *} wildcard stays; a line with fewer than five fields is redacted as text, and so is a
 * comment, but the format's own header {@code # hostname:port:database:username:password}, which is kept (as text
 * its {@code username:password} is a user name's key and value).
 */
final class PgpassRedaction extends LineFormat {
  PgpassRedaction(KeyedValues values) {
    super(values);
  }

  private static final String HEADER = "hostname:port:database:username:password";

  @Override
  String redactLine(String line, RedactionCounter counter) {
    String trimmed = line.strip();
    if (trimmed.startsWith("#") && trimmed.substring(1).strip().equalsIgnoreCase(HEADER)) {
      return line;
    }
    if (line.isBlank() || trimmed.startsWith("#")) {
      return values.text(line, counter);
    }
    int[] colons = new int[4];
    int n = 0;
    for (int i = 0; i < line.length() && n < 4; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++; // an escaped byte, ':' or '\'
      } else if (c == ':') {
        colons[n++] = i;
      }
    }
    if (n < 4) {
      return values.text(line, counter);
    }
    StringBuilder out = new StringBuilder(line.length());
    int from = 0;
    for (int f = 0; f < 3; f++) {
      out.append(values.text(line.substring(from, colons[f]), counter)).append(':');
      from = colons[f] + 1;
    }
    out.append(field(DetectorType.USERNAME, "username", line.substring(from, colons[3]), counter)).append(':');
    return out.append(field(DetectorType.SECRET, "password", line.substring(colons[3] + 1), counter)).toString();
  }

  private String field(DetectorType type, String key, String value, RedactionCounter counter) {
    return value.equals("*") ? value : values.value(type, key, value, counter);
  }
}
