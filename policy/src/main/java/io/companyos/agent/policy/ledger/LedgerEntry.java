package io.companyos.agent.policy.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the egress ledger. A {@code send} entry is written before the payload leaves; a {@code result} entry
 * with the same {@code sha256} after the attempt ends. Every entry carries the hash of the one before it.
 *
 * @param seq position in the ledger, from 1, without gaps
 * @param time when the entry was written (UTC)
 * @param event {@code send} or {@code result}
 * @param kind payload kind, e.g. {@code heartbeat}
 * @param destination the URL the payload goes to
 * @param bytes size of the exact bytes sent
 * @param sha256 SHA-256 of the exact bytes sent (hex)
 * @param outcome {@code pending} for a send; for a result e.g. {@code delivered 202}, {@code rejected 503},
 *     {@code failed timeout}
 * @param prev the previous entry's hash (64 zeros for the first entry ever)
 * @param hash SHA-256 of this entry's line without its hash field
 */
public record LedgerEntry(long seq, Instant time, String event, String kind, String destination, long bytes,
    String sha256, String outcome, String prev, String hash) {
  public static final String SEND = "send";
  public static final String RESULT = "result";
  public static final String GENESIS = "0".repeat(64);

  public LedgerEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(hash, "hash");
  }

  /** The entry as its ledger line (JSON, without the newline). */
  public String toJson() {
    return LedgerLine.format(this);
  }
}
