package io.companyos.agent.redaction.structured;

import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.RedactionException;
import io.companyos.agent.redaction.StructuredFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** Dispatches a document to the redaction of its format. Immutable and thread-safe. */
public final class StructuredRedaction {
  private final JacksonRedaction json;
  private final JacksonRedaction yaml;
  private final PropertiesRedaction properties;
  private final EnvRedaction env;
  private final QueryRedaction query;
  private final PgpassRedaction pgpass;

  /** Binds the formats to the engine. */
  public StructuredRedaction(ValueRedactor redactor) {
    KeyedValues values = new KeyedValues(redactor);
    this.json = JacksonRedaction.json(values);
    this.yaml = JacksonRedaction.yaml(values);
    this.properties = new PropertiesRedaction(values);
    this.env = new EnvRedaction(values);
    this.query = new QueryRedaction(values);
    this.pgpass = new PgpassRedaction(values);
  }

  /**
   * Redacts {@code in} into {@code out}.
   *
   * @throws RedactionException if the document cannot be parsed in its format
   */
  public void redact(StructuredFormat format, Reader in, Writer out, RedactionCounter counter) throws IOException {
    switch (format) {
      case JSON:
        json.redact(in, out, counter);
        break;
      case YAML:
        yaml.redact(in, out, counter);
        break;
      case PROPERTIES:
        properties.redact(new BufferedReader(in), out, counter);
        break;
      case ENV:
        env.redact(new BufferedReader(in), out, counter);
        break;
      case PGPASS:
        pgpass.redact(new BufferedReader(in), out, counter);
        break;
      case URL_QUERY:
        out.write(query.redact(new BufferedReader(in).lines().reduce((a, b) -> a + "\n" + b).orElse(""), counter));
        break;
      default:
        throw new IllegalArgumentException("unknown format " + format);
    }
    out.flush();
  }
}
