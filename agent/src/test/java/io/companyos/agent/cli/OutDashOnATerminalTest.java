package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-bundle --out -} with standard output on a terminal (a pseudo-terminal from util-linux
 * {@code script}): refused before any work, instead of writing the encrypted bundle onto the screen.
 */
class OutDashOnATerminalTest {
  @TempDir
  Path dir;

  @Test
  void theBundleIsNotWrittenOntoATerminal() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script");
    Path config = Files.writeString(dir.resolve("agent.yaml"), "stateDir: " + dir.resolve("state") + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName()
        + " export-bundle -c '" + config + "' --out -";
    Process p = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output.replace("\r", "")).isEqualTo("error: --out -: standard output is a terminal; redirect it to a"
        + " file or a pipe (--out - > bundle.tar.zst.pgp), or give --out a path\n");
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(dir.resolve("state")).doesNotExist();
  }
}
