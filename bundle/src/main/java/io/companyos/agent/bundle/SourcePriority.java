package io.companyos.agent.bundle;

/**
 * Which sources are kept first when the bundle's total size cap is reached, highest first. Within {@link #LOGS},
 * newer files come first.
 */
public enum SourcePriority {
  HEALTH,
  CONFIG,
  METRICS,
  SYSTEM,
  AGENT,
  LOGS
}
