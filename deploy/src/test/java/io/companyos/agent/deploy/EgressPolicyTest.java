package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network's lock, independent of the agent's own tier check: egress from the agent's pods is denied except to
 * DNS and CompanyOS's namespace, plus, in tiers heartbeat and full, the telemetry endpoint alone.
 */
class EgressPolicyTest {
  @BeforeEach
  void kubectl() {
    Overlays.requireKubectl();
  }

  private static List<NetworkPolicyEgressRule> egressRules(RenderedOverlay r) {
    return r.all(NetworkPolicy.class).stream().flatMap(p -> p.getSpec().getEgress().stream()).toList();
  }

  private static List<NetworkPolicyPeer> ipBlocks(RenderedOverlay r) {
    return egressRules(r).stream().flatMap(rule -> rule.getTo().stream()).filter(p -> p.getIpBlock() != null)
        .toList();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void everyPolicySelectsTheAgentPodsAndRestrictsEgress(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    Map<String, String> podLabels = r.daemonSet().getSpec().getTemplate().getMetadata().getLabels();

    assertThat(r.all(NetworkPolicy.class)).isNotEmpty();
    for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
      assertThat(p.getSpec().getPolicyTypes()).as(p.getMetadata().getName()).containsExactly("Egress");
      assertThat(podLabels).containsAllEntriesOf(p.getSpec().getPodSelector().getMatchLabels());
      assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isEmpty();
    }
    // an egress rule without `to` allows every destination; one without `ports` every port of its destinations
    for (NetworkPolicyEgressRule rule : egressRules(r)) {
      assertThat(rule.getTo()).as("a rule with no destinations allows all of them").isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void dnsAndCompanyOsNamespaceAreAllowedInEveryTier(String overlay) {
    NetworkPolicy inCluster = RenderedOverlay.of(overlay).all(NetworkPolicy.class).stream()
        .filter(p -> p.getMetadata().getName().equals("companyos-agent-egress-in-cluster")).findFirst().orElseThrow();
    List<NetworkPolicyEgressRule> rules = inCluster.getSpec().getEgress();

    assertThat(rules).hasSize(2);
    NetworkPolicyPeer dns = rules.get(0).getTo().get(0);
    assertThat(dns.getNamespaceSelector().getMatchLabels())
        .containsExactly(Map.entry("kubernetes.io/metadata.name", "kube-system"));
    assertThat(dns.getPodSelector().getMatchLabels()).containsExactly(Map.entry("k8s-app", "kube-dns"));
    assertThat(rules.get(0).getPorts()).extracting(NetworkPolicyPort::getProtocol, pp -> pp.getPort().getIntVal())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("UDP", 53), org.assertj.core.groups.Tuple.tuple("TCP", 53));
    NetworkPolicyPeer companyos = rules.get(1).getTo().get(0);
    assertThat(rules.get(1).getTo()).hasSize(1);
    assertThat(companyos.getNamespaceSelector().getMatchLabels())
        .containsExactly(Map.entry("kubernetes.io/metadata.name", "companyos"));
    assertThat(companyos.getPodSelector()).isNull();
    assertThat(companyos.getIpBlock()).isNull();
  }

  @Test
  void airgappedAllowsNoDestinationOutsideTheCluster() {
    RenderedOverlay r = RenderedOverlay.of("overlays/airgapped");

    assertThat(r.all(NetworkPolicy.class)).extracting(p -> p.getMetadata().getName())
        .containsExactly("companyos-agent-egress-in-cluster");
    assertThat(ipBlocks(r)).isEmpty();
    assertThat(egressRules(r)).allSatisfy(rule -> assertThat(rule.getTo()).allSatisfy(peer ->
        assertThat(peer.getNamespaceSelector()).as("every destination is a namespace of this cluster").isNotNull()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/heartbeat", "overlays/full"})
  void heartbeatAndFullAllowExactlyTheTelemetryEndpointOutsideTheCluster(String overlay) throws Exception {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    JsonNode target = new ObjectMapper(new YAMLFactory())
        .readTree(Repository.resolve("deploy/kubernetes").resolve(overlay).resolve("telemetry-egress.yaml").toFile());

    List<NetworkPolicyPeer> blocks = ipBlocks(r);
    assertThat(blocks).hasSize(1);
    assertThat(blocks.get(0).getIpBlock().getCidr()).isEqualTo(target.path("spec").path("cidr").asText())
        .isNotEqualTo("0.0.0.0/0").isNotEqualTo("::/0");
    assertThat(blocks.get(0).getIpBlock().getExcept()).isEmpty();
    NetworkPolicy telemetry = r.all(NetworkPolicy.class).stream()
        .filter(p -> p.getMetadata().getName().equals("companyos-agent-egress-telemetry")).findFirst().orElseThrow();
    assertThat(telemetry.getSpec().getEgress()).singleElement().satisfies(rule -> {
      assertThat(rule.getTo()).hasSize(1);
      assertThat(rule.getPorts()).singleElement().satisfies(port -> {
        assertThat(port.getProtocol()).isEqualTo("TCP");
        assertThat(port.getPort()).isEqualTo(new IntOrString(target.path("spec").path("port").asInt()));
        assertThat(port.getEndPort()).isNull();
      });
    });
  }
}
