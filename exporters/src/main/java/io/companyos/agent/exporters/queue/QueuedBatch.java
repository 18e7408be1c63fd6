package io.companyos.agent.exporters.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * One batch read back from the queue.
 *
 * @param seq its sequence number, increasing across restarts
 * @param enqueuedAt when it was committed
 * @param payload the exact bytes that were appended
 */
public record QueuedBatch(long seq, Instant enqueuedAt, byte[] payload) {
  public QueuedBatch {
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    Objects.requireNonNull(payload, "payload");
  }
}
