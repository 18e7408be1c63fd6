package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log of binary garbage and invalid UTF-8 with secrets between the garbage goes through the real redactor: it is
 * kept (not dropped whole for one bad byte), no planted secret survives, and the text after the garbage is intact.
 */
class HostileLogExportTest {
  private static final String EMAIL = "jane.doe@globex.example";
  private static final String PASSWORD = "Hunter2-Planted!";

  @TempDir
  Path tmp;

  @Test
  void binaryGarbageAndInvalidUtf8AreRedactedAroundNotDropped() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs/app"));
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    byte[] garbage = new byte[512 * 1024];
    new SplittableRandom(13).nextBytes(garbage);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    log.writeBytes((now + " INFO login ok for " + EMAIL + "\n").getBytes(StandardCharsets.UTF_8));
    log.writeBytes(garbage);
    log.writeBytes(new byte[] {'\n', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, (byte) 0xFE, 0, 0, ' '});
    log.writeBytes(("password=" + PASSWORD + " in a line that starts with invalid UTF-8\n")
        .getBytes(StandardCharsets.UTF_8));
    log.writeBytes((now + " ERROR the end for " + EMAIL + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(logs.resolve("app.log"), log.toByteArray());
    Path config = tmp.resolve("agent.yaml");
    Files.writeString(config, String.join("\n", "stateDir: " + tmp.resolve("state"),
        "logs:", "  - { path: \"" + tmp.resolve("logs") + "/*/*.log\", service: app }", ""));
    Path review = tmp.resolve("review");

    var cl = AgentCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute("export-bundle", "--config", config.toString(), "--include", "logs",
        "--review", review.toString());

    assertThat(status).as(err.toString()).isZero();
    JsonNode manifest = new ObjectMapper().readTree(review.resolve("manifest.json").toFile());
    assertThat(manifest.get("omissions")).as(manifest.toString()).isEmpty();
    byte[] staged = Files.readAllBytes(review.resolve("logs/app/app/app.log"));
    String text = new String(staged, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain(EMAIL).doesNotContain(PASSWORD);
    assertThat(text).startsWith(now + " INFO login ok for ").endsWith("\n")
        .contains(" ERROR the end for ");
    assertThat(staged.length).as("the garbage is kept, not dropped").isGreaterThan(garbage.length / 2);
  }
}
