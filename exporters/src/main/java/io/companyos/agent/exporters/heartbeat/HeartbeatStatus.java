package io.companyos.agent.exporters.heartbeat;

import java.time.Instant;
import java.util.Optional;

/**
 * The heartbeat as {@code /v1/status} shows it.
 *
 * @param lastSuccessAt when the last heartbeat was accepted
 * @param lastAttemptAt when the last attempt ended
 * @param lastOutcome e.g. {@code delivered 202}, {@code rejected 503}, {@code failed timeout}
 * @param nextDueAt when the next attempt is due
 * @param consecutiveFailures failed attempts since the last success
 * @param degradedReason why the heartbeat is degraded (a vendor outage, say); empty when it is fine
 */
public record HeartbeatStatus(Optional<Instant> lastSuccessAt, Optional<Instant> lastAttemptAt, String lastOutcome,
    Instant nextDueAt, int consecutiveFailures, Optional<String> degradedReason) {

  static HeartbeatStatus of(HeartbeatState s) {
    Optional<String> degraded = s.consecutiveFailures() == 0 ? Optional.empty()
        : Optional.of("heartbeat endpoint failing since " + s.failingSince().map(Instant::toString).orElse("?")
            + " (" + s.consecutiveFailures() + " attempt" + (s.consecutiveFailures() == 1 ? "" : "s")
            + ", last: " + s.lastOutcome() + ")");
    return new HeartbeatStatus(s.lastSuccessAt(), s.lastAttemptAt(), s.lastOutcome(), s.nextDueAt(),
        s.consecutiveFailures(), degraded);
  }
}
