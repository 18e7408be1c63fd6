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
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatSchedulerTest {
  private static final URI ENDPOINT = URI.create("https://telemetry.companyos.io/v1/heartbeat");
  private static final UUID ID = UUID.fromString("6a1f0c4e-2b9d-4f57-8c3e-91d2a7b5e014");

  @TempDir
  Path stateDir;

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final List<OutboundRequest> sent = new ArrayList<>();
  private Function<OutboundRequest, CompletableFuture<TransportResponse>> answer =
      r -> CompletableFuture.completedFuture(new TransportResponse(202, Optional.empty()));
  private final TestFacts facts = new TestFacts(ID, clock);

  private HeartbeatScheduler scheduler() throws IOException {
    EgressTransport transport = new EgressTransport() {
      @Override
      public CompletableFuture<TransportResponse> post(OutboundRequest request) {
        sent.add(request);
        return answer.apply(request);
      }

      @Override
      public void close() {}
    };
    EgressGuard guard = EgressGuard.builder().tier(Tier.HEARTBEAT).endpoint(PayloadKind.HEARTBEAT, ENDPOINT)
        .transportFactory(() -> transport).ledger(EgressLedger.open(stateDir, LedgerLimits.DEFAULT, clock)).build();
    return HeartbeatScheduler.builder().sender(guard.sender(PayloadKind.HEARTBEAT, ENDPOINT).orElseThrow())
        .facts(facts).stateStore(HeartbeatStateStore.inDirectory(stateDir)).clock(clock)
        .random(new SplittableRandom(7)).build();
  }

  private static CompletableFuture<TransportResponse> status(int code, Duration retryAfter) {
    return CompletableFuture.completedFuture(new TransportResponse(code, Optional.ofNullable(retryAfter)));
  }

  @Test
  void slotsSpreadAFleetOverTheDay() {
    int[] perHour = new int[24];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 2400; i++) {
      UUID id = new UUID(r.nextLong(), r.nextLong());
      perHour[(int) new HeartbeatSchedule(Duration.ofHours(24), id).slot().toHours()]++;
    }
    for (int n : perHour) {
      assertThat(n).isBetween(60, 140);
    }
    assertThat(new HeartbeatSchedule(Duration.ofHours(24), ID).slot())
        .isEqualTo(new HeartbeatSchedule(Duration.ofHours(24), ID).slot());
  }

  @Test
  void theIdempotencyKeyIsOnePerPeriodAndInstallation() {
    HeartbeatSchedule s = new HeartbeatSchedule(Duration.ofHours(24), ID);
    HeartbeatSchedule other = new HeartbeatSchedule(Duration.ofHours(24), UUID.randomUUID());
    assertThat(s.idempotencyKey(100)).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(s.idempotencyKey(100))
        .isNotEqualTo(s.idempotencyKey(101)).isNotEqualTo(other.idempotencyKey(100));
    Instant t = s.periodStart(100);
    assertThat(s.periodOf(t)).isEqualTo(100);
    assertThat(s.periodOf(t.minusMillis(1))).isEqualTo(99);
    assertThat(s.periodOf(t.plus(Duration.ofHours(24)).minusMillis(1))).isEqualTo(100);
  }

  @Test
  void sendsOncePerPeriodWithTheKeyAndThenWaitsForTheNextSlot() throws IOException {
    HeartbeatScheduler hb = scheduler();
    HeartbeatSchedule s = new HeartbeatSchedule(Duration.ofHours(24), ID);
    clock.set(hb.nextWakeUp());
    Instant next = hb.runDueWork();
    assertThat(sent).singleElement().satisfies(r ->
        assertThat(r.headers()).containsEntry("Idempotency-Key", s.idempotencyKey(s.periodOf(clock.instant()))));
    Instant nextStart = s.periodStart(s.periodOf(clock.instant()) + 1);
    assertThat(next).isBetween(nextStart, nextStart.plus(s.maxJitter()));
    assertThat(s.maxJitter()).isEqualTo(Duration.ofMinutes(10));
    clock.set(next.minusSeconds(1));
    hb.runDueWork();
    assertThat(sent).hasSize(1);
    assertThat(hb.status().lastOutcome()).isEqualTo("delivered 202");
    assertThat(hb.status().lastSuccessAt()).isPresent();
  }

  @Test
  void aRestartKeepsTheDueTimeAndDoesNotResendInThePeriod() throws IOException {
    HeartbeatScheduler first = scheduler();
    clock.set(first.nextWakeUp());
    Instant next = first.runDueWork();
    clock.advance(Duration.ofHours(1));
    HeartbeatScheduler second = scheduler();
    assertThat(second.nextWakeUp()).isEqualTo(next);
    second.runDueWork();
    assertThat(sent).hasSize(1);
    clock.set(next);
    second.runDueWork();
    assertThat(sent).hasSize(2);
  }

  @Test
  void failuresBackOffExponentiallyUpToAnHour() throws IOException {
    answer = r -> status(503, null);
    HeartbeatScheduler hb = scheduler();
    Instant firstDue = hb.nextWakeUp();
    clock.set(firstDue);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Instant next = hb.runDueWork();
      delays.add(Duration.between(clock.instant(), next).toMinutes());
      clock.set(next);
    }
    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(hb.status().degradedReason()).contains(
        "heartbeat endpoint failing since " + firstDue + " (9 attempts, last: rejected 503)");
  }

  @Test
  void retryAfterIsHonoured() throws IOException {
    answer = r -> status(503, Duration.ofMinutes(45));
    HeartbeatScheduler hb = scheduler();
    clock.set(hb.nextWakeUp());
    assertThat(hb.runDueWork()).isEqualTo(clock.instant().plus(Duration.ofMinutes(45)));
    answer = r -> status(429, Duration.ofDays(3));
    clock.advance(Duration.ofMinutes(45));
    assertThat(hb.runDueWork()).as("never beyond one interval").isEqualTo(clock.instant().plus(Duration.ofHours(24)));
  }

  @Test
  void aConflictMeansTheReceiverAlreadyHasThisPeriod() throws IOException {
    answer = r -> status(409, null);
    HeartbeatScheduler hb = scheduler();
    clock.set(hb.nextWakeUp());
    hb.runDueWork();
    assertThat(hb.status().consecutiveFailures()).isZero();
    assertThat(hb.status().lastOutcome()).isEqualTo("rejected 409");
    assertThat(hb.status().lastSuccessAt()).contains(clock.instant());
  }

  @Test
  void anErrorFailsOnlyThatCycleAndTheSchedulerGoesOn() throws IOException {
    facts.failure = new IllegalStateException("probe exploded");
    HeartbeatScheduler hb = scheduler();
    clock.set(hb.nextWakeUp());
    Instant next = hb.runDueWork();
    assertThat(next).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(hb.status().lastOutcome()).isEqualTo("error IllegalStateException");
    assertThat(sent).isEmpty();
    facts.failure = null;
    clock.set(next);
    hb.runDueWork();
    assertThat(sent).hasSize(1);
    assertThat(hb.status().degradedReason()).isEmpty();
  }

  @Test
  void thePreviewIsTheNextHeartbeatExactlyAsItWillBeSent() throws IOException {
    HeartbeatScheduler hb = scheduler();
    HeartbeatStateStore store = HeartbeatStateStore.inDirectory(stateDir);
    HeartbeatPreview first = HeartbeatPreview.next(facts, Duration.ofHours(24), store, clock);
    assertThat(first.dueAt()).as("before any state is saved, a new installation is due now").isEqualTo(clock.instant());
    clock.set(hb.nextWakeUp());
    Instant next = hb.runDueWork();
    HeartbeatPreview preview = HeartbeatPreview.next(facts, Duration.ofHours(24), store, clock);
    assertThat(preview.dueAt()).isEqualTo(next);
    clock.set(next);
    hb.runDueWork();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).headers()).containsEntry("Idempotency-Key", preview.idempotencyKey());
    assertThat(new String(sent.get(1).body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(preview.document().toJson(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void theStartedThreadSendsTheFirstHeartbeatSoon() throws IOException {
    HeartbeatScheduler hb = HeartbeatScheduler.builder()
        .sender(guardSender()).facts(new TestFacts(ID, java.time.Clock.systemUTC()))
        .stateStore(HeartbeatStateStore.inDirectory(stateDir)).interval(Duration.ofSeconds(2)).build();
    hb.start();
    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() >= 2);
    } finally {
      hb.close();
    }
  }

  private io.companyos.agent.policy.egress.EgressSender guardSender() throws IOException {
    EgressTransport transport = new EgressTransport() {
      @Override
      public synchronized CompletableFuture<TransportResponse> post(OutboundRequest request) {
        sent.add(request);
        return status(202, null);
      }

      @Override
      public void close() {}
    };
    return EgressGuard.builder().tier(Tier.HEARTBEAT).endpoint(PayloadKind.HEARTBEAT, ENDPOINT)
        .transportFactory(() -> transport)
        .ledger(EgressLedger.open(stateDir, LedgerLimits.DEFAULT, java.time.Clock.systemUTC())).build()
        .sender(PayloadKind.HEARTBEAT, ENDPOINT).orElseThrow();
  }
}
