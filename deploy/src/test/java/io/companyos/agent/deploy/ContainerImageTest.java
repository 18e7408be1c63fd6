package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile, checked by construction (no Docker engine here): its stages, user, entrypoint, health check,
 * labels and the files it copies. {@link ImageLayoutRunTest} runs the same files in the same layout.
 */
class ContainerImageTest {
  static final String CONFIG_PATH = "/etc/companyos-agent/config/agent.yaml";
  private static DockerfileInstructions dockerfile;

  @BeforeAll
  static void read() throws Exception {
    dockerfile = DockerfileInstructions.read(Repository.resolve("deploy/Dockerfile"));
  }

  @Test
  void buildsWithMavenThenRunsOnAJre17() {
    Map<String, String> args = dockerfile.keyValues("ARG");

    assertThat(dockerfile.all("FROM")).containsExactly("${BUILD_IMAGE} AS build", "${RUNTIME_IMAGE}");
    assertThat(args.get("BUILD_IMAGE")).startsWith("maven:").contains("eclipse-temurin-17");
    assertThat(args.get("RUNTIME_IMAGE")).isEqualTo("eclipse-temurin:17-jre");
    assertThat(dockerfile.all("RUN").get(0)).contains("mvn -B -q -DskipTests -pl agent -am package");
  }

  @Test
  void theAgentReportsTheImagesVersion() throws Exception {
    // one VERSION before the first FROM, taken into both stages: the jar's agent.version and the OCI label agree
    assertThat(dockerfile.instructions().get(0).keyword()).isEqualTo("ARG");
    assertThat(dockerfile.keyValues("ARG")).containsKey("VERSION");
    assertThat(dockerfile.all("ARG").stream().filter("VERSION"::equals)).as("declared in each stage").hasSize(2);
    assertThat(dockerfile.all("RUN").get(0)).contains("-Dagent.version=\"${VERSION}\"");
    assertThat(Files.readString(
        Repository.resolve("agent/src/main/java-templates/io/companyos/agent/config/BuildVersion.java")))
        .contains("VALUE = \"${agent.version}\";");
    assertThat(Files.readString(Repository.resolve("agent/pom.xml")))
        .contains("<agent.version>${project.version}</agent.version>");
  }

  @Test
  void runsAsTheNonRootUserTheManifestsUse() {
    assertThat(dockerfile.last("USER")).isEqualTo(DaemonSetSecurityTest.AGENT_UID + ":" + DaemonSetSecurityTest.AGENT_UID);
  }

  @Test
  void theStateDirectoryIsTheOnlyPlaceTheImageExpectsToWrite() throws Exception {
    String state = DaemonSetSecurityTest.STATE_DIR;
    assertThat(dockerfile.last("WORKDIR")).isEqualTo(state);
    assertThat(DockerfileInstructions.execForm(dockerfile.last("VOLUME"))).containsExactly(state);
    Path bundles = CheckConfig.effective(Files.readString(Repository.resolve("deploy/image/agent.yaml")), Map.of())
        .bundle().outputDir();
    assertThat(bundles.startsWith(Path.of(state))).as("bundles (%s) go to the state volume", bundles).isTrue();
  }

  @Test
  void theClassDataSharingArchiveIsMadeAtBuildTimeAsRootAndTheAgentRunsAsItsUser() {
    List<String> keywords = dockerfile.instructions().stream().map(DockerfileInstructions.Instruction::keyword)
        .toList();
    List<String> arguments = dockerfile.instructions().stream().map(DockerfileInstructions.Instruction::arguments)
        .toList();
    int jarCopied = arguments.indexOf("--from=build /companyos-agent.jar /opt/companyos-agent/lib/companyos-agent.jar");
    int training = -1;
    for (int i = 0; i < arguments.size(); i++) {
      if (keywords.get(i).equals("RUN") && arguments.get(i).contains("--exit-when-ready")) {
        training = i;
      }
    }
    // a read-only root filesystem cannot take the archive at run time: it must be in the image, newer than the jar
    assertThat(jarCopied).isNotNegative();
    assertThat(training).as("the training run comes after the jar is copied").isGreaterThan(jarCopied);
    assertThat(arguments.get(training)).contains("test -s \"${AGENT_CDS_ARCHIVE}\"");
    assertThat(keywords.lastIndexOf("USER")).as("USER comes after every RUN").isGreaterThan(keywords.lastIndexOf("RUN"));
  }

