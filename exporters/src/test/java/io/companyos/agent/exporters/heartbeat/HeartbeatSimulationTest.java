package io.companyos.agent.exporters.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.exporters.heartbeat.FakeVendor.Fault;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import io.companyos.agent.policy.ledger.LedgerVerifier;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thirty simulated days of heartbeats through the real guard, ledger and state file, with restarts and outages. */
class HeartbeatSimulationTest {
  private static final URI ENDPOINT = URI.create("https://telemetry.companyos.io/v1/heartbeat");
  private static final UUID INSTALLATION = UUID.fromString("6a1f0c4e-2b9d-4f57-8c3e-91d2a7b5e014");

  @TempDir
  Path stateDir;

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final FakeVendor vendor = new FakeVendor(clock);
  private CrashingStore store;

  @org.junit.jupiter.api.BeforeEach
  void createStore() {
    store = new CrashingStore();
  }

  /** A process start: a new ledger handle, guard and scheduler over the same state directory. */
  private HeartbeatScheduler startAgent() throws IOException {
    EgressGuard guard = EgressGuard.builder()
        .tier(Tier.HEARTBEAT)
        .endpoint(PayloadKind.HEARTBEAT, ENDPOINT)
        .transportFactory(() -> vendor)
        .ledger(EgressLedger.open(stateDir, LedgerLimits.DEFAULT, clock))
        .build();
    return HeartbeatScheduler.builder()
        .sender(guard.sender(PayloadKind.HEARTBEAT, ENDPOINT).orElseThrow())
        .facts(new TestFacts(INSTALLATION, clock))
        .stateStore(store)
        .clock(clock)
        .random(new SplittableRandom(clock.instant().toEpochMilli()))
        .build();
  }

  @Test
  void thirtyDaysWithRestartsAndOutagesGiveExactlyThirtyAcceptedHeartbeats() throws IOException {
    Instant start = clock.instant();
    HeartbeatSchedule schedule = new HeartbeatSchedule(Duration.ofHours(24), INSTALLATION);
    long firstPeriod = schedule.periodOf(start);
    Instant end = schedule.periodStart(firstPeriod + 30);
    Duration day = Duration.ofDays(1);
    vendor.outage(schedule.periodStart(firstPeriod + 3).minus(Duration.ofHours(1)), Duration.ofHours(12),
        Fault.UNAVAILABLE_RETRY_AFTER);
    vendor.outage(schedule.periodStart(firstPeriod + 8), Duration.ofHours(20), Fault.CONNECTION_RESET);
    vendor.outage(schedule.periodStart(firstPeriod + 15).plus(Duration.ofHours(2)), Duration.ofHours(6),
        Fault.TIMEOUT);
    List<Instant> restarts = List.of(start.plus(day.multipliedBy(5)).plus(Duration.ofHours(7)),
        schedule.periodStart(firstPeriod + 8).plus(Duration.ofHours(3)), // during an outage
        start.plus(day.multipliedBy(19)),
        schedule.periodStart(firstPeriod + 24).plus(Duration.ofSeconds(1))); // right after a period starts
    Instant crashAt = schedule.periodStart(firstPeriod + 21).minus(Duration.ofMinutes(5));

    HeartbeatScheduler agent = startAgent();
    int restartsDone = 0;
    boolean crashArmed = false;
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofMinutes(1));
      if (restartsDone < restarts.size() && !clock.instant().isBefore(restarts.get(restartsDone))) {
        agent = startAgent();
        restartsDone++;
      }
      if (!crashArmed && !clock.instant().isBefore(crashAt)) {
        store.crashAfterNextDelivery = true;
        crashArmed = true;
      }
      agent.runDueWork();
      if (store.crashed) { // the process died after the vendor accepted, before the state was saved
        store.crashed = false;
        agent = startAgent();
        agent.runDueWork();
      }
    }

    assertThat(vendor.acceptedByKey).hasSize(30);
    Set<Long> periods = new HashSet<>();
    for (Instant accepted : vendor.acceptedByKey.values()) {
      periods.add(schedule.periodOf(accepted));
    }
    assertThat(periods).as("one accepted heartbeat in each of the 30 periods")
        .hasSize(30).allMatch(p -> p >= firstPeriod && p < firstPeriod + 30);
    assertThat(vendor.duplicates).as("only the crash between delivery and saving resent a heartbeat").isEqualTo(1);
    assertThat(vendor.requests).as("outages caused retries").isGreaterThan(31);
    assertThat(restartsDone).isEqualTo(4);
    assertThat(LedgerVerifier.verify(stateDir).problems()).isEmpty();
    HeartbeatStatus status = agent.status();
    assertThat(status.consecutiveFailures()).isZero();
    assertThat(status.degradedReason()).isEmpty();
  }

  /** Saves to the real file, except that it can simulate a crash right after a delivered heartbeat. */
  final class CrashingStore implements HeartbeatStateStore {
    private final HeartbeatStateStore file = HeartbeatStateStore.inDirectory(stateDir);
    volatile boolean crashAfterNextDelivery;
    volatile boolean crashed;

    @Override
    public Optional<HeartbeatState> load() {
      return file.load();
    }

    @Override
    public void save(HeartbeatState state) throws IOException {
      if (crashAfterNextDelivery && state.lastOutcome().startsWith("delivered")
          && state.consecutiveFailures() == 0 && state.lastAttemptAt().equals(Optional.of(clock.instant()))) {
        crashAfterNextDelivery = false;
        crashed = true;
        throw new IOException("simulated crash");
      }
      file.save(state);
    }
  }
}
