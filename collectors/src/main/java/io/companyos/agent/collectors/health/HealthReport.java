package io.companyos.agent.collectors.health;

import java.util.List;

/**
 * The results of one run of every configured probe, in configuration order.
 *
 * @param probes one result per probe
 */
public record HealthReport(List<ProbeResult> probes) {

  public HealthReport {
    probes = List.copyOf(probes);
  }

  /** The worst status of all probes; UP when there are none. */
  public ProbeStatus status() {
    ProbeStatus worst = ProbeStatus.UP;
    for (ProbeResult result : probes) {
      worst = worst.worst(result.status());
    }
    return worst;
  }

  /** True when every probe is UP (the exit status 0 of {@code agent health}). */
  public boolean allUp() {
    return probes.stream().allMatch(p -> p.status() == ProbeStatus.UP);
  }
}