  @Test
  void binAgentIsTheEntrypointAndRunsTheDaemonOnTheImagesConfiguration() throws Exception {
    assertThat(DockerfileInstructions.execForm(dockerfile.last("ENTRYPOINT")))
        .containsExactly("/opt/companyos-agent/bin/agent");
    assertThat(DockerfileInstructions.execForm(dockerfile.last("CMD")))
        .containsExactly("run", "--config", CONFIG_PATH);
    assertThat(dockerfile.all("COPY")).contains("deploy/image/agent.yaml " + CONFIG_PATH);
    assertThat(dockerfile.last("STOPSIGNAL")).isEqualTo("SIGTERM");
  }

  @Test
  void theHealthCheckIsTheHealthcheckScript() throws Exception {
    String healthcheck = dockerfile.last("HEALTHCHECK");
    List<String> command = DockerfileInstructions.execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));

    assertThat(command).containsExactly("/opt/companyos-agent/bin/healthcheck");
    assertThat(healthcheck).contains("--interval=30s", "--timeout=5s", "--start-period=30s", "--retries=3");
  }

  @Test
  void binAgentRunsTheBuiltJarWithItsClassDataSharingArchive() {
    Map<String, String> env = dockerfile.keyValues("ENV");

    assertThat(env).containsEntry("AGENT_JAR", "/opt/companyos-agent/lib/companyos-agent.jar")
        .containsEntry("AGENT_CDS_ARCHIVE", "/opt/companyos-agent/lib/companyos-agent.jsa")
        .containsEntry("AGENT_CDS_BATCH", "off");
    assertThat(env.get("PATH")).startsWith("/opt/companyos-agent/bin:");
    assertThat(dockerfile.all("COPY")).contains("--from=build /companyos-agent.jar " + env.get("AGENT_JAR"));
    assertThat(dockerfile.all("RUN")).anySatisfy(run -> assertThat(run)
        .contains("agent run --exit-when-ready").contains("test -s \"${AGENT_CDS_ARCHIVE}\""));
    assertThat(env.keySet()).as("no config override baked into the image: it would beat every mounted config file")
        .noneMatch(k -> k.startsWith("COMPANYOS_AGENT_"));
  }

  @Test
  void carriesTheOciLabels() {
    Map<String, String> labels = dockerfile.keyValues("LABEL");

    assertThat(labels).containsEntry("org.opencontainers.image.version", "${VERSION}")
        .containsEntry("org.opencontainers.image.source", "${SOURCE}")
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsKeys("org.opencontainers.image.title", "org.opencontainers.image.revision");
  }

  @Test
  void everyFileItCopiesFromTheContextExistsAndTheScriptsAreExecutable() {
    for (String copy : dockerfile.all("COPY")) {
      if (copy.startsWith("--from=") || copy.equals(". .")) {
        continue;
      }
      String[] parts = copy.split("\\s+");
      for (int i = 0; i < parts.length - 1; i++) {
        assertThat(Repository.resolve(parts[i])).as("COPY source %s", parts[i]).exists();
      }
    }
    assertThat(Files.isExecutable(Repository.resolve("bin/agent"))).isTrue();
    assertThat(Files.isExecutable(Repository.resolve("deploy/image/healthcheck"))).isTrue();
  }

  @Test
  void theBuildContextLeavesOutBuildOutputAndLocalState() throws Exception {
    List<String> ignored = Files.readAllLines(Repository.resolve("deploy/Dockerfile.dockerignore")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

    assertThat(ignored).contains("**/target", ".git", "**/agent-data", "**/bundles");
  }

  @Test
  void theImagesOwnConfigurationPassesCheckConfig() throws Exception {
    CheckConfig.Result result = CheckConfig.run(Files.readString(Repository.resolve("deploy/image/agent.yaml")));

    assertThat(result.err()).isEqualTo("config OK\n");
    assertThat(result.exitCode()).isZero();
    assertThat(CheckConfig.effective(Files.readString(Repository.resolve("deploy/image/agent.yaml")), Map.of())
        .stateDir()).isEqualTo(Path.of(DaemonSetSecurityTest.STATE_DIR));
  }
}
