package io.companyos.agent.redaction;

/** Formats that {@link Redactor#redactStructured} redacts by key as well as by value. */
public enum StructuredFormat {
  /** A JSON document (or a stream of them), streamed with Jackson. */
  JSON,
  /** A YAML document or several; comments are not kept. */
  YAML,
  /** Java {@code .properties}: comments and layout are kept. */
  PROPERTIES,
  /** Env files: {@code KEY=value}, {@code export KEY="value"}, comments kept. */
  ENV,
  /** A URL or a bare query string {@code a=b&c=d}. */
  URL_QUERY,
  /** PostgreSQL password files ({@code .pgpass}, {@code pgpass.conf}): {@code host:port:db:user:password} lines. */
  PGPASS
}
