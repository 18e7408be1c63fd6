package io.companyos.agent.daemon;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.RedactionCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The daemon's redactions, counted per detector: {@code agent.redactions{detector}} (Prometheus
 * {@code agent_redactions_total}). Every built-in detector and every configured rule has its series from the start, at
 * zero, so a dashboard shows them before the first redaction. Counts only, never a value. Thread-safe.
 */
final class RedactionMeter implements Consumer<RedactionCounter> {
  private static final String DESCRIPTION = "Values the daemon redacted before they could leave, by detector (built-in"
      + " detector label or configured rule name); counts only";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  RedactionMeter(MeterRegistry registry, List<String> ruleNames) {
    this.registry = registry;
    for (DetectorType t : DetectorType.values()) {
      counter(t.label());
    }
    ruleNames.forEach(this::counter);
  }

  private Counter counter(String detector) {
    return counters.computeIfAbsent(detector, d -> Counter.builder("agent.redactions").description(DESCRIPTION)
        .tag("detector", d).register(registry));
  }

  /** Adds what one redaction pass replaced. */
  @Override
  public void accept(RedactionCounter counts) {
    counts.counts().forEach((detector, n) -> counter(detector).increment(n));
  }
}
