package io.companyos.agent.bundle;

import java.io.IOException;

/**
 * A compressed source's data is corrupt or cut short: what was decompressed before the fault is not a whole file, and
 * the source is withheld. The message names the compression and the decompressor's reason, never the content.
 */
public final class CorruptContentException extends IOException {
  public CorruptContentException(String message, Throwable cause) {
    super(message, cause);
  }
}
