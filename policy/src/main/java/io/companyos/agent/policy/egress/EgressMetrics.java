package io.companyos.agent.policy.egress;

import io.companyos.agent.policy.DenialReason;
import io.companyos.agent.policy.PayloadKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code agent.egress.denied{kind,reason}}, {@code agent.egress.sent{kind,outcome}}, {@code agent.egress.bytes{kind}}. */
final class EgressMetrics {
  private final MeterRegistry registry;

  EgressMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (PayloadKind kind : PayloadKind.values()) {
      deniedCounter(kind, DenialReason.TIER);
    }
  }

  void denied(PayloadKind kind, DenialReason reason) {
    denied(kind, reason, 1);
  }

  void denied(PayloadKind kind, DenialReason reason, long count) {
    deniedCounter(kind, reason).increment(count);
  }

  void sent(PayloadKind kind, EgressResult result, long bytes) {
    Counter.builder("agent.egress.sent")
        .description("Payloads the egress guard let out, by how the attempt ended")
        .baseUnit("payloads")
        .tags("kind", kind.label(), "outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry).increment();
    Counter.builder("agent.egress.bytes")
        .description("Bytes the egress guard let out (attempted)")
        .baseUnit("bytes")
        .tag("kind", kind.label())
        .register(registry).increment(bytes);
  }

  private Counter deniedCounter(PayloadKind kind, DenialReason reason) {
    return Counter.builder("agent.egress.denied")
        .description("Payloads or data points the egress guard refused; they were never sent")
        .baseUnit("items")
        .tags("kind", kind.label(), "reason", reason.label())
        .register(registry);
  }
}
