package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB log that is one single line (sparse: made in no time) is exported by a child JVM limited to a 48 MiB heap:
 * the export succeeds, reads only the file's tail, and the manifest records that the file was cut to its cap.
 */
class HugeLogLineExportTest {
  @TempDir
  Path tmp;

  @Test
  void aOneGibSingleLineLogIsExportedWithinA48MibHeap() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs/app"));
    Path huge = logs.resolve("huge.log");
    long size = 1L << 30;
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.write((Instant.now().truncatedTo(ChronoUnit.SECONDS) + " ERROR a line that never ends ")
          .getBytes(StandardCharsets.US_ASCII));
      file.setLength(size);
      file.seek(size - 32);
      file.write("... and ends at last with a:b\n".getBytes(StandardCharsets.US_ASCII));
    }
    Path out = Files.createDirectories(tmp.resolve("bundles"));
    Path config = tmp.resolve("agent.yaml");
    Files.writeString(config, String.join("\n", "stateDir: " + tmp.resolve("state"),
        "logs:", "  - { path: \"" + tmp.resolve("logs") + "/*/*.log\", service: app }", ""));

    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "export-bundle", "--config", config.toString(), "--include", "logs", "--max-file-size", "8MiB",
        "--out", out.toString()))
        .redirectOutput(tmp.resolve("child.out").toFile()).redirectError(tmp.resolve("child.err").toFile()).start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    assertThat(ended).isTrue();
    assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();

    Path bundle;
    try (Stream<Path> s = Files.list(out)) {
      bundle = s.filter(p -> p.getFileName().toString().endsWith(".tar.zst.pgp")).findFirst().orElseThrow();
    }
    StringWriter manifest = new StringWriter();
    var cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(manifest, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("inspect-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), bundle.toString()))
        .isZero();
    JsonNode m = new ObjectMapper().readTree(manifest.toString());
    JsonNode truncation = m.get("truncations").get(0);
    assertThat(truncation.get("path").asText()).isEqualTo("logs/app/app/huge.log");
    assertThat(truncation.get("originalSize").asLong()).isEqualTo(size);
    assertThat(truncation.get("keptSize").asLong()).isLessThanOrEqualTo(8L * 1024 * 1024);
    assertThat(truncation.get("reason").asText()).startsWith("larger than the per-file cap");
  }
}
