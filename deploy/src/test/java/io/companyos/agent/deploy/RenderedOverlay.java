package io.companyos.agent.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One kustomization of deploy/kubernetes, rendered by kubectl and read into the typed model. */
record RenderedOverlay(String name, List<HasMetadata> resources) {
  static final String NAMESPACE = "companyos-agent";
  private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

  RenderedOverlay {
    resources = List.copyOf(resources);
  }

  /** Renders {@code deploy/kubernetes/<relativeDir>} once per test run. */
  static RenderedOverlay of(String relativeDir) {
    return CACHE.computeIfAbsent(relativeDir, dir -> {
      Path path = Repository.resolve("deploy/kubernetes").resolve(dir);
      try {
        return new RenderedOverlay(dir, new StrictKubernetesYaml().parse(Kustomize.render(path)));
      } catch (IOException e) {
        throw new IllegalStateException("cannot render " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted rendering " + path, e);
      }
    });
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    if (found.size() != 1) {
      throw new AssertionError(name + ": expected one " + type.getSimpleName() + ", found " + found.size());
    }
    return found.get(0);
  }

  DaemonSet daemonSet() {
    return one(DaemonSet.class);
  }

  PodSpec pod() {
    return daemonSet().getSpec().getTemplate().getSpec();
  }

  Container agent() {
    return pod().getContainers().stream().filter(c -> c.getName().equals("agent")).findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no container named agent"));
  }

  Volume volume(String volumeName) {
    return pod().getVolumes().stream().filter(v -> v.getName().equals(volumeName)).findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no volume named " + volumeName));
  }

  ConfigMap configMap(String generatedName) {
    return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(generatedName)).findFirst()
        .orElseThrow(() -> new AssertionError(name + ": no ConfigMap named " + generatedName));
  }
}
