package io.companyos.agent.bundle;

import io.companyos.agent.bundle.manifest.TimeWindow;
import java.util.Objects;

/**
 * What the manifest says about the installation that produced the bundle.
 *
 * @param tier the phone-home tier's config value ({@code full}, {@code heartbeat}, {@code airgapped})
 * @param since the window the collectors looked at
 */
public record BundleInfo(
    String agentVersion, String installationId, String cluster, String node, String tier, TimeWindow since) {

  public BundleInfo {
    Objects.requireNonNull(agentVersion, "agentVersion");
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(since, "since");
  }
}
