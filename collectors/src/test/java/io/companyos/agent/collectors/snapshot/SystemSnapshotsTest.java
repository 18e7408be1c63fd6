package io.companyos.agent.collectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSnapshotsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path hostRoot;

  @Test
  void readsKernelAndDistributionBelowTheHostRootAndKubernetesFromTheDownwardApi() throws Exception {
    Files.createDirectories(hostRoot.resolve("proc/sys/kernel"));
    Files.writeString(hostRoot.resolve("proc/sys/kernel/osrelease"), "6.1.0-18-amd64\n");
    Files.createDirectories(hostRoot.resolve("etc"));
    Files.writeString(hostRoot.resolve("etc/os-release"),
        "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
    Map<String, String> env = Map.of("NODE_NAME", "node-7", "POD_NAME", "agent-x2k9",
        "POD_NAMESPACE", "companyos", "KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "agent-x2k9");

    SystemSnapshot snapshot = new SystemSnapshots(env, hostRoot, CLOCK).capture();

    assertThat(snapshot.capturedAt()).isEqualTo(CLOCK.instant());
    assertThat(snapshot.os().kernel()).isEqualTo("6.1.0-18-amd64");
    assertThat(snapshot.os().distribution()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(snapshot.container()).isEqualTo("kubernetes");
    assertThat(snapshot.kubernetes())
        .isEqualTo(new SystemSnapshot.Kubernetes("node-7", "agent-x2k9", "companyos"));
    assertThat(snapshot.hostname()).isEqualTo("agent-x2k9");
    assertThat(snapshot.jvm().version()).isEqualTo(System.getProperty("java.version"));
    assertThat(snapshot.jvm().availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void withoutKubernetesTheIdentityIsEmptyAndJsonIsPlain() throws Exception {
    SystemSnapshot snapshot = new SystemSnapshots(Map.of(), hostRoot, CLOCK).capture();

    assertThat(snapshot.kubernetes()).isEqualTo(new SystemSnapshot.Kubernetes(null, null, null));
    assertThat(snapshot.os().kernel()).isEqualTo(System.getProperty("os.version"));
    JsonNode json = new ObjectMapper().valueToTree(snapshot); // no JSR-310 module needed
    assertThat(json.get("capturedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(json.get("os").get("arch").asText()).isEqualTo(System.getProperty("os.arch"));
    assertThat(json.get("jvm").get("maxHeapBytes").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());
  }
}
