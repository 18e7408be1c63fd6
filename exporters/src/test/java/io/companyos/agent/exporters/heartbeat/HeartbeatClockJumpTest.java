package io.companyos.agent.exporters.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.egress.EgressTransport;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.egress.TransportResponse;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall clock is stepped while the agent runs (NTP corrections, a fixed wrong clock, a VM restored from a
 * snapshot): the heartbeat keeps one accepted heartbeat per period and never stalls for the length of the step.
 */
class HeartbeatClockJumpTest {
  private static final URI ENDPOINT = URI.create("https://telemetry.companyos.io/v1/heartbeat");
  private static final UUID ID = UUID.fromString("6a1f0c4e-2b9d-4f57-8c3e-91d2a7b5e014");
  private static final Duration DAY = Duration.ofHours(24);
  private static final Duration STEP = Duration.ofMinutes(1);

  @TempDir
  Path stateDir;

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final HeartbeatSchedule schedule = new HeartbeatSchedule(DAY, ID);
  /** The receiver: first heartbeat of a key is accepted (202), a repeated key answers 409. */
  private final Map<String, Instant> acceptedByKey = new HashMap<>();
  private final List<Instant> requests = new ArrayList<>();

  private HeartbeatScheduler startAgent() throws IOException {
    EgressTransport receiver = new EgressTransport() {
      @Override
      public CompletableFuture<TransportResponse> post(OutboundRequest request) {
        requests.add(clock.instant());
        boolean first = acceptedByKey.putIfAbsent(request.headers().get("Idempotency-Key"), clock.instant()) == null;
        return CompletableFuture.completedFuture(new TransportResponse(first ? 202 : 409, Optional.empty()));
      }

      @Override
      public void close() {}
    };
    EgressGuard guard = EgressGuard.builder().tier(Tier.HEARTBEAT).endpoint(PayloadKind.HEARTBEAT, ENDPOINT)
        .transportFactory(() -> receiver).ledger(EgressLedger.open(stateDir, LedgerLimits.DEFAULT, clock)).build();
    return HeartbeatScheduler.builder().sender(guard.sender(PayloadKind.HEARTBEAT, ENDPOINT).orElseThrow())
        .facts(new TestFacts(ID, clock)).stateStore(HeartbeatStateStore.inDirectory(stateDir)).clock(clock)
        .random(new SplittableRandom(11)).build();
  }

  /** Runs the scheduler every simulated minute for {@code length}, the way its thread polls a stepped clock. */
  private void run(HeartbeatScheduler hb, Duration length) {
    Instant end = clock.instant().plus(length);
    while (clock.instant().isBefore(end)) {
      clock.advance(STEP);
      hb.runDueWork();
    }
  }

  private long acceptedIn(long period) {
    return acceptedByKey.values().stream().filter(t -> schedule.periodOf(t) == period).count();
  }

  @Test
  void aForwardJumpSendsOnceForTheNewPeriodThenKeepsTheDailyRhythm() throws IOException {
    HeartbeatScheduler hb = startAgent();
    run(hb, DAY.multipliedBy(3));
    int before = requests.size();
    assertThat(acceptedByKey).hasSize(before);

    clock.advance(Duration.ofDays(5).plusHours(3)); // the clock leaps five days ahead
    Instant jumped = clock.instant();
    hb.runDueWork();
    assertThat(requests).as("one heartbeat for the period the clock landed in, no burst for the skipped ones")
        .hasSize(before + 1);
    assertThat(acceptedIn(schedule.periodOf(jumped))).isEqualTo(1);

    run(hb, DAY.multipliedBy(4));
    long landed = schedule.periodOf(jumped);
    for (long p = landed; p <= landed + 3; p++) {
      assertThat(acceptedIn(p)).as("period %d", p - landed).isEqualTo(1);
    }
    assertThat(acceptedByKey).as("every request a new period: no retries, no duplicates").hasSameSizeAs(requests);
  }

  @Test
  void aBackwardJumpNeitherStallsForTheLengthOfTheStepNorResendsThePeriodItLandsIn() throws IOException {
    HeartbeatScheduler hb = startAgent();
    run(hb, DAY.multipliedBy(6));
    assertThat(acceptedByKey).hasSameSizeAs(requests).hasSizeGreaterThanOrEqualTo(6);
    Instant lastBeforeJump = requests.get(requests.size() - 1);

    clock.advance(Duration.ofDays(-4)); // stepped back four days, e.g. a clock that ran ahead is corrected
    int atJump = requests.size();
    run(hb, DAY.multipliedBy(3));

    List<Instant> after = requests.subList(atJump, requests.size());
    assertThat(after).as("the heartbeat goes on in the corrected time line").hasSizeGreaterThanOrEqualTo(3);
    Instant jump = clock.instant().minus(DAY.multipliedBy(3));
    assertThat(Duration.between(jump, after.get(0))).as("owed at once, not in four days").isLessThanOrEqualTo(STEP);
    for (int i = 1; i < after.size(); i++) {
      assertThat(Duration.between(after.get(i - 1), after.get(i))).as("gap before request %d", i)
          .isLessThanOrEqualTo(DAY.plus(schedule.maxJitter()));
    }
    // the first send after the step is the heartbeat of the period the clock landed in (its key was used before the
    // jump: the receiver answers 409 and the scheduler counts that as accepted, not as a failure)
    assertThat(after.get(0)).isBefore(lastBeforeJump);
    assertThat(hb.status().consecutiveFailures()).isZero();
    assertThat(hb.status().lastOutcome()).startsWith("rejected 409");
    Map<Long, Long> perPeriod = new HashMap<>();
    for (Instant t : after) {
      perPeriod.merge(schedule.periodOf(t), 1L, Long::sum);
    }
    assertThat(perPeriod.values()).as("at most one request per period after the step").allMatch(n -> n == 1);
  }

  @Test
  void aStateSavedUnderAClockFarAheadDoesNotSilenceTheHeartbeatUntilThatTime() throws IOException {
    Instant real = clock.instant();
    clock.set(real.plus(Duration.ofDays(365))); // the node booted with a clock one year ahead
    HeartbeatScheduler wrong = startAgent();
    run(wrong, Duration.ofMinutes(15));
    assertThat(requests).hasSize(1);

    clock.set(real); // fixed, and the agent restarted
    HeartbeatScheduler fixed = startAgent();
    run(fixed, STEP);
    assertThat(requests).as("this period's heartbeat at once, not a year later").hasSize(2);
    assertThat(acceptedIn(schedule.periodOf(real))).isEqualTo(1);
    assertThat(fixed.nextWakeUp()).isBefore(clock.instant().plus(DAY).plus(schedule.maxJitter()));
    run(fixed, DAY.plus(schedule.maxJitter()));
    assertThat(requests).as("and the next one a period later").hasSize(3);
  }
}
