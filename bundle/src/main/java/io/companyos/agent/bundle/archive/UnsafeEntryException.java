package io.companyos.agent.bundle.archive;

import java.io.IOException;
import java.util.Objects;

/** A tar entry that must not be extracted, with the kind of danger it poses. */
public final class UnsafeEntryException extends IOException {

  /** What is wrong with the entry. */
  public enum Kind {
    /** {@code /etc/passwd}, {@code C:\x}: would write anywhere on the machine. */
    ABSOLUTE_PATH,
    /** {@code ../x}, {@code a/../../x}: would climb out of the output directory. */
    PATH_TRAVERSAL,
    /** a symbolic or hard link whose target is outside the output directory. */
    LINK_OUTSIDE,
    /** a link inside the directory, a device, a FIFO: bundles hold regular files only. */
    UNSUPPORTED_TYPE,
    /** empty, NUL bytes, {@code .} segments, backslashes: not a name this format produces. */
    INVALID_NAME
  }

  private final Kind kind;

  UnsafeEntryException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
