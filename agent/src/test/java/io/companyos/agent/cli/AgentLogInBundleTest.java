package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's own log file in the state directory, and that file, redacted, in the bundle's {@code agent/}. */
class AgentLogInBundleTest {
  @TempDir
  Path dir;

  private BundleFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new BundleFixture(dir);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void theDaemonsLogFileReachesTheBundleRedacted() throws Exception {
    Path daemonConfig = dir.resolve("daemon.yaml");
    Files.writeString(daemonConfig, "stateDir: " + dir.resolve("state") + "\nserver: { host: 127.0.0.1, port: 0 }\n");
    assertThat(fx.run("run", "--exit-when-ready", "--config", daemonConfig.toString())).as(fx.err.toString())
        .isZero();
    Path log = dir.resolve("state/logs/agent.log");
    assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(log.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    String logged = Files.readString(log);
    assertThat(logged).contains("listening on 127.0.0.1:");
    // a line as a careless library might log it: the bundle must carry it redacted
    Files.writeString(log, "2026-01-01T00:00:00.000Z WARN  Vendor - retry for " + BundleFixture.EMAIL + "\n",
        StandardOpenOption.APPEND);

    assertThat(fx.export("--include", "agent")).as(fx.err.toString()).isZero();
    Path extracted = dir.resolve("extracted");
    assertThat(fx.run("decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in",
        fx.onlyBundle().toString(), "--out", extracted.toString())).as(fx.err.toString()).isZero();
    String inBundle = Files.readString(extracted.resolve("agent/logs/agent.log"));
    assertThat(inBundle).contains("listening on 127.0.0.1:").contains("WARN  Vendor - retry for <")
        .doesNotContain(BundleFixture.EMAIL);
    assertThat(Files.readString(extracted.resolve("manifest.json"))).contains("1 log files");
  }
}
