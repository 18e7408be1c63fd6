package io.companyos.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TierTest {

  @Test
  void parsesConfigNamesCaseInsensitively() {
    assertThat(Tier.fromConfigName("airgapped")).isEqualTo(Tier.AIRGAPPED);
    assertThat(Tier.fromConfigName(" Heartbeat ")).isEqualTo(Tier.HEARTBEAT);
    assertThat(Tier.fromConfigName("FULL")).isEqualTo(Tier.FULL);
  }

  @Test
  void refusesUnknownNamesListingTheAcceptedOnes() {
    assertThatThrownBy(() -> Tier.fromConfigName("everything"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected one of airgapped, heartbeat, full");
  }

  @Test
  void ordersFromLeastToMostEgress() {
    assertThat(Tier.FULL.permitsAtLeast(Tier.HEARTBEAT)).isTrue();
    assertThat(Tier.HEARTBEAT.permitsAtLeast(Tier.FULL)).isFalse();
    assertThat(Tier.AIRGAPPED.permitsAtLeast(Tier.AIRGAPPED)).isTrue();
  }
}
