package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's files in the image's layout, run the way the image runs them (no Docker engine here): bin/agent with
 * the Dockerfile's AGENT_JAR and AGENT_CDS_ARCHIVE, the build-time training run, the daemon on the image's
 * configuration, the health check script, and SIGTERM. Paths are the Dockerfile's, under a temporary root.
 */
class ImageLayoutRunTest {
  /**
   * How long a bin/agent command may take: before the command, bin/agent may run the trimming probe ({@code java
   * -version}) and a training run of the daemon that writes the class-data archive, three JVMs in all; on a loaded
   * 2-core machine each of the two tests that do so took 43-47 s in all, and single commands passed 60 s.
   */
  private static final long BIN_AGENT_SECONDS = 180;

  @TempDir
  Path root;
  private Map<String, String> dockerfileEnv;
  private Path jar;
  private Path archive;

  @BeforeEach
  void layOut() throws Exception {
    dockerfileEnv = DockerfileInstructions.read(Repository.resolve("deploy/Dockerfile")).keyValues("ENV");
    Path builtJar = Repository.resolve("agent/target/companyos-agent.jar");
    assertThat(builtJar).as("the shaded agent jar; build it first: mvn -pl agent -am package").exists();
    jar = under(dockerfileEnv.get("AGENT_JAR"));
    archive = under(dockerfileEnv.get("AGENT_CDS_ARCHIVE"));
    copy(Repository.resolve("bin/agent"), under("/opt/companyos-agent/bin/agent"));
    copy(Repository.resolve("deploy/image/healthcheck"), under("/opt/companyos-agent/bin/healthcheck"));
    copy(Repository.resolve("deploy/image/agent.yaml"), under(ContainerImageTest.CONFIG_PATH));
    copy(builtJar, jar);
    Files.createDirectories(under("/tmp"));
    Files.createDirectories(under(DaemonSetSecurityTest.STATE_DIR)); // the Dockerfile's mkdir, mode 0700
    Files.setPosixFilePermissions(under(DaemonSetSecurityTest.STATE_DIR), PosixFilePermissions.fromString("rwx------"));
  }

