package io.companyos.agent.bundle;

import java.io.IOException;

/**
 * A source is not text the redactor can read (binary, an archive, a compression the agent does not undo): it is
 * withheld, never passed through. The message says what the content is, never any of it.
 */
public final class NotTextException extends IOException {
  public NotTextException(String message) {
    super(message);
  }
}
