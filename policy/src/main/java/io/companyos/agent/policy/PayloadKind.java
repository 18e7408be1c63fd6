package io.companyos.agent.policy;

/** What an outbound payload is; each kind needs at least a given {@link Tier} to leave. */
public enum PayloadKind {
  /** The Tier-2 heartbeat document (JSON, schema version 1). */
  HEARTBEAT("heartbeat", Tier.HEARTBEAT),
  /** OTLP metrics (Tier 1 only). */
  OTLP_METRICS("otlp-metrics", Tier.FULL),
  /** OTLP log records: anonymized error events (Tier 1 only). */
  OTLP_LOGS("otlp-logs", Tier.FULL);

  private final String label;
  private final Tier minimumTier;

  PayloadKind(String label, Tier minimumTier) {
    this.label = label;
    this.minimumTier = minimumTier;
  }

  /** The name in the ledger, in metrics tags and in {@code agent preview}, e.g. {@code otlp-metrics}. */
  public String label() {
    return label;
  }

  /** The lowest tier that lets this kind leave. */
  public Tier minimumTier() {
    return minimumTier;
  }

  /** True when {@code tier} lets this kind leave. */
  public boolean permittedIn(Tier tier) {
    return tier.permitsAtLeast(minimumTier);
  }
}
