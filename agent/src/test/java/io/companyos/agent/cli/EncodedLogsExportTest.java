package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log directory as a customer has it, through the real collector, writer and redactor: logrotate's compressed
 * rotations, a Windows file in UTF-16 and a core dump beside the plain logs. The redactor reads bytes as text; before
 * this, the compressed and UTF-16 files went into the bundle with every secret in them, and so did the binary one.
 */
class EncodedLogsExportTest {
  private static final String EMAIL = "jane.doe@globex.example";
  private static final String PASSWORD = "Hunter2-Planted!";

  @TempDir
  Path tmp;

  @Test
  void compressedAndUtf16LogsAreRedactedAsTextAndABinaryFileIsLeftOutSayingWhy() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs/app"));
    String old = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS).toString();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String line = " ERROR login failed for " + EMAIL + " password=" + PASSWORD + "\n";
    // plain: from the window's start, as before
    Files.writeString(logs.resolve("app.log"), old + " INFO before the window\n" + now + line);
    // compressed: taken whole (the window cannot be searched in compressed bytes), under its name without .gz
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(logs.resolve("app.log.2.gz")))) {
      gz.write((old + line + now + line).getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    utf16.writeBytes((now + " spid52 Login failed for user 'jsmith'." + line).getBytes(StandardCharsets.UTF_16LE));
    Files.write(logs.resolve("ERRORLOG"), utf16.toByteArray());
    byte[] core = new byte[4096];
    System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0x3E, 0}, 0, core, 0,
        20);
    byte[] inCore = ("DB_PASSWORD=" + PASSWORD).getBytes(StandardCharsets.UTF_16LE);
    System.arraycopy(inCore, 0, core, 1024, inCore.length);
    Files.write(logs.resolve("core.1234"), core);
    Path config = tmp.resolve("agent.yaml");
    Files.writeString(config, String.join("\n", "stateDir: " + tmp.resolve("state"),
        "logs:", "  - { path: \"" + tmp.resolve("logs") + "/*/*\", service: app }", ""));
    Path review = tmp.resolve("review");

    var cl = AgentCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute("export-bundle", "--config", config.toString(), "--include", "logs", "--since", "24h",
        "--review", review.toString());

    assertThat(status).as(err.toString()).isZero();
    Path staged = review.resolve("logs/app/app");
    try (var files = Files.list(staged)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("app.log", "app.log.2",
          "ERRORLOG");
    }
    String redacted = " ERROR login failed for <email:[0-9a-f]{8}> password=<secret:[0-9a-f]{8}>\n";
    assertThat(Files.readString(staged.resolve("app.log"))).matches(now + redacted);
    assertThat(Files.readString(staged.resolve("app.log.2"))).matches(old + redacted + now + redacted);
    assertThat(Files.readString(staged.resolve("ERRORLOG")))
        .matches(now + " spid52 Login failed for user '<user:[0-9a-f]{8}>'\\." + redacted);
    JsonNode manifest = new ObjectMapper().readTree(review.resolve("manifest.json").toFile());
    assertThat(manifest.get("omissions")).as(manifest.toString()).hasSize(1);
    assertThat(manifest.at("/omissions/0/reason").asText()).isEqualTo(
        "not redactable text: binary content (a zero byte at offset 17); the agent redacts text only");
    try (var all = Files.walk(review)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        assertThat(text).as(p.toString()).doesNotContain(PASSWORD).doesNotContain(EMAIL);
      }
    }
  }
}
