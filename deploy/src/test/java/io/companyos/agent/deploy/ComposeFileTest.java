package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.companyos.agent.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/compose: the agent service is locked down like the pod, and its configuration passes check-config. */
class ComposeFileTest {
  private static JsonNode agent;
  private static Path composeDir;

  @BeforeAll
  static void parse() throws Exception {
    composeDir = Repository.resolve("deploy/compose");
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(composeDir.resolve("docker-compose.yml").toFile());
    assertThat(compose.path("services").size()).isEqualTo(1);
    agent = compose.path("services").path("agent");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void runsNonRootReadOnlyWithoutCapabilities() {
    assertThat(agent.path("user").asText())
        .isEqualTo(DaemonSetSecurityTest.AGENT_UID + ":" + DaemonSetSecurityTest.AGENT_UID);
    assertThat(agent.path("read_only").asBoolean()).isTrue();
    assertThat(strings(agent.path("cap_drop"))).containsExactly("ALL");
    assertThat(agent.has("cap_add")).isFalse();
    assertThat(agent.has("privileged")).isFalse();
    assertThat(strings(agent.path("security_opt"))).containsExactly("no-new-privileges:true");
  }

  @Test
  void usesTheImagesHealthCheck() throws Exception {
    DockerfileInstructions dockerfile = DockerfileInstructions.read(Repository.resolve("deploy/Dockerfile"));
    String healthcheck = dockerfile.last("HEALTHCHECK");
    List<String> imageCommand = DockerfileInstructions.execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));
    JsonNode hc = agent.path("healthcheck");

    List<String> expected = new ArrayList<>(List.of("CMD"));
    expected.addAll(imageCommand);
    assertThat(strings(hc.path("test"))).isEqualTo(expected);
    assertThat(healthcheck).contains("--interval=" + hc.path("interval").asText(),
        "--timeout=" + hc.path("timeout").asText(), "--start-period=" + hc.path("start_period").asText(),
        "--retries=" + hc.path("retries").asInt());
  }

  @Test
  void mountsConfigKeysAndHostMetricsReadOnlyAndStateWritable() {
    List<String> volumes = strings(agent.path("volumes"));

    assertThat(volumes).contains(
        "./agent.yaml:" + ContainerImageTest.CONFIG_PATH + ":ro",
        "./keys:/etc/companyos-agent/keys:ro",
        "/proc:/host/proc:ro",
        "/sys:/host/sys:ro",
        "state:" + DaemonSetSecurityTest.STATE_DIR);
    for (String v : volumes) {
      String[] parts = v.split(":");
      boolean bindMount = parts[0].startsWith("/") || parts[0].startsWith(".");
      if (bindMount) {
        assertThat(parts).as("bind mount %s is read-only", v).hasSize(3);
        assertThat(parts[2]).isEqualTo("ro");
      }
    }
    assertThat(strings(agent.path("tmpfs"))).containsExactly("/tmp:size=64m");
  }

  @Test
  void exposesTheAgentOnTheHostsLoopbackOnly() {
    assertThat(strings(agent.path("ports"))).containsExactly("127.0.0.1:9464:9464");
  }

  @Test
  void runsTheDaemonWithTheMountedConfigurationAndTheSameLimitsAsThePod() {
    assertThat(strings(agent.path("command")))
        .containsExactly("run", "--config", ContainerImageTest.CONFIG_PATH, "--log-format", "json");
    assertThat(agent.path("deploy").path("resources").path("limits").path("memory").asText()).isEqualTo("512M");
    assertThat(agent.path("stop_grace_period").asText()).isEqualTo("15s");
  }

  @Test
  void itsConfigurationPassesCheckConfigAndEveryPathIsMounted() throws Exception {
    String text = Files.readString(composeDir.resolve("agent.yaml"));
    CheckConfig.Result result = CheckConfig.run(text);

    assertThat(result.err()).isEqualTo("config OK\n");
    assertThat(result.exitCode()).isZero();
    AgentConfig config = CheckConfig.effective(text, Map.of());
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.server().insecure()).as("published on the host's loopback only").isTrue();
    assertThat(config.server().port()).isEqualTo(9464);
    List<MountedPaths.Mount> mounts = new ArrayList<>();
    for (String v : strings(agent.path("volumes"))) {
      String[] parts = v.split(":");
      mounts.add(new MountedPaths.Mount(Path.of(parts[1]), parts.length > 2 && parts[2].equals("ro")));
    }
    mounts.add(new MountedPaths.Mount(Path.of("/tmp"), false));
    MountedPaths.assertEveryPathIsMounted(config, mounts);
  }
}
