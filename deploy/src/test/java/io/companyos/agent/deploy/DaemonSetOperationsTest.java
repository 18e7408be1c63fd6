package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Probes, resources, identity from the downward API, rollout and the metrics Service of every overlay. */
class DaemonSetOperationsTest {
  /** The daemon's measured idle RSS (README, bin/agent): requests must cover it. */
  static final BigDecimal IDLE_RSS_BYTES = BigDecimal.valueOf(80L * 1024 * 1024);
  /** The daemon's heap cap plus one {@code agent export-bundle} heap cap (bin/agent): limits must cover both. */
  static final BigDecimal DAEMON_PLUS_EXPORT_HEAP_BYTES = BigDecimal.valueOf((64L + 256) * 1024 * 1024);

  @BeforeEach
  void kubectl() {
    Overlays.requireKubectl();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void livenessIsHealthzAndReadinessIsReadyzOnTheAgentsPort(String overlay) {
    Container agent = RenderedOverlay.of(overlay).agent();
    ContainerPort http = agent.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();

    assertThat(http.getContainerPort()).isEqualTo(9464);
    assertThat(http.getProtocol()).isEqualTo("TCP");
    assertHttpGet(agent.getLivenessProbe(), "/healthz");
    assertHttpGet(agent.getStartupProbe(), "/healthz");
    assertHttpGet(agent.getReadinessProbe(), "/readyz");
    // start to ready takes ~1.5 s; the startup probe allows a minute (a slow node, a cold image cache)
    Probe startup = agent.getStartupProbe();
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isBetween(30, 120);
  }

  private static void assertHttpGet(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(probe.getHttpGet().getScheme()).isNull();
    assertThat(probe.getTimeoutSeconds()).isPositive();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void everyContainerHasRequestsAndLimitsSizedFromTheMeasuredFootprint(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    for (Container c : r.pod().getInitContainers()) {
      assertRequestsAndLimits(c);
    }
    Container agent = r.agent();
    assertRequestsAndLimits(agent);

    assertThat(bytes(agent.getResources().getRequests().get("memory"))).isGreaterThan(IDLE_RSS_BYTES);
    assertThat(bytes(agent.getResources().getLimits().get("memory"))).isGreaterThan(DAEMON_PLUS_EXPORT_HEAP_BYTES);
  }

  private static void assertRequestsAndLimits(Container c) {
    for (String resource : new String[] {"cpu", "memory"}) {
      Quantity request = c.getResources().getRequests().get(resource);
      Quantity limit = c.getResources().getLimits().get(resource);
      assertThat(request).as("%s request of %s", resource, c.getName()).isNotNull();
      assertThat(limit).as("%s limit of %s", resource, c.getName()).isNotNull();
      assertThat(bytes(limit)).as("%s limit >= request for %s", resource, c.getName())
          .isGreaterThanOrEqualTo(bytes(request));
    }
  }

  private static BigDecimal bytes(Quantity q) {
    return Quantity.getAmountInBytes(q);
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void nodeAndPodIdentityComeFromTheDownwardApi(String overlay) {
    Map<String, EnvVar> env = RenderedOverlay.of(overlay).agent().getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e));

    assertThat(env.get("NODE_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
    assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void rollsOutOneNodeAtATimeWithoutTwoAgentsOnANode(String overlay) {
    DaemonSet ds = RenderedOverlay.of(overlay).daemonSet();

    assertThat(ds.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isZero();
    // the agent stops within 10 s of SIGTERM (RunCommand); the grace period must let it
    assertThat(ds.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThan(10L);
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void aHeadlessServiceExposesEveryPodsMetricsPort(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    Service service = r.one(Service.class);

    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(r.daemonSet().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(r.daemonSet().getSpec().getSelector().getMatchLabels())
        .isEqualTo(service.getSpec().getSelector());
    ServicePort port = service.getSpec().getPorts().get(0);
    assertThat(port.getName()).isEqualTo("http-metrics");
    assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(port.getPort()).isEqualTo(9464);
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void everyContainerRunsThePinnedAgentImage(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    String image = r.agent().getImage();

    assertThat(image).matches(".*companyos/agent:\\d+\\.\\d+\\.\\d+");
    assertThat(r.agent().getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(r.agent().getArgs()).containsExactly(
        "run", "--config", "/etc/companyos-agent/config/agent.yaml", "--log-format", "json");
    assertThat(r.agent().getCommand()).as("the image's entrypoint, bin/agent, runs").isEmpty();
  }
}
