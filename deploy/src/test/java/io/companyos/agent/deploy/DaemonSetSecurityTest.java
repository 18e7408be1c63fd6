package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DaemonSet of every overlay runs locked down: non-root, read-only, no capabilities, no API token. */
class DaemonSetSecurityTest {
  static final long AGENT_UID = 10001;
  static final String STATE_DIR = "/var/lib/companyos-agent";

  @BeforeEach
  void kubectl() {
    Overlays.requireKubectl();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void everyResourceLivesInTheAgentsOwnNamespace(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);

    assertThat(r.one(Namespace.class).getMetadata().getName()).isEqualTo(RenderedOverlay.NAMESPACE);
    for (HasMetadata res : r.resources()) {
      if (!(res instanceof Namespace)) {
        assertThat(res.getMetadata().getNamespace())
            .as("%s %s", res.getKind(), res.getMetadata().getName())
            .isEqualTo(RenderedOverlay.NAMESPACE);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void theAgentRunsNonRootOnAReadOnlyRootWithoutCapabilities(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    PodSpec pod = r.pod();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(AGENT_UID);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);

    SecurityContext sc = r.agent().getSecurityContext();
    assertThat(sc.getRunAsNonRoot()).isTrue();
    assertThat(sc.getRunAsUser()).isEqualTo(AGENT_UID);
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getPrivileged()).isFalse();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getCapabilities().getAdd()).isEmpty();
    assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void theOnlyRootStepChownsTheStateDirectoryWithCapChownAlone(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);

    assertThat(r.pod().getInitContainers()).hasSize(1);
    Container init = r.pod().getInitContainers().get(0);
    assertThat(init.getCommand()).containsExactly("chown", AGENT_UID + ":" + AGENT_UID, STATE_DIR);
    assertThat(init.getArgs()).isEmpty();
    assertThat(init.getImage()).isEqualTo(r.agent().getImage());
    SecurityContext sc = init.getSecurityContext();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getCapabilities().getAdd()).containsExactly("CHOWN");
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(init.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("state", STATE_DIR));
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void podsGetNoKubernetesApiToken(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    ServiceAccount sa = r.one(ServiceAccount.class);

    assertThat(sa.getAutomountServiceAccountToken()).isFalse();
    assertThat(r.pod().getServiceAccountName()).isEqualTo(sa.getMetadata().getName());
    assertThat(r.pod().getAutomountServiceAccountToken()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void toleratesEveryTaintSoThatEveryNodeIncludingTheControlPlaneRunsOne(String overlay) {
    List<Toleration> tolerations = RenderedOverlay.of(overlay).pod().getTolerations();

    assertThat(tolerations).anySatisfy(t -> {
      assertThat(t.getOperator()).isEqualTo("Exists");
      assertThat(t.getKey()).isNull();
      assertThat(t.getEffect()).isNull();
    });
    assertThat(RenderedOverlay.of(overlay).pod().getNodeSelector()).isEmpty();
    assertThat(RenderedOverlay.of(overlay).pod().getAffinity()).isNull();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void hostPathsAreTheExpectedOnesAndAllButTheStateDirectoryAreReadOnly(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);
    Map<String, VolumeMount> mounts = r.agent().getVolumeMounts().stream()
        .collect(Collectors.toMap(VolumeMount::getName, m -> m));
    Map<String, String> hostPathToMount = r.pod().getVolumes().stream()
        .filter(v -> v.getHostPath() != null)
        .collect(Collectors.toMap(v -> v.getHostPath().getPath(), v -> mounts.get(v.getName()).getMountPath()));

    assertThat(hostPathToMount).containsOnly(
        Map.entry("/proc", "/host/proc"),
        Map.entry("/sys", "/host/sys"),
        Map.entry("/var/log/pods", "/var/log/pods"),
        Map.entry(STATE_DIR, STATE_DIR));
    for (Volume v : r.pod().getVolumes()) {
      VolumeMount m = mounts.get(v.getName());
      assertThat(m).as("volume %s is mounted in the agent container", v.getName()).isNotNull();
      boolean writable = v.getName().equals("state") || v.getName().equals("tmp");
      assertThat(Boolean.TRUE.equals(m.getReadOnly())).as("%s read-only", m.getMountPath()).isEqualTo(!writable);
      assertThat(m.getSubPath()).as("no subPath: a subPath mount never sees a rotated secret").isNull();
    }
    assertThat(r.volume("tmp").getEmptyDir().getSizeLimit()).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("io.companyos.agent.deploy.Overlays#all")
  void secretsAreReferencedNotShippedAndReadableOnlyByTheAgentsGroup(String overlay) {
    RenderedOverlay r = RenderedOverlay.of(overlay);

    assertThat(r.all(io.fabric8.kubernetes.api.model.Secret.class)).isEmpty();
    List<String> secretNames = r.pod().getVolumes().stream().filter(v -> v.getSecret() != null)
        .map(v -> v.getSecret().getSecretName()).toList();
    assertThat(secretNames).containsExactlyInAnyOrder("companyos-agent-vendor-key", "companyos-agent-admin-token",
        "companyos-agent-license", "companyos-agent-probe-credentials");
    r.pod().getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> {
      assertThat(v.getSecret().getDefaultMode()).as(v.getName()).isEqualTo(0440);
      assertThat(v.getSecret().getOptional()).as(v.getName()).isTrue();
    });
    assertThat(r.pod().getSecurityContext().getFsGroup()).isEqualTo(AGENT_UID);
  }
}
