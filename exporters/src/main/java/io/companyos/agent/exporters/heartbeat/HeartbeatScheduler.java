package io.companyos.agent.exporters.heartbeat;

import io.companyos.agent.policy.egress.EgressResult;
import io.companyos.agent.policy.egress.EgressSender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one accepted heartbeat per period (see {@link HeartbeatSchedule}): at the installation's slot plus a small
 * jitter, retrying failures with capped exponential backoff that honours {@code Retry-After}, never sending again in
 * a period once a heartbeat was accepted, and persisting the last success and the next due time after every attempt.
 *
 * <p>Time comes only from the injected {@link Clock}, and {@link #runDueWork()} does whatever is due at the clock's
 * "now", so tests drive the scheduler through simulated days without timers. {@link #start()} drives it with one
 * daemon thread in production. Nothing escapes {@code runDueWork}: a failure fails that cycle, is logged, and the
 * scheduler re-arms.
 */
public final class HeartbeatScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatScheduler.class);
  /** The longest the driving thread sleeps, so a stepped wall clock is noticed within a minute. */
  static final Duration MAX_SLEEP = Duration.ofMinutes(1);

  private final EgressSender sender;
  private final HeartbeatFacts facts;
  private final HeartbeatSchedule schedule;
  private final HeartbeatStateStore store;
  private final Clock clock;
  private final RandomGenerator random;
  private final Backoff backoff;
  private final Duration sendTimeout;
  private HeartbeatState state;
  private ScheduledExecutorService thread;

  private HeartbeatScheduler(Builder b) {
    this.sender = b.sender;
    this.facts = b.facts;
    this.schedule = new HeartbeatSchedule(b.interval, b.facts.installationId());
    this.store = b.store;
    this.clock = b.clock;
    this.random = b.random;
    this.backoff = new Backoff(b.backoffMin, b.backoffMax);
    this.sendTimeout = b.sendTimeout;
    Instant now = clock.instant();
    this.state = store.load().orElseGet(() -> HeartbeatState.fresh(now.plus(jitter())));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends the heartbeat if one is due at the clock's current time, records the outcome, and re-arms. Never throws.
   *
   * @return when work is next due
   */
  public synchronized Instant runDueWork() {
    Instant now = clock.instant();
    try {
      replanIfTheClockWentBack(now);
      if (now.isBefore(state.nextDueAt())) {
        return state.nextDueAt();
      }
      long period = schedule.periodOf(now);
      // equal, not "at least": a success in a later period than now means the clock went back since, and this
      // period's heartbeat (its own Idempotency-Key) is still owed; a receiver that has it answers 409
      if (state.lastSuccessAt().isPresent() && schedule.periodOf(state.lastSuccessAt().get()) == period) {
        update(state.dueAt(nextPeriodDue(period)));
        return state.nextDueAt();
      }
      attempt(now, period);
    } catch (RuntimeException e) {
      LOG.warn("heartbeat cycle failed ({}); retrying later", e.getClass().getSimpleName());
      state = state.failed(now, "error " + e.getClass().getSimpleName(),
          now.plus(backoff.delay(state.consecutiveFailures() + 1, java.util.Optional.empty(), schedule.interval())));
    }
    return state.nextDueAt();
  }

  /**
   * Nothing this scheduler plans lies more than one interval plus the jitter ahead (backoff is capped at the
   * interval). A due time beyond that means the wall clock was stepped back (an NTP correction, a wrong clock fixed, a
   * VM restored from a snapshot) after it was planned: waiting for it would stall the heartbeat for as long as the
   * step. The due time is then brought back to now, and the period check decides whether anything is owed.
   */
  private void replanIfTheClockWentBack(Instant now) {
    Instant latestPlannable = now.plus(schedule.interval()).plus(schedule.maxJitter());
    if (state.nextDueAt().isAfter(latestPlannable)) {
      LOG.warn("the wall clock moved back: the next heartbeat was due {} s from now, more than one interval; "
          + "re-planned from the current time", Duration.between(now, state.nextDueAt()).toSeconds());
      update(state.dueAt(now));
    }
  }

  private void attempt(Instant now, long period) {
    HeartbeatDocument doc = HeartbeatDocument.of(facts, now);
    EgressResult result = send(doc.toJson(), schedule.idempotencyKey(period));
    Instant ended = clock.instant();
    // 409: the receiver already holds this period's heartbeat (sent before a crash); it counts as accepted
    if (result.delivered() || (result.outcome() == EgressResult.Outcome.REJECTED && result.status() == 409)) {
      if (state.consecutiveFailures() > 0) {
        LOG.info("heartbeat delivered again after {} failed attempts", state.consecutiveFailures());
      }
      // recorded at the attempt's start, which lies in the period the heartbeat was for
      update(state.succeeded(now, result.ledgerText(), nextPeriodDue(period)));
      return;
    }
    int failures = state.consecutiveFailures() + 1;
    Duration delay = backoff.delay(failures, result.retryAfter(), schedule.interval());
    if (Integer.bitCount(failures) == 1) {
      LOG.warn("heartbeat not delivered ({}); attempt {} failed, next in {} s", result.ledgerText(), failures,
          delay.toSeconds());
    }
    update(state.failed(ended, result.ledgerText(), ended.plus(delay)));
  }

  private EgressResult send(byte[] body, String key) {
    try {
      return sender.sendDocument(body, Map.of("Idempotency-Key", key))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new EgressResult(EgressResult.Outcome.FAILED, 0, java.util.Optional.empty(), "timeout");
    } catch (ExecutionException e) {
      return new EgressResult(EgressResult.Outcome.FAILED, 0, java.util.Optional.empty(),
          e.getCause() == null ? "error" : e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new EgressResult(EgressResult.Outcome.FAILED, 0, java.util.Optional.empty(), "interrupted");
    }
  }

  private Instant nextPeriodDue(long period) {
    return schedule.periodStart(period + 1).plus(jitter());
  }

  private Duration jitter() {
    long bound = schedule.maxJitter().toMillis();
    return Duration.ofMillis(bound <= 0 ? 0 : random.nextLong(bound));
  }

  private void update(HeartbeatState next) {
    state = next;
    try {
      store.save(next);
    } catch (IOException | RuntimeException e) {
      LOG.warn("heartbeat state not saved ({}); a restart may resend this period's heartbeat, which the receiver "
          + "drops by its Idempotency-Key", e.getClass().getSimpleName());
    }
  }

  /** When work is next due. */
  public synchronized Instant nextWakeUp() {
    return state.nextDueAt();
  }

  public synchronized HeartbeatStatus status() {
    return HeartbeatStatus.of(state);
  }

  /** The document the next heartbeat would carry, with {@code sentAt} at the next due time (for preview). */
  public synchronized HeartbeatDocument preview() {
    Instant now = clock.instant();
    return HeartbeatDocument.of(facts, now.isAfter(state.nextDueAt()) ? now : state.nextDueAt());
  }

  /** The period slot of this installation (for status and preview). */
  public Duration slot() {
    return schedule.slot();
  }

  /** Starts one daemon thread that runs due work at each wake-up; idempotent. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "heartbeat");
      t.setDaemon(true);
      return t;
    });
    thread.execute(this::tick);
  }

  private void tick() {
    Instant next;
    try {
      next = runDueWork();
    } catch (Throwable t) { // never let the driving thread die
      LOG.error("heartbeat scheduler error ({}); re-arming", t.getClass().getSimpleName());
      next = clock.instant().plus(MAX_SLEEP);
    }
    long wait = Duration.between(clock.instant(), next).toMillis();
    wait = Math.max(10, Math.min(wait, MAX_SLEEP.toMillis()));
    synchronized (this) {
      if (thread != null && !thread.isShutdown()) {
        thread.schedule(this::tick, wait, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Stops the driving thread; idempotent. An attempt in progress ends by its own timeout. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.shutdownNow();
    }
  }

  /** Builds a scheduler; every setter's Javadoc states its default. */
  public static final class Builder {
    private EgressSender sender;
    private HeartbeatFacts facts;
    private HeartbeatStateStore store;
    private Duration interval = Duration.ofHours(24);
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new Random();
    private Duration backoffMin = Duration.ofMinutes(1);
    private Duration backoffMax = Duration.ofHours(1);
    private Duration sendTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The heartbeat sender from the egress guard (required). */
    public Builder sender(EgressSender sender) {
      this.sender = Objects.requireNonNull(sender, "sender");
      return this;
    }

    /** Where the document's values come from (required). */
    public Builder facts(HeartbeatFacts facts) {
      this.facts = Objects.requireNonNull(facts, "facts");
      return this;
    }

    /** Where the state persists (required), normally {@link HeartbeatStateStore#inDirectory}. */
    public Builder stateStore(HeartbeatStateStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** One heartbeat per interval (default 24 h). */
    public Builder interval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive");
      }
      this.interval = interval;
      return this;
    }

    /** The clock (default {@link Clock#systemUTC()}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The jitter source (default a new {@link Random}). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Backoff after failures: first delay {@code min}, doubling, at most {@code max} (default 1 min to 1 h). */
    public Builder backoff(Duration min, Duration max) {
      new Backoff(min, max);
      this.backoffMin = min;
      this.backoffMax = max;
      return this;
    }

    /** The longest one attempt may take, beyond the transport's own timeout (default 30 s). */
    public Builder sendTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("sendTimeout must be positive");
      }
      this.sendTimeout = timeout;
      return this;
    }

    public HeartbeatScheduler build() {
      Objects.requireNonNull(sender, "sender is required");
      Objects.requireNonNull(facts, "facts is required");
      Objects.requireNonNull(store, "stateStore is required");
      return new HeartbeatScheduler(this);
    }
  }
}
