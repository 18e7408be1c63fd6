package io.companyos.agent.policy.egress;

import io.companyos.agent.policy.DenialReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one send ended.
 *
 * @param outcome delivered, rejected by the endpoint, failed on the way, or denied by the guard (never sent)
 * @param status the HTTP status when there was a response, else 0
 * @param retryAfter the endpoint's {@code Retry-After}, when given
 * @param detail a short reason without payload content: {@code 503}, {@code timeout}, {@code connection reset},
 *     the denial reason
 */
public record EgressResult(Outcome outcome, int status, Optional<Duration> retryAfter, String detail) {
  /** The four ways a send ends. */
  public enum Outcome { DELIVERED, REJECTED, FAILED, DENIED }

  public EgressResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(detail, "detail");
  }

  static EgressResult denied(DenialReason reason) {
    return new EgressResult(Outcome.DENIED, 0, Optional.empty(), reason.label());
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }

  /** The ledger's outcome text, e.g. {@code delivered 202}, {@code rejected 503}, {@code failed timeout}. */
  public String ledgerText() {
    return switch (outcome) {
      case DELIVERED -> "delivered " + status;
      case REJECTED -> "rejected " + status;
      case FAILED -> "failed " + detail;
      case DENIED -> "denied " + detail;
    };
  }
}
