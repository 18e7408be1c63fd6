package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.RedactionCounter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/** A format redacted one line at a time, each line on its own (env files, {@code .pgpass}). */
abstract class LineFormat {
  final KeyedValues values;

  LineFormat(KeyedValues values) {
    this.values = values;
  }

  final void redact(BufferedReader in, Writer out, RedactionCounter counter) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      out.write(redactLine(line, counter));
      out.write('\n');
    }
  }

  abstract String redactLine(String line, RedactionCounter counter);
}
