package io.companyos.agent.bundle;

/** How the writer treats a source's bytes. */
public enum ContentKind {
  /** Decoded as UTF-8 (malformed bytes replaced) and streamed through the {@link ContentRedactor}. */
  TEXT,
  /**
   * Copied unchanged. Only for bytes that cannot hold customer data by construction (e.g. a generated binary
   * metrics snapshot); anything read from the customer's systems is {@link #TEXT}.
   */
  BINARY_SAFE
}
