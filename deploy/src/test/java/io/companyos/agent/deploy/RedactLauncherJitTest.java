package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/agent's choice of JIT for {@code redact}: C1 only for files of together under 96 MiB (also on standard input)
 * and {@code --reveal}, where C2's compiles cost more than they save; the engine's C2 recipe for more, and for input of
 * unknown size (a pipe, on standard input too). Read from the flags the JVM really got ({@code -XX:+PrintFlagsFinal}); {@code --threads 0}
 * makes each command a usage error right after the JVM started.
 */
class RedactLauncherJitTest {
  private static final Pattern TIER = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)");

  @TempDir
  Path dir;
  private Path small;

  @BeforeEach
  void files() throws IOException {
    small = Files.writeString(dir.resolve("app.log"), "login bob@example.org from 192.0.2.10\n");
  }

  /** The TieredStopAtLevel the launcher gave the JVM for {@code agent redact ARGS --threads 0}, with stdin a pipe. */
  private int tierFor(String... args) throws Exception {
    return tierFor(null, args);
  }

  /** As {@link #tierFor(String...)}, with standard input read from {@code stdin} when it is not null. */
  private int tierFor(Path stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("redact", "--threads", "0"));
    command.addAll(List.of(args));
    String out = launch(stdin, 2, command); // --threads 0
    Matcher m = TIER.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * The output of {@code bin/agent COMMAND…} with {@code -XX:+PrintFlagsFinal} (the flags the JVM really got), which
   * must exit with {@code status}; standard input read from {@code stdin} when it is not null.
   */
  private String launch(Path stdin, int status, List<String> command) throws Exception {
    Path jar = Repository.resolve("agent/target/companyos-agent.jar");
    assertThat(jar).as("the shaded agent jar; build it first: mvn -pl agent -am package").exists();
    List<String> line = new ArrayList<>(List.of(Repository.resolve("bin/agent").toString()));
    line.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("COMPANYOS_AGENT_") || k.startsWith("AGENT_"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("AGENT_JAR", jar.toString());
    env.put("AGENT_CDS", "off");
    env.put("AGENT_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    env.put("COMPANYOS_AGENT_STATE_DIR", dir.resolve("state").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(status);
    return out;
  }

  /** Whether the JVM of {@code out} ran with transparent huge pages for its heap. */
  private static boolean hugePages(String out) {
    Matcher m = HUGE_PAGES.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Boolean.parseBoolean(m.group(1));
  }

  private static final Pattern HUGE_PAGES = Pattern.compile("\\bUseTransparentHugePages\\s+=\\s+(true|false)");

  /**
   * The batch commands that redact ask for transparent huge pages exactly where the kernel hands them out on request
   * ({@code madvise}; with {@code never} this JVM would print a warning on standard output, redact's text); other
   * commands, the daemon among them, never (its resident set is a target). Which branch runs depends on this
   * machine's kernel setting, so the expectation is read from it.
   */
  @Test
  void hugePagesForTheRedactingBatchCommandsWhereTheKernelOffersThem() throws Exception {
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");
    assertThat(hugePages(launch(null, 2, List.of("redact", "--threads", "0", small.toString()))))
        .isEqualTo(onRequest);
    assertThat(hugePages(launch(null, 2, List.of("export-bundle", "--since", "yesterday"))))
        .isEqualTo(onRequest);
    assertThat(hugePages(launch(null, 0, List.of("version")))).isFalse();
  }

  @Test
  void smallFilesRunC1Only() throws Exception {
    assertThat(tierFor(small.toString())).isEqualTo(1);
    assertThat(tierFor("--report", dir.resolve("r.json").toString(), "--", small.toString(), small.toString()))
        .isEqualTo(1);
  }

  @Test
  void filesOfTogether96MibOrMoreGetC2() throws Exception {
    Path big = dir.resolve("big.log");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(60L << 20); // sparse: a size, no disk
    }
    assertThat(tierFor(big.toString())).isEqualTo(1);
    assertThat(tierFor(big.toString(), big.toString())).isEqualTo(4);
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(96L << 20);
    }
    assertThat(tierFor(small.toString(), big.toString())).isEqualTo(4);
  }

  @Test
  void inputOfUnknownSizeGetsC2() throws Exception {
    // standard input (the config file is an option's value, not an input)
    Path config = Files.writeString(dir.resolve("agent.yaml"), "stateDir: " + dir.resolve("state") + "\n");
    assertThat(tierFor("-c", config.toString())).isEqualTo(4);
    // a pipe or device, as <(zcat app.log.gz) passes, beside a small file
    assertThat(tierFor(small.toString(), "/dev/stdin")).isEqualTo(4);
    // a missing file: redact names it; its size is not known to the launcher
    assertThat(tierFor(dir.resolve("nope.log").toString())).isEqualTo(4);
  }

  @Test
  void standardInputFromASmallFileRunsC1Only() throws Exception {
    Path config = Files.writeString(dir.resolve("agent.yaml"), "stateDir: " + dir.resolve("state") + "\n");
    assertThat(tierFor(small, "-c", config.toString())).isEqualTo(1);
    Path big = dir.resolve("big.log");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(96L << 20);
    }
    assertThat(tierFor(big, "-c", config.toString())).isEqualTo(4);
  }

  @Test
  void revealRunsC1Only() throws Exception {
    assertThat(tierFor("--reveal", "<ipv4:0a1b2c3d>")).isEqualTo(1);
  }
}
