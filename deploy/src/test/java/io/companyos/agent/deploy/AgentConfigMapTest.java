package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The configuration each overlay ships passes {@code agent check-config} and fits the DaemonSet it runs in. */
class AgentConfigMapTest {
  @BeforeEach
  void kubectl() {
    Overlays.requireKubectl();
  }

  /** The agent.yaml the DaemonSet's {@code --config} argument points at, found through its volume. */
  static String mountedConfig(RenderedOverlay r) {
    List<String> args = r.agent().getArgs();
    Path configPath = Path.of(args.get(args.indexOf("--config") + 1));
    String volumeName = r.agent().getVolumeMounts().stream()
        .filter(m -> configPath.getParent().equals(Path.of(m.getMountPath())))
        .findFirst().orElseThrow(() -> new AssertionError("no volume mounted at " + configPath.getParent()))
        .getName();
    Volume volume = r.volume(volumeName);
    ConfigMap cm = r.configMap(volume.getConfigMap().getName());
    String text = cm.getData().get(configPath.getFileName().toString());
    assertThat(text).as("key %s of ConfigMap %s", configPath.getFileName(), cm.getMetadata().getName()).isNotNull();
    return text;
  }

  /** The literal environment of the agent container (the downward API values are not known before scheduling). */
  static Map<String, String> literalEnv(RenderedOverlay r) {
    return r.agent().getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void theConfigMapsConfigurationPassesCheckConfig(String overlay) throws Exception {
    CheckConfig.Result result = CheckConfig.run(mountedConfig(RenderedOverlay.of(overlay)));

    assertThat(result.err()).isEqualTo("config OK\n");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("# effective configuration of ");
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#tiers")
  void theOverlaySetsItsTierThroughTheEnvironment(String overlay) throws Exception {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    String tier = overlay.substring(overlay.lastIndexOf('/') + 1);

    assertThat(literalEnv(r)).containsEntry("COMPANYOS_AGENT_TIER", tier);
    assertThat(r.daemonSet().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("companyos.io/tier", tier);
    AgentConfig effective = CheckConfig.effective(mountedConfig(r), literalEnv(r));
    assertThat(effective.tier().configName()).isEqualTo(tier);
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void theConfigurationFitsTheDaemonSet(String overlay) throws Exception {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    AgentConfig effective = CheckConfig.effective(mountedConfig(r), literalEnv(r));

    assertThat(effective.server().host()).as("reachable by kubelet probes and Prometheus").isEqualTo("0.0.0.0");
    assertThat(effective.server().insecure()).as("plain HTTP for the kubelet's httpGet probes (docs/security.md)")
        .isTrue();
    assertThat(effective.server().adminApiEnabled()).as("the admin API stays off until a token is configured")
        .isFalse();
    assertThat(effective.server().port()).isEqualTo(r.agent().getPorts().get(0).getContainerPort());
    assertThat(effective.stateDir()).isEqualTo(Path.of(DaemonSetSecurityTest.STATE_DIR));
    MountedPaths.assertEveryPathIsMounted(effective, r.agent().getVolumeMounts().stream()
        .map(m -> new MountedPaths.Mount(Path.of(m.getMountPath()), Boolean.TRUE.equals(m.getReadOnly())))
        .toList());
  }
}
