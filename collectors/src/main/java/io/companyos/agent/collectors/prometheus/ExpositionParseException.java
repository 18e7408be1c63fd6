package io.companyos.agent.collectors.prometheus;

/**
 * A malformed exposition. The message names the line number and the problem, never the line's
 * text (label values may hold customer data).
 */
public final class ExpositionParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  ExpositionParseException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
