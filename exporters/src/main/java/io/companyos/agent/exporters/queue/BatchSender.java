package io.companyos.agent.exporters.queue;

/**
 * Sends queued batches; the {@link QueueDrainer} calls it from one thread. Implementations never throw: failures are
 * outcomes.
 *
 * <p>Sending is split in three steps so that the drainer can overlap the CPU work of the next batch with the round trip
 * of the current one, while batches still leave strictly one at a time and in order: {@link #prepare} (decoding —
 * nothing leaves, nothing is recorded, no policy is consulted), {@link Prepared#start} (the checks that decide what may
 * leave, the ledger entry, the request) and {@link InFlight#await} (the endpoint's answer). The drainer starts a batch
 * only after the one before it was answered. A sender that has nothing to do ahead implements {@link #send} alone.
 */
@FunctionalInterface
public interface BatchSender {
  /** Sends one batch and waits for the answer, with the sender's own timeout. */
  SendOutcome send(QueuedBatch batch);

  /**
   * The work on {@code batch} that needs neither the network nor the answer to an earlier batch. The default defers
   * everything to {@link #send}.
   */
  default Prepared prepare(QueuedBatch batch) {
    return () -> {
      SendOutcome outcome = send(batch);
      return () -> outcome;
    };
  }

  /** A batch ready to go. */
  @FunctionalInterface
  interface Prepared {
    /** Screens, records and sends the batch; returns once the request is on its way (or refused before it). */
    InFlight start();
  }

  /** A batch on its way. */
  @FunctionalInterface
  interface InFlight {
    /** Waits for the answer, with the sender's own timeout. */
    SendOutcome await();
  }
}
