package io.companyos.agent.policy.ledger;

/**
 * How large the ledger may grow: when the current file would exceed {@code maxFileBytes} it is rotated, and at most
 * {@code maxFiles} files (current plus rotated) are kept. The chain continues across files.
 *
 * @param maxFileBytes size cap of one file (default 4 MiB)
 * @param maxFiles files kept, at least 1 (default 5: at most ~20 MiB)
 */
public record LedgerLimits(long maxFileBytes, int maxFiles) {
  public static final LedgerLimits DEFAULT = new LedgerLimits(4L * 1024 * 1024, 5);

  public LedgerLimits {
    if (maxFileBytes < 1024) {
      throw new IllegalArgumentException("maxFileBytes must be at least 1024");
    }
    if (maxFiles < 1) {
      throw new IllegalArgumentException("maxFiles must be at least 1");
    }
  }
}
