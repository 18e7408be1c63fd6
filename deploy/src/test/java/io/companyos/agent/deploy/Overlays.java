package io.companyos.agent.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.companyos.agent.policy.Tier;
import java.util.stream.Stream;

/** The kustomizations under deploy/kubernetes that the tests render. */
final class Overlays {
  /** The example of a site's own overlay (air-gapped, with the optional components). */
  static final String SITE_EXAMPLE = "examples/site";

  private Overlays() {}

  /** One overlay per tier, named after the tier's configuration value. */
  static Stream<String> tiers() {
    return Stream.of(Tier.values()).map(t -> "overlays/" + t.configName());
  }

  /** Every overlay a customer may apply: the three tiers and the site example. */
  static Stream<String> all() {
    return Stream.concat(tiers(), Stream.of(SITE_EXAMPLE));
  }

  /** Skips the calling test, with the reason, when kubectl is absent (call it before each test). */
  static void requireKubectl() {
    assumeTrue(Kustomize.available(), Kustomize.MISSING);
  }
}
