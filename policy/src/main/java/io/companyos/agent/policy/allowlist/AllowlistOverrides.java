package io.companyos.agent.policy.allowlist;

import java.util.List;

/**
 * Narrowing a signed policy applies to the built-in allowlist: it can only take away, never add.
 *
 * @param denyMetrics metric names (and log event names, e.g. {@code companyos.error}) removed from the allowlist
 * @param denyAttributes attribute keys removed (every metric carrying one is then refused)
 */
public record AllowlistOverrides(List<String> denyMetrics, List<String> denyAttributes) {
  public static final AllowlistOverrides NONE = new AllowlistOverrides(List.of(), List.of());

  public AllowlistOverrides {
    denyMetrics = denyMetrics == null ? List.of() : List.copyOf(denyMetrics);
    denyAttributes = denyAttributes == null ? List.of() : List.copyOf(denyAttributes);
  }
}
