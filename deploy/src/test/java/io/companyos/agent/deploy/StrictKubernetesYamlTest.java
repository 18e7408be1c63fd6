package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict reader refuses what the API server would silently drop or reject. */
class StrictKubernetesYamlTest {
  private final StrictKubernetesYaml reader = new StrictKubernetesYaml();

  private static final String DAEMONSET = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        template:
          spec:
            containers:
              - name: agent
                securityContext:
                  %s: true
      """;

  @Test
  void readsKnownFieldsIntoTheTypedModel() throws Exception {
    List<HasMetadata> parsed = reader.parse(DAEMONSET.formatted("readOnlyRootFilesystem") + "---\n");

    assertThat(parsed).singleElement().isInstanceOf(DaemonSet.class);
    DaemonSet ds = (DaemonSet) parsed.get(0);
    assertThat(ds.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext()
        .getReadOnlyRootFilesystem()).isTrue();
  }

  @Test
  void refusesAnUnknownFieldWithItsPath() {
    assertThatThrownBy(() -> reader.parse(DAEMONSET.formatted("readOnlyRootFileSystem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("document 1 (DaemonSet agent) at spec.template.spec.containers[0].securityContext"
            + ".readOnlyRootFileSystem: unknown field 'readOnlyRootFileSystem' for SecurityContext");
  }

  @Test
  void refusesAKindTheDeploymentDoesNotUse() {
    assertThatThrownBy(() -> reader.parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"))
        .hasMessage("document 1: unexpected kind 'Pod'");
  }

  @Test
  void refusesAnotherApiVersionOfAKnownKind() {
    assertThatThrownBy(() -> reader.parse("apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: x\n"))
        .hasMessage("document 1 (DaemonSet): apiVersion 'extensions/v1beta1', expected 'apps/v1'");
  }
}
