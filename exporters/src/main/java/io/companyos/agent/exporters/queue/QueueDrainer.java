package io.companyos.agent.exporters.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queue's batches in order, one at a time: the oldest is acknowledged only after the endpoint accepted it
 * (or refused it for good), so nothing is lost to an outage or a restart. {@link #drainOnce()} does the work and says
 * how long to wait before calling it again; the caller owns the timer, which keeps this class free of threads and
 * lets a test drive hours of outage in microseconds.
 *
 * <p>While a batch is in flight, the next one is read and decoded ({@link BatchSender#prepare}), so that the sender's
 * CPU work overlaps the endpoint's round trip instead of adding to it; the next batch is still started only after
 * this one was answered and acknowledged, and only if it is still the oldest (the queue may have dropped it when
 * full, or the answer may say "retry later", in which case this one is sent again first). The next batch is also
 * screened and recorded in the egress ledger ahead ({@link BatchSender.Prepared#record}), so that the ledger's fsync
 * and the hash of the body are off the path from one answer to the next request; a batch recorded ahead that does not
 * leave next (the answer said "retry later", the full queue dropped it, a queue error) is abandoned, which the ledger
 * records as not sent. Once the answer to a batch is known and final (accepted, or refused for good), the batch
 * recorded ahead leaves while that answer is still being recorded ({@link BatchSender.InFlight#answer}); a batch is
 * acknowledged only after its answer is recorded. Nothing recorded ahead or in flight outlives a {@link #drainOnce}
 * call.
 */
public final class QueueDrainer {
  private static final Logger LOG = LoggerFactory.getLogger(QueueDrainer.class);

  private final DiskQueue queue;
  private final BatchSender sender;
  private final Backoff backoff;
  private final DoubleSupplier random;
  private final Duration idlePoll;
  private final int maxPerRun;

  private int failures;
  /** The batch after the one last sent, decoded while that one was in flight; null when there is none. */
  private BatchSender.Prepared ahead;
  /** That batch screened and recorded (the ledger's send entry) while the one before it was in flight; or null. */
  private BatchSender.Recorded aheadRecorded;
  private long aheadSeq = -1;
  private QueuedBatch aheadBatch;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private volatile String lastError;

  /**
   * @param idlePoll how long to wait when the queue is empty
   * @param maxPerRun batches sent per call at most, so one call never hogs its thread for long
   */
  public QueueDrainer(DiskQueue queue, BatchSender sender, Backoff backoff, DoubleSupplier random, Duration idlePoll,
      int maxPerRun) {
    this.queue = queue;
    this.sender = sender;
    this.backoff = backoff;
    this.random = random;
    this.idlePoll = idlePoll;
    this.maxPerRun = maxPerRun;
  }

  /** Result of one {@link #drainOnce()}: how many batches went out, and when to call again. */
  public record Pass(int accepted, int rejected, Duration nextDelay) {}

  /** Sends queued batches until the queue is empty, a send fails, or {@code maxPerRun} is reached. Never throws. */
  public Pass drainOnce() {
    int accepted = 0;
    int refused = 0;
    QueuedBatch batch = null;
    BatchSender.InFlight inFlight = null;
    BatchSender.InFlight followingInFlight = null;
    try {
      for (int i = 0; i < maxPerRun; i++) {
        followingInFlight = null;
        if (inFlight == null) {
          Optional<QueuedBatch> next = queue.peek();
          if (next.isEmpty()) {
            abandonAhead("dropped from the queue");
            return new Pass(accepted, refused, idlePoll);
          }
          batch = next.get();
          BatchSender.Recorded recorded;
          if (aheadRecorded != null && aheadSeq == batch.seq()) {
            recorded = aheadRecorded;
            aheadRecorded = null;
          } else {
            // the batch recorded ahead is not the oldest after all: the full queue dropped it, or the one before it
            abandonAhead("dropped from the queue");
            BatchSender.Prepared prepared = ahead != null && aheadSeq == batch.seq() ? ahead : sender.prepare(batch);
            recorded = prepared.record();
          }
          ahead = null;
          inFlight = recorded.start();
        }
        prepareNext(batch.seq(), i + 1 < maxPerRun);
        SendOutcome answer = inFlight.answer();
        QueuedBatch following = null;
        if (answer != null && !(answer instanceof SendOutcome.RetryLater) && aheadRecorded != null) {
          // answered for good: the next batch, recorded while this one was in flight, leaves now, while this one's
          // answer is being recorded — if it is still the one after it (the full queue may have dropped it)
          if (queue.contains(aheadSeq)) {
            following = aheadBatch;
            BatchSender.Recorded r = aheadRecorded;
            aheadRecorded = null;
            ahead = null;
            followingInFlight = r.start();
          }
        }
        SendOutcome outcome = inFlight.await(); // the answer, now recorded
        inFlight = null;
        if (outcome instanceof SendOutcome.Accepted) {
          queue.ack(batch.seq());
          failures = 0;
          accepted++;
          sent.incrementAndGet();
          lastError = null;
        } else if (outcome instanceof SendOutcome.Rejected r) {
          LOG.warn("export batch {} refused by the endpoint ({}); dropped, not retried", batch.seq(), r.reason());
          queue.ack(batch.seq());
          failures = 0;
          refused++;
          rejected.incrementAndGet();
          lastError = r.reason();
        } else if (outcome instanceof SendOutcome.RetryLater retry) {
          // the batch after it must not leave first: what was recorded for it ahead is recorded as not sent
          abandonAhead("an earlier batch is to be retried");
          awaitQuietly(followingInFlight); // only if its answer and the recorded outcome differed (a ledger timeout)
          failures++;
          retried.incrementAndGet();
          lastError = retry.reason();
          Duration wait = backoff.delay(failures, retry.retryAfter(), random);
          if (failures == 1 || failures % 10 == 0) {
            LOG.info("export endpoint unavailable ({}); {} batch(es) queued, retrying in {} ms", retry.reason(),
                queue.stats().batches(), wait.toMillis());
          }
          return new Pass(accepted, refused, wait);
        }
        if (followingInFlight != null) {
          batch = following;
          inFlight = followingInFlight;
          followingInFlight = null;
        }
      }
      return new Pass(accepted, refused, Duration.ZERO);
    } catch (IOException | RuntimeException e) {
      abandonAhead("queue error");
      // what is still on its way is waited for (its answer recorded), not acknowledged: it is sent again from the
      // queue, after the batches before it
      awaitQuietly(inFlight);
      awaitQuietly(followingInFlight);
      failures++;
      lastError = "queue error (" + e.getClass().getSimpleName() + ")";
      LOG.warn("export queue error ({}); retrying", e.getClass().getSimpleName());
      return new Pass(accepted, refused, backoff.delay(failures, Optional.empty(), random));
    }
  }

  /**
   * Decodes the batch after {@code seq} while {@code seq} is in flight and, when {@code record}, also records it
   * ({@link BatchSender.Prepared#record}: the checks and the ledger's send entry; it leaves only once {@code seq} was
   * answered and only if it is then the oldest). A failure here is left for the moment that batch is the oldest: it is
   * then prepared again, and the failure handled as any other. {@code record} is false for the last batch of a pass,
   * so that nothing recorded ahead outlives {@link #drainOnce}.
   */
  private void prepareNext(long seq, boolean record) {
    try {
      Optional<QueuedBatch> following = queue.peekAfter(seq);
      if (following.isPresent()) {
        ahead = sender.prepare(following.get());
        aheadSeq = following.get().seq();
        aheadBatch = following.get();
        if (record) {
          aheadRecorded = ahead.record();
        }
      }
    } catch (IOException | RuntimeException e) {
      ahead = null;
      aheadRecorded = null;
    }
  }

  private static void awaitQuietly(BatchSender.InFlight inFlight) {
    if (inFlight != null) {
      try {
        inFlight.await();
      } catch (RuntimeException e) {
        // a sender never throws; if one does, its batch stays queued all the same
      }
    }
  }

  /** Records that the batch recorded ahead, if any, did not leave. */
  private void abandonAhead(String reason) {
    BatchSender.Recorded r = aheadRecorded;
    aheadRecorded = null;
    if (r != null) {
      try {
        r.abandon(reason);
      } catch (RuntimeException e) {
        LOG.warn("export: cannot record a batch as not sent ({})", e.getClass().getSimpleName());
      }
    }
  }

  public long sentCount() {
    return sent.get();
  }

  public long rejectedCount() {
    return rejected.get();
  }

  public long retryCount() {
    return retried.get();
  }

  /** The last failure's short reason (no payload content), or null once a batch got through again. */
  public String lastError() {
    return lastError;
  }
}
