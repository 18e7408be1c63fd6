package io.companyos.agent.exporters.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>When batches are already queued behind the one to send next (the sender is behind: after an outage, under a log
 * storm), one request may carry several of them, oldest first ({@link BatchSender#prepareGroup}; at most
 * {@code maxGroupBatches} and {@link #MAX_GROUP_BYTES}): the order on the wire stays the queue's, the request is
 * answered for all of them and they are acknowledged together. A request carrying several that is refused for good is
 * not dropped: its batches go again one per request, so that only a batch the endpoint refuses on its own is dropped.
 */
public final class QueueDrainer {
  private static final Logger LOG = LoggerFactory.getLogger(QueueDrainer.class);

  private final DiskQueue queue;
  private final BatchSender sender;
  private final Backoff backoff;
  private final DoubleSupplier random;
  private final Duration idlePoll;
  private final int maxPerRun;

  /** Batches one request carries at most when several are queued ({@link BatchSender#prepareGroup}). */
  public static final int MAX_GROUP_BATCHES = 4;
  /** Queued payload bytes one request carries at most when it carries several batches. */
  public static final long MAX_GROUP_BYTES = 4L * 1024 * 1024;

  private final int maxGroupBatches;
  private int failures;
  /** The batches after the ones last sent, decoded while those were in flight; null when there are none. */
  private BatchSender.Prepared ahead;
  /** Those batches screened and recorded (the ledger's send entry) while the ones before were in flight; or null. */
  private BatchSender.Recorded aheadRecorded;
  private long aheadSeq = -1;
  /** The batches {@code ahead} carries, oldest first. */
  private List<QueuedBatch> aheadGroup;
  /**
   * Batches up to this one go one per request: a request carrying several of them was refused for good, and each is
   * sent again alone so that only the one the endpoint refuses is dropped.
   */
  private long aloneThrough = -1;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private volatile String lastError;

  /**
   * @param idlePoll how long to wait when the queue is empty
   * @param maxPerRun requests sent per call at most, so one call never hogs its thread for long
   */
  public QueueDrainer(DiskQueue queue, BatchSender sender, Backoff backoff, DoubleSupplier random, Duration idlePoll,
      int maxPerRun) {
    this(queue, sender, backoff, random, idlePoll, maxPerRun, MAX_GROUP_BATCHES);
  }

  /**
   * @param maxGroupBatches batches one request carries at most when several are queued (1: one batch per request)
   */
  public QueueDrainer(DiskQueue queue, BatchSender sender, Backoff backoff, DoubleSupplier random, Duration idlePoll,
      int maxPerRun, int maxGroupBatches) {
    if (maxGroupBatches < 1) {
      throw new IllegalArgumentException("maxGroupBatches must be at least 1");
    }
    this.queue = queue;
    this.sender = sender;
    this.backoff = backoff;
    this.random = random;
    this.idlePoll = idlePoll;
    this.maxPerRun = maxPerRun;
    this.maxGroupBatches = maxGroupBatches;
  }

  /** Result of one {@link #drainOnce()}: how many batches went out, and when to call again. */
  public record Pass(int accepted, int rejected, Duration nextDelay) {}

  /** Sends queued batches until the queue is empty, a send fails, or {@code maxPerRun} is reached. Never throws. */
  public Pass drainOnce() {
    int accepted = 0;
    int refused = 0;
    List<QueuedBatch> group = null;
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
          QueuedBatch head = next.get();
          BatchSender.Recorded recorded;
          if (aheadRecorded != null && aheadSeq == head.seq()) {
            recorded = aheadRecorded;
            group = aheadGroup;
            aheadRecorded = null;
          } else {
            // what was recorded ahead is not the oldest after all: the full queue dropped it, or the one before it
            abandonAhead("dropped from the queue");
            BatchSender.Prepared prepared;
            if (ahead != null && aheadSeq == head.seq()) {
              prepared = ahead;
              group = aheadGroup;
            } else {
              Request r = prepareGroup(head);
              prepared = r.prepared();
              group = r.batches();
            }
            recorded = prepared.record();
          }
          ahead = null;
          inFlight = recorded.start();
        }
        long last = group.get(group.size() - 1).seq();
        prepareNext(last, i + 1 < maxPerRun);
        SendOutcome answer = inFlight.answer();
        List<QueuedBatch> following = null;
        boolean answeredForGood = answer != null && !(answer instanceof SendOutcome.RetryLater)
            && !(answer instanceof SendOutcome.Rejected && group.size() > 1);
        if (answeredForGood && aheadRecorded != null) {
          // answered for good: the next request, recorded while this one was in flight, leaves now, while this one's
          // answer is being recorded — if its first batch is still queued (the full queue drops the oldest first)
          if (queue.contains(aheadSeq)) {
            following = aheadGroup;
            BatchSender.Recorded r = aheadRecorded;
            aheadRecorded = null;
            ahead = null;
            followingInFlight = r.start();
          }
        }
        SendOutcome outcome = inFlight.await(); // the answer, now recorded
        inFlight = null;
        if (outcome instanceof SendOutcome.Accepted a) {
          for (QueuedBatch b : group) {
            queue.ack(b.seq());
          }
          failures = 0;
          // a batch the guard withheld whole inside a joined request is counted as refused, as it is when sent alone
          int withheld = Math.min(a.withheld(), group.size());
          accepted += group.size() - withheld;
          sent.addAndGet(group.size() - withheld);
          if (withheld > 0) {
            refused += withheld;
            rejected.addAndGet(withheld);
            LOG.warn("export: {} of the {} batches {}-{} withheld whole by the egress guard; dropped, not retried",
                withheld, group.size(), group.get(0).seq(), last);
          }
          lastError = null;
        } else if (outcome instanceof SendOutcome.Rejected r && group.size() > 1) {
          // one of them may be what the endpoint refuses: each goes again alone, in order, and only a batch refused
          // on its own is dropped
          LOG.warn("export request of {} batches refused by the endpoint ({}); sending them one by one", group.size(),
              r.reason());
          aloneThrough = last;
          abandonAhead("an earlier request is to be sent again batch by batch");
          awaitQuietly(followingInFlight); // only if its answer and the recorded outcome differed (a ledger timeout)
          followingInFlight = null;
          lastError = r.reason();
        } else if (outcome instanceof SendOutcome.Rejected r) {
          LOG.warn("export batch {} refused by the endpoint ({}); dropped, not retried", group.get(0).seq(),
              r.reason());
          queue.ack(group.get(0).seq());
          failures = 0;
          refused++;
          rejected.incrementAndGet();
          lastError = r.reason();
        } else if (outcome instanceof SendOutcome.RetryLater retry) {
          // the batches after it must not leave first: what was recorded for them ahead is recorded as not sent
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
          group = following;
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
   * Prepares {@code head} as a request, with the batches already queued behind it when the sender can carry several
   * in one ({@link BatchSender#prepareGroup}): at most {@code maxGroupBatches} and {@link #MAX_GROUP_BYTES}, and
   * {@code head} alone while it is one of the batches to be sent one by one.
   */
  private Request prepareGroup(QueuedBatch head) throws IOException {
    List<QueuedBatch> batches = new ArrayList<>(Math.min(maxGroupBatches, 8));
    batches.add(head);
    if (head.seq() > aloneThrough) {
      long bytes = head.payload().length;
      QueuedBatch b = head;
      while (batches.size() < maxGroupBatches) {
        Optional<QueuedBatch> n = queue.peekAfter(b.seq());
        if (n.isEmpty() || bytes + n.get().payload().length > MAX_GROUP_BYTES) {
          break;
        }
        b = n.get();
        bytes += b.payload().length;
        batches.add(b);
      }
    }
    if (batches.size() == 1) {
      return new Request(List.of(head), sender.prepare(head));
    }
    BatchSender.Group g = sender.prepareGroup(batches);
    if (g.batches() > batches.size()) {
      throw new IllegalStateException("a sender covered batches it was not offered");
    }
    return new Request(List.copyOf(batches.subList(0, g.batches())), g.prepared());
  }

  /** One request: the batches it carries, oldest first, and the request prepared. */
  private record Request(List<QueuedBatch> batches, BatchSender.Prepared prepared) {}

  /**
   * Decodes the batches after {@code seq} while {@code seq} is in flight (one request's worth, see
   * {@link #prepareGroup}) and, when {@code record}, also records them ({@link BatchSender.Prepared#record}: the checks
   * and the ledger's send entry; they leave only once {@code seq} was answered and only if the first of them is then
   * the oldest). A failure here is left for the moment that batch is the oldest: it is then prepared again, and the
   * failure handled as any other. {@code record} is false for the last request of a pass, so that nothing recorded
   * ahead outlives {@link #drainOnce}.
   */
  private void prepareNext(long seq, boolean record) {
    try {
      Optional<QueuedBatch> following = queue.peekAfter(seq);
      if (following.isPresent()) {
        Request r = prepareGroup(following.get());
        ahead = r.prepared();
        aheadSeq = following.get().seq();
        aheadGroup = r.batches();
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
