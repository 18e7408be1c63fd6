package io.companyos.agent.policy;

/** Why the egress guard refused something; the {@code reason} tag of {@code agent.egress.denied}. */
public enum DenialReason {
  /** The tier does not let this kind of payload leave. */
  TIER("tier"),
  /** The destination is not the configured endpoint for this kind. */
  DESTINATION("destination"),
  /** A heartbeat that is not exactly the schema: extra, missing or malformed fields. */
  SCHEMA("schema"),
  /** A request header outside the few the guard permits, or with a malformed value. */
  HEADER("header"),
  /** A metric or log event whose name is not on the allowlist. */
  NAME("name"),
  /** An attribute key not on the allowlist (or not allowed for that metric). */
  ATTRIBUTE_KEY("attribute-key"),
  /** An attribute value outside its enumeration or format. */
  ATTRIBUTE_VALUE("attribute-value"),
  /** A log record carrying content other than its event name, attributes, severity and times (e.g. a body). */
  FIELD("field"),
  /** The egress ledger could not be written, so nothing may be sent. */
  LEDGER("ledger");

  private final String label;

  DenialReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
