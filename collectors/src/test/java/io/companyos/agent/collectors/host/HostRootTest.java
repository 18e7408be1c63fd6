package io.companyos.agent.collectors.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host root moves where OSHI reads {@code /proc}: proven with a made-up {@code /proc}. */
class HostRootTest {

  @TempDir Path root;

  @Test
  void memoryIsReadFromTheHostRootsProc() throws Exception {
    fakeRoot();

    List<String> out = runMain(root.toString());

    assertThat(out).containsExactly(
        "memory.total=" + 2048 * 1024, "memory.available=" + 1024 * 1024,
        "memory.used=" + 1024 * 1024, "swap.used=" + 3072 * 1024);
  }

  @Test
  void aSecondRootAfterOshiLoadedIsRefused() throws Exception {
    fakeRoot();
    Path other = Files.createDirectories(root.resolve("other"));

    List<String> out = runMain(root.toString(), other.toString());

    assertThat(out).last().isEqualTo("error=host metrics already read " + root.resolve("proc")
        + "; the host root must be set before the first host metric is read");
  }

  private void fakeRoot() throws Exception {
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("sys"));
    Files.createDirectories(root.resolve("dev"));
    Files.writeString(root.resolve("proc/meminfo"), String.join("\n",
        "MemTotal:        2048 kB", "MemFree:          512 kB", "MemAvailable:    1024 kB",
        "SwapTotal:       4096 kB", "SwapFree:        1024 kB", ""));
  }

  private static List<String> runMain(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
        HostRootMain.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> l.contains("=")).toList();
  }
}
