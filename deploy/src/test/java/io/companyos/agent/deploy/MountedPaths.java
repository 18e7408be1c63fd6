package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.config.AgentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The configuration's paths checked against a container's mounts: every file it names lies on a mounted volume, and
 * what the agent writes (its state and bundle directories) lies on a writable one, since the root filesystem is
 * read-only.
 */
final class MountedPaths {
  /** A mount point in the container. */
  record Mount(Path mountPath, boolean readOnly) {}

  /** Configuration keys whose paths the agent writes to. */
  static final Set<String> WRITTEN = Set.of("stateDir", "bundle.outputDir");

  private MountedPaths() {}

  static void assertEveryPathIsMounted(AgentConfig config, List<Mount> mounts) {
    for (ConfigPaths.ConfiguredPath p : ConfigPaths.of(config)) {
      assertThat(p.path().isAbsolute()).as("%s is an absolute path (%s)", p.key(), p.path()).isTrue();
      Mount mount = mounts.stream()
          .filter(m -> p.path().normalize().startsWith(m.mountPath()))
          .max((a, b) -> Integer.compare(a.mountPath().getNameCount(), b.mountPath().getNameCount()))
          .orElse(null);
      assertThat(mount).as("%s (%s) lies on a mounted volume", p.key(), p.path()).isNotNull();
      if (WRITTEN.contains(p.key())) {
        assertThat(mount.readOnly()).as("%s (%s) lies on a writable volume", p.key(), p.path()).isFalse();
      }
    }
  }
}
