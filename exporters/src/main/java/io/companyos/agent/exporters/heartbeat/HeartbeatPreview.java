package io.companyos.agent.exporters.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the next heartbeat will be, computed without sending anything or creating any client (for
 * {@code agent preview}).
 *
 * @param dueAt when it is due (its {@code sentAt}; a retry or a restart may send it later)
 * @param idempotencyKey the {@code Idempotency-Key} header of its period
 * @param document the body; {@code uptimeSeconds} projected to {@code dueAt}
 */
public record HeartbeatPreview(Instant dueAt, String idempotencyKey, HeartbeatDocument document) {
  public HeartbeatPreview {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(document, "document");
  }

  /** The next heartbeat of the installation whose persisted state is in {@code store}. */
  public static HeartbeatPreview next(HeartbeatFacts facts, Duration interval, HeartbeatStateStore store,
      Clock clock) {
    HeartbeatSchedule schedule = new HeartbeatSchedule(interval, facts.installationId());
    Instant now = clock.instant();
    HeartbeatState state = store.load().orElse(HeartbeatState.fresh(now));
    Instant due = state.nextDueAt().isBefore(now) ? now : state.nextDueAt();
    long period = schedule.periodOf(due);
    if (state.lastSuccessAt().isPresent() && schedule.periodOf(state.lastSuccessAt().get()) >= period) {
      period++;
      due = schedule.periodStart(period);
    }
    HeartbeatDocument now0 = HeartbeatDocument.of(facts, due);
    // uptime as it will be at the due time
    HeartbeatDocument atDue = new HeartbeatDocument(now0.installationId(), now0.agentVersion(), now0.productVersion(),
        facts.uptime().plus(Duration.between(now, due)).toSeconds(), now0.license(), now0.health(), due);
    return new HeartbeatPreview(due, schedule.idempotencyKey(period), atDue);
  }
}
