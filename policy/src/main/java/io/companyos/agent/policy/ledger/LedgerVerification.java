package io.companyos.agent.policy.ledger;

import java.util.List;

/**
 * The result of checking the ledger's chain.
 *
 * @param entries entries read
 * @param files ledger files read, oldest first (file names)
 * @param firstSeq sequence number of the oldest entry kept (0 when empty)
 * @param lastSeq sequence number of the newest entry (0 when empty)
 * @param rotatedAway true when older entries were removed by size-capped rotation; the chain is then checked from the
 *     oldest entry kept
 * @param problems what is wrong, each naming the file and line; empty when the chain is intact
 */
public record LedgerVerification(long entries, List<String> files, long firstSeq, long lastSeq, boolean rotatedAway,
    List<String> problems) {
  public LedgerVerification {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }
}
