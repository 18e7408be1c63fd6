package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example of a site's own overlay (deploy/kubernetes/examples/site) shows the optional components: the
 * ServiceMonitor, read access to pod logs, an image from a local registry and a site-specific agent.yaml.
 */
class SiteOverlayExampleTest {
  private RenderedOverlay site;

  @BeforeEach
  void render() {
    Overlays.requireKubectl();
    site = RenderedOverlay.of(Overlays.SITE_EXAMPLE);
  }

  @Test
  void theServiceMonitorScrapesTheHeadlessServiceAndLabelsSeriesWithTheNode() {
    ServiceMonitor sm = site.one(ServiceMonitor.class);
    Service service = site.one(Service.class);

    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(sm.getSpec().getSelector().getMatchLabels());
    Endpoint endpoint = sm.getSpec().getEndpoints().get(0);
    assertThat(endpoint.getPort()).isEqualTo(service.getSpec().getPorts().get(0).getName());
    assertThat(endpoint.getPath()).isEqualTo("/metrics");
    assertThat(endpoint.getRelabelings()).singleElement().satisfies(relabel -> {
      assertThat(relabel.getSourceLabels()).containsExactly("__meta_kubernetes_pod_node_name");
      assertThat(relabel.getTargetLabel()).isEqualTo("instance");
    });
  }

  @Test
  void theServiceMonitorIsNotInTheTierOverlaysSoTheyApplyWithoutItsCrd() {
    Overlays.tiers().forEach(o -> assertThat(RenderedOverlay.of(o).all(ServiceMonitor.class)).as(o).isEmpty());
  }

  @Test
  void podLogAccessAddsGroupZeroAndNothingElse() {
    assertThat(site.pod().getSecurityContext().getSupplementalGroups()).containsExactly(0L);
    assertThat(site.pod().getSecurityContext().getRunAsUser()).isEqualTo(DaemonSetSecurityTest.AGENT_UID);
    Overlays.tiers().forEach(o ->
        assertThat(RenderedOverlay.of(o).pod().getSecurityContext().getSupplementalGroups()).as(o).isEmpty());
  }

  @Test
  void theImageComesFromTheLocalRegistryInEveryContainer() {
    assertThat(site.agent().getImage()).isEqualTo("registry.local:5000/companyos/agent:0.1.0");
    assertThat(site.pod().getInitContainers().get(0).getImage()).isEqualTo(site.agent().getImage());
  }

  @Test
  void theSitesAgentYamlReplacesTheBaseOne() {
    assertThat(AgentConfigMapTest.mountedConfig(site)).contains("cluster: plant-east");
    assertThat(site.all(io.fabric8.kubernetes.api.model.ConfigMap.class)).hasSize(1);
  }
}
