package io.companyos.agent.exporters.heartbeat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler persists in the state directory, so that a restart neither sends twice nor skips a period.
 *
 * @param lastSuccessAt when the last heartbeat was accepted
 * @param lastAttemptAt when the last attempt ended
 * @param lastOutcome how it ended, e.g. {@code delivered 202}, {@code failed timeout}
 * @param nextDueAt when the next attempt is due
 * @param consecutiveFailures failed attempts since the last success
 * @param failingSince when the current run of failures began
 */
public record HeartbeatState(Optional<Instant> lastSuccessAt, Optional<Instant> lastAttemptAt, String lastOutcome,
    Instant nextDueAt, int consecutiveFailures, Optional<Instant> failingSince) {
  public HeartbeatState {
    Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
    Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
    Objects.requireNonNull(lastOutcome, "lastOutcome");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    Objects.requireNonNull(failingSince, "failingSince");
  }

  static HeartbeatState fresh(Instant due) {
    return new HeartbeatState(Optional.empty(), Optional.empty(), "none yet", due, 0, Optional.empty());
  }

  HeartbeatState succeeded(Instant at, String outcome, Instant nextDue) {
    return new HeartbeatState(Optional.of(at), Optional.of(at), outcome, nextDue, 0, Optional.empty());
  }

  HeartbeatState failed(Instant at, String outcome, Instant nextDue) {
    return new HeartbeatState(lastSuccessAt, Optional.of(at), outcome, nextDue, consecutiveFailures + 1,
        Optional.of(failingSince.orElse(at)));
  }

  HeartbeatState dueAt(Instant nextDue) {
    return new HeartbeatState(lastSuccessAt, lastAttemptAt, lastOutcome, nextDue, consecutiveFailures, failingSince);
  }
}
