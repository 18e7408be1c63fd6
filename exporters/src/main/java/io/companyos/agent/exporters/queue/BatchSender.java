package io.companyos.agent.exporters.queue;

/**
 * Sends queued batches; the {@link QueueDrainer} calls it from one thread. Implementations never throw: failures are
 * outcomes.
 *
 * <p>Sending is split in three steps so that the drainer can overlap the CPU work of the next batch with the round trip
 * of the current one, while batches still leave strictly one at a time and in order: {@link #prepare} (decoding —
 * nothing leaves, nothing is recorded, no policy is consulted), {@link Prepared#start} (the checks that decide what may
 * leave, the ledger entry, the request) and {@link InFlight#await} (the endpoint's answer). The drainer starts a batch
 * only after the one before it was answered. {@link Prepared#record} splits the start further: the checks and the
 * ledger entry of the next batch may be done while the one before it is in flight, its request only after the answer.
 * A sender that has nothing to do ahead implements {@link #send} alone.
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

  /**
   * Prepares the first of {@code batches} (consecutive queued batches, oldest first; never empty) — or, when the
   * sender can, several of them from the first on — as one request, and says how many it covers. The default covers
   * the first alone ({@link #prepare}). The drainer offers several only when they are already queued behind the
   * first, i.e. when the sender is behind; a request covering several is answered for all of them, and when it is
   * refused for good (400-class) the drainer sends them again one by one, so that only the refused one is dropped.
   */
  default Group prepareGroup(java.util.List<QueuedBatch> batches) {
    return new Group(1, prepare(batches.get(0)));
  }

  /**
   * What {@link #prepareGroup} made of its batches.
   *
   * @param batches how many of the batches offered, from the first on, the request carries (at least 1)
   * @param prepared the request
   */
  record Group(int batches, Prepared prepared) {
    public Group {
      if (batches < 1) {
        throw new IllegalArgumentException("a group carries at least one batch");
      }
      java.util.Objects.requireNonNull(prepared, "prepared");
    }
  }

  /** A batch ready to go. */
  @FunctionalInterface
  interface Prepared {
    /** Screens, records and sends the batch; returns once the request is on its way (or refused before it). */
    InFlight start();

    /**
     * Does what {@link #start} does before the request leaves (the checks, the ledger's send entry) and returns the
     * rest, so that the drainer can record the next batch while the one before it awaits its answer. The default does
     * nothing ahead.
     */
    default Recorded record() {
      return new Recorded() {
        @Override
        public InFlight start() {
          return Prepared.this.start();
        }

        @Override
        public void abandon(String reason) {}
      };
    }
  }

  /**
   * A batch screened and recorded as about to leave; exactly one of {@link #start} and {@link #abandon} is called. The
   * drainer abandons it when it is not to leave after all (the batch before it was not accepted, or the full queue
   * dropped it), and the record then says that it did not leave.
   */
  interface Recorded {
    /** Sends the batch; returns once the request is on its way (or refused before it). */
    InFlight start();

    /** Records that the batch did not leave; {@code reason} is a short fixed text without payload content. */
    void abandon(String reason);
  }

  /** A batch on its way. */
  @FunctionalInterface
  interface InFlight {
    /** Waits for the answer, with the sender's own timeout, and until it is recorded. */
    SendOutcome await();

    /**
     * Waits for the answer only, which may not be recorded yet; null when the sender cannot tell it before
     * {@link #await} (the default). The drainer may start the next batch, already recorded, once this returns a final
     * answer, and calls {@link #await} (which then returns the same outcome) before it acknowledges this batch.
     */
    default SendOutcome answer() {
      return null;
    }
  }
}