  private Path under(String absolute) {
    return root.resolve(absolute.substring(1));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
    if (Files.isExecutable(from)) {
      Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private ProcessBuilder agent(Map<String, String> env, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(under("/opt/companyos-agent/bin/agent").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("COMPANYOS_AGENT_") || k.startsWith("AGENT_"));
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.put("AGENT_JAR", jar.toString());
    e.put("AGENT_CDS_ARCHIVE", archive.toString());
    e.put("AGENT_CDS_BATCH", dockerfileEnv.get("AGENT_CDS_BATCH"));
    e.put("AGENT_JAVA_OPTS", "-Djava.io.tmpdir=" + under("/tmp"));
    e.put("PATH", under("/opt/companyos-agent/bin") + File.pathSeparator + e.getOrDefault("PATH", "/usr/bin:/bin"));
    e.putAll(env);
    return pb;
  }

  @Test
  void theTrainingRunMakesTheArchiveAndTheDaemonRunsFromAnUnchangedImage() throws Exception {
    // the Dockerfile's build-time step
    Process training = agent(Map.of(
        "COMPANYOS_AGENT_STATE_DIR", under("/tmp/build-check").toString(),
        "COMPANYOS_AGENT_SERVER_PORT", "0"), "run", "--exit-when-ready").start();
    assertThat(training.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    String trainingOutput = new String(training.getInputStream().readAllBytes());
    assertThat(training.exitValue()).as(trainingOutput).isZero();
    assertThat(Files.size(archive)).isPositive();
    assertThat(batchArchive()).as("the image makes no second archive for the batch commands").doesNotExist();
    // one static archive serves both the JDK's classes and the agent's (it replaces the JDK's default archive)
    Process classes = agent(Map.of("AGENT_JAVA_OPTS", "-Djava.io.tmpdir=" + under("/tmp")
        + " -Xlog:cds=info -Xlog:class+load=info"), "version").start();
    String classLog = new String(classes.getInputStream().readAllBytes());
    assertThat(classes.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(classes.exitValue()).as(classLog).isZero();
    assertThat(classLog).as("the archive the training run made")
        .containsPattern("Opened (shared )?archive (file )?" + java.util.regex.Pattern.quote(archive.toString()))
        .contains("java.lang.Object source: shared objects file")
        .contains("io.companyos.agent.cli.Main source: shared objects file")
        .doesNotContain("/lib/server/classes"); // the JDK's default archive is not mapped beside it

    Map<String, String> imageBefore = snapshot();
    // as at run time: the installation read-only (enforced when the test does not run as root), a HOME that does
    // not exist (the image's user has none of its own), the working directory the Dockerfile's WORKDIR
    readOnly(under("/opt/companyos-agent"));
    readOnly(under("/etc/companyos-agent"));
    Path home = under("/nonexistent-home");
    // port 0: the daemon binds a free port itself and names it in its start-up line (a port picked here and released
    // could be taken by another process before the daemon binds it)
    Map<String, String> runtimeEnv = Map.of(
        "COMPANYOS_AGENT_STATE_DIR", under(DaemonSetSecurityTest.STATE_DIR).toString(),
        "COMPANYOS_AGENT_SERVER_PORT", "0",
        "HOME", home.toString());
    Path log = root.resolve("daemon.log");
    Process daemon = agent(runtimeEnv, "run", "--config", under(ContainerImageTest.CONFIG_PATH).toString())
        .directory(under(DaemonSetSecurityTest.STATE_DIR).toFile())
        .redirectOutput(log.toFile()).start();
    int port = 0;
    try {
      port = await().atMost(Duration.ofSeconds(BIN_AGENT_SECONDS)).pollInterval(Duration.ofMillis(200))
          .until(() -> boundPort(log, daemon), p -> p != 0);
      int bound = port;
      await().atMost(Duration.ofSeconds(BIN_AGENT_SECONDS)).pollInterval(Duration.ofMillis(200))
          .until(() -> healthcheck(bound) == 0);
      List<String> jvmArgs = List.of(daemon.info().arguments().orElse(new String[0]));
      assertThat(jvmArgs).as("bin/agent execs java with the daemon's flags and the image's archive")
          .contains("-XX:SharedArchiveFile=" + archive, "-Xmx64m", "-XX:+UseSerialGC")
          .containsSubsequence("-cp", jar.toString(), "io.companyos.agent.cli.Main", "run");
      if (javaAccepts(TRIM)) {
        assertThat(jvmArgs).as("native-heap trimming, remembered by the training run").containsSubsequence(TRIM);
      } else {
        assertThat(jvmArgs).doesNotContain(TRIM.get(1));
      }
    } finally {
      daemon.destroy(); // SIGTERM
    }
    assertThat(daemon.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue(); // the promise of 10 s: AgentProcessTest
    assertThat(daemon.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("listening on 0.0.0.0:" + port);

    assertThat(snapshot()).as("nothing outside the state directory and /tmp was written").isEqualTo(imageBefore);
    assertThat(home).as("nothing wants a home directory").doesNotExist();
    assertThat(under(DaemonSetSecurityTest.STATE_DIR + "/logs/agent.log")).as("the daemon's own log, in the state"
        + " volume").isNotEmptyFile();
    assertThat(healthcheck(port)).as("the health check fails once the agent is gone").isEqualTo(1);
  }

  @Test
  void outsideTheImageTheRedactingCommandsMapAnArchiveWithTheEngineAndTheDaemonDoesNot() throws Exception {
    Map<String, String> bare = Map.of("AGENT_CDS_BATCH", "on",
        "COMPANYOS_AGENT_STATE_DIR", under("/tmp/bare-state").toString(), "COMPANYOS_AGENT_SERVER_PORT", "0");
    Process training = agent(bare, "version").start();
    String trainingOutput = new String(training.getInputStream().readAllBytes());
    assertThat(training.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(training.exitValue()).as(trainingOutput).isZero();
    assertThat(archive).isNotEmptyFile();
    assertThat(batchArchive()).as("made by the same training").isNotEmptyFile();
    assertThat(archiveBeside("-redact.jsa")).as("redact's own, made by the same training").isNotEmptyFile();

    Map<String, String> logged = new HashMap<>(bare);
    logged.put("AGENT_JAVA_OPTS", "-Djava.io.tmpdir=" + under("/tmp") + " -Xlog:class+load=info");
    Process redact = agent(logged, "redact").redirectErrorStream(false).start();
    redact.getOutputStream().write("login jane@example.com from 192.0.2.7\n".getBytes(StandardCharsets.UTF_8));
    redact.getOutputStream().close();
    String redactLog = new String(redact.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(redact.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(redact.exitValue()).as(redactLog).isZero();
    assertThat(redactLog).containsPattern("login <email:[0-9a-f]{8}> from <ipv4:[0-9a-f]{8}>")
        .contains("io.companyos.agent.redaction.detect.CatalogScanner source: shared objects file")
        .contains("io.companyos.agent.redaction.detect.EmailDetector source: shared objects file")
        .contains("io.companyos.agent.cli.RedactCommand source: shared objects file");

    Process version = agent(logged, "version").start();
    String versionLog = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(version.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(versionLog).as("every other command maps the daemon's archive, without the engine's classes")
        .contains("io.companyos.agent.cli.Main source: shared objects file")
        .doesNotContain("RedactCommand source: shared objects file");
  }

  @Test
  void aBatchArchiveThatCannotBeMadeIsNotTriedAgainAtEveryCommand() throws Exception {
    // a Java whose dump of the merged class list fails (JDK 25 refused a naive merge: its lists number the classes)
    Path home = javaRefusing("/picky-jdk", "*batch-classes*", "class list format error.");
    Map<String, String> picky = Map.of("JAVA_HOME", home.toString(), "AGENT_CDS_BATCH", "on",
        "COMPANYOS_AGENT_STATE_DIR", under("/tmp/picky-state").toString(), "COMPANYOS_AGENT_SERVER_PORT", "0");
    for (int i = 0; i < 2; i++) {
      Process redact = agent(picky, "redact").start();
      redact.getOutputStream().write("mail jane@example.com\n".getBytes(StandardCharsets.UTF_8));
      redact.getOutputStream().close();
      String output = new String(redact.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(redact.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(redact.exitValue()).as(output).isZero();
      assertThat(output).containsPattern("mail <email:[0-9a-f]{8}>");
      if (i == 0) {
        assertThat(output).contains("preparing the class-data archive");
      } else {
        assertThat(output).as("no second training").doesNotContain("preparing");
      }
    }
    assertThat(archive).as("the daemon's archive is made all the same").isNotEmptyFile();
    assertThat(batchArchive()).as("an empty file: tried for this jar").isEmptyFile();
  }

  private Path batchArchive() {
    return archiveBeside("-batch.jsa");
  }

  private Path archiveBeside(String suffix) {
    String name = archive.getFileName().toString();
    return archive.resolveSibling(name.substring(0, name.length() - ".jsa".length()) + suffix);
  }

  @Test
  void withoutAWritableTemporaryDirectoryBinAgentRunsWithoutTrainingAnArchive() throws Exception {
    // no archive yet and its directory writable, but nowhere for the training run's state: bin/agent must still run
    // the command (it used to stop under set -e when mktemp failed)
    Process version = agent(Map.of("TMPDIR", under("/no-such-tmp").toString()), "version").start();
    assertThat(version.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    String output = new String(version.getInputStream().readAllBytes());
    assertThat(version.exitValue()).as(output).isZero();
    assertThat(output).startsWith("companyos-agent ");
    assertThat(archive).as("no archive without a training run").doesNotExist();
  }

  @Test
  void aJavaThatRefusesNativeHeapTrimmingRunsTheDaemonWithoutIt() throws Exception {
    // a JDK 17 build before 17.0.9 does not know -XX:TrimNativeHeapInterval and would not start with it
    Path home = javaRefusing("/old-jdk", "-XX:TrimNativeHeapInterval=*", "Unrecognized VM option");
    Process run = agent(Map.of("JAVA_HOME", home.toString(),
        "COMPANYOS_AGENT_STATE_DIR", under("/tmp/old-jdk-state").toString(),
        "COMPANYOS_AGENT_SERVER_PORT", "0"), "run", "--exit-when-ready").start();
    assertThat(run.waitFor(BIN_AGENT_SECONDS, TimeUnit.SECONDS)).isTrue();
    String output = new String(run.getInputStream().readAllBytes());
    assertThat(run.exitValue()).as(output).isZero();
    try (Stream<Path> lib = Files.list(jar.getParent())) {
      assertThat(lib.filter(p -> p.toString().endsWith(".trim")).map(p -> readString(p).strip()))
          .as("the probe's answer, remembered beside the jar").containsExactly("no");
    }
  }

  /**
   * A Java home under {@code dir} whose {@code java} fails with {@code message} when an argument matches the shell
   * pattern {@code refused}, and otherwise runs this test's Java.
   */
  private Path javaRefusing(String dir, String refused, String message) throws IOException {
    Path home = under(dir);
    Path java = home.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in " + refused + ")\n"
        + "  echo '" + message + "' >&2; exit 1 ;; esac; done\nexec '"
        + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private static final List<String> TRIM =
      List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=30000");

  private static boolean javaAccepts(List<String> flags) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(flags);
    command.add("-version");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0;
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void readOnly(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) || Files.isExecutable(p)
            ? "r-xr-xr-x" : "r--r--r--"));
      }
    }
  }

  private int healthcheck(int port) throws Exception {
    Process p = agent(Map.of("COMPANYOS_AGENT_SERVER_PORT", Integer.toString(port)))
        .command(under("/opt/companyos-agent/bin/healthcheck").toString()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    p.getInputStream().readAllBytes();
    return p.exitValue();
  }

  /** Every file of the image (not the state directory, not /tmp) with its size and modification time. */
  private Map<String, String> snapshot() throws IOException {
    Path state = under(DaemonSetSecurityTest.STATE_DIR);
    Path tmp = under("/tmp");
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.startsWith(state) || p.startsWith(tmp) || p.getFileName().toString().equals("daemon.log")) {
          continue;
        }
        files.put(root.relativize(p).toString(),
            Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return new HashMap<>(files);
  }

  private static final java.util.regex.Pattern LISTENING =
      java.util.regex.Pattern.compile(" started: .*, listening on 0\\.0\\.0\\.0:(\\d+),");

  /**
   * The port the daemon names in its start-up line (logged once it listens), 0 while it has not logged it; fails as
   * soon as the daemon exited without it, with its output.
   */
  private static int boundPort(Path log, Process daemon) throws IOException {
    boolean exited = !daemon.isAlive(); // read before the log: a daemon that logged the line and then exited is seen
    // ISO-8859-1 decodes any bytes: a UTF-8 character cut at the end of what is written so far does not throw
    java.util.regex.Matcher m = LISTENING.matcher(new String(Files.readAllBytes(log),
        java.nio.charset.StandardCharsets.ISO_8859_1));
    if (m.find()) {
      return Integer.parseInt(m.group(1));
    }
    assertThat(exited).as("the daemon exited before it listened: %s", Files.readString(log)).isFalse();
    return 0;
  }
}
