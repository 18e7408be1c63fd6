package io.companyos.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeNameTest {
  @TempDir Path dir;

  @Test
  void theDownwardApiFirstThenTheHostnameVariable() {
    assertThat(NodeName.detect(Map.of("NODE_NAME", " node-7 ", "HOSTNAME", "pod-1"), List.of())).isEqualTo("node-7");
    assertThat(NodeName.detect(Map.of("HOSTNAME", "pod-1"), List.of())).isEqualTo("pod-1");
  }

  @Test
  void withoutThemTheKernelsHostNameFromTheFirstFileThatHasOne() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    Path kernel = Files.writeString(dir.resolve("hostname"), "worker-3\n");
    assertThat(NodeName.detect(Map.of("HOSTNAME", " "), List.of(dir.resolve("missing"), empty, kernel)))
        .isEqualTo("worker-3");
  }

  @Test
  void onLinuxTheKernelsNameIsWhatTheDefaultSourcesGive() throws Exception {
    Path proc = Path.of("/proc/sys/kernel/hostname");
    if (Files.isReadable(proc)) {
      assertThat(NodeName.detect(Map.of(), List.of(proc))).isEqualTo(Files.readString(proc).trim());
    }
    assertThat(NodeName.detect(Map.of(), List.of())).isNotBlank();
  }
}
