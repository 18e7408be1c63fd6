package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RedactCommandTest {
  @TempDir Path dir;
  private Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeConfig() throws Exception {
    config = dir.resolve("agent.yaml");
    Files.writeString(config, "stateDir: " + dir.resolve("state") + "\n"
        + "redaction:\n  customerDomains: [acme.com]\n  keywords: [Falcon]\n"
        + "  rules:\n    - name: ticket\n      pattern: 'PROJ-[0-9]+'\n"
        + "  strategies:\n    ipv4: mask\n");
  }

  private int run(String... args) {
    CommandLine cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void stdinToStdoutWithTheConfiguredRules() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(
        "jane@acme.com on db1.acme.com from 10.1.2.3 re PROJ-42 falcon\n".getBytes(StandardCharsets.UTF_8)), stdout));
    assertThat(cl.execute("--config", config.toString())).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .matches("<email:[0-9a-f]{8}> on <host:[0-9a-f]{8}> from <ipv4> re <ticket:[0-9a-f]{8}> <keyword:[0-9a-f]{8}>\n");
  }

  @Test
  void filesIntoAnOutputDirectoryWithAReportAndTheKeyAndReverseMapOwnerOnly() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    Path b = Files.writeString(dir.resolve("b.log"), "login password=hunter2 from 10.9.8.7\n");
    Path outDir = dir.resolve("out");
    Path report = dir.resolve("report.json");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), "--report", report.toString(),
        a.toString(), b.toString())).isZero();
    assertThat(Files.readString(outDir.resolve("a.log"))).matches("login <email:[0-9a-f]{8}>\n");
    assertThat(Files.readString(outDir.resolve("b.log"))).matches("login password=<secret:[0-9a-f]{8}> from <ipv4>\n");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.at("/sources").size()).isEqualTo(2);
    assertThat(json.toString()).doesNotContain("hunter2").doesNotContain("bob@");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state/pseudonym.key"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state/pseudonyms.tsv"))))
        .isEqualTo("rw-------");
  }

  @Test
  void revealLooksTokensUpInTheLocalReverseMap() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), a.toString())).isZero();
    Matcher m = Pattern.compile("<email:[0-9a-f]{8}>").matcher(Files.readString(outDir.resolve("a.log")));
    assertThat(m.find()).isTrue();
    assertThat(run("redact", "-c", config.toString(), "--reveal", m.group(), "<email:00000000>")).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(m.group() + "\tbob@example.org\n<email:00000000>\t(unknown on this installation)\n");
  }

  @Test
  void revealTakesTokensWithoutTheirBracketsOrFromTextOnStdinInOnePass() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org on db1.acme.com from carol@example.org\n");
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), a.toString())).isZero();
    String redacted = Files.readString(outDir.resolve("a.log"));
    Matcher m = Pattern.compile("<(email|host):[0-9a-f]{8}>").matcher(redacted);
    List<String> tokens = new ArrayList<>();
    while (m.find()) {
      tokens.add(m.group());
    }
    assertThat(tokens).hasSize(3);

    // as typed in a shell without quotes: no angle brackets
    String bare = tokens.get(1).substring(1, tokens.get(1).length() - 1);
    assertThat(run("redact", "-c", config.toString(), "--reveal", bare)).isZero();
    assertThat(out.toString()).isEqualTo(tokens.get(1) + "\tdb1.acme.com\n");

    // '--reveal -': every token in a pasted excerpt, each once, in order
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(
        ("support says: see " + redacted + " and again " + tokens.get(0)).getBytes(StandardCharsets.UTF_8)), stdout));
    StringWriter revealed = new StringWriter();
    cl.setOut(new PrintWriter(revealed, true));
    assertThat(cl.execute("-c", config.toString(), "--reveal", "-")).isZero();
    assertThat(revealed.toString()).isEqualTo(tokens.get(0) + "\tbob@example.org\n" + tokens.get(1)
        + "\tdb1.acme.com\n" + tokens.get(2) + "\tcarol@example.org\n");
  }

  /** The tokens of {@code text} redacted into the state directory, by their label (the first of each). */
  private java.util.Map<String, String> redactedTokens(String text) throws Exception {
    Path a = Files.writeString(dir.resolve("in.log"), text);
    Path outDir = dir.resolve("redacted");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), a.toString())).isZero();
    java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("<([a-z_]+):[0-9a-f]{8}>").matcher(Files.readString(outDir.resolve("in.log")));
    while (m.find()) {
      tokens.putIfAbsent(m.group(1), m.group());
    }
    return tokens;
  }

  @Test
  void revealOfATokenNeverKeptSaysSoWithTheExitStatusOfAnUnknownOne() throws Exception {
    java.util.Map<String, String> tokens = redactedTokens(
        "login password=hunter2 card 4111111111111111 re PROJ-7 by bob@example.org\n");
    assertThat(tokens).containsOnlyKeys("secret", "card", "ticket", "email");
    String secret = tokens.get("secret");
    String card = tokens.get("card");
    String ticket = tokens.get("ticket");
    String email = tokens.get("email");

    assertThat(run("redact", "-c", config.toString(), "--reveal", secret, card.substring(1, card.length() - 1)))
        .isEqualTo(1);
    assertThat(out.toString()).isEqualTo(secret + "\t(secret values are never kept on this installation; see "
        + "docs/redaction.md#what-the-reverse-map-keeps)\n" + card + "\t(card values are never kept on this "
        + "installation; see docs/redaction.md#what-the-reverse-map-keeps)\n");

    // over a stream: the kept ones revealed, the others said never kept, each once, in order
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(
        ("see " + ticket + " by " + email + " with " + secret + " and " + ticket).getBytes(StandardCharsets.UTF_8)),
        stdout));
    StringWriter revealed = new StringWriter();
    cl.setOut(new PrintWriter(revealed, true));
    assertThat(cl.execute("-c", config.toString(), "--reveal", "-")).isEqualTo(1);
    assertThat(revealed.toString()).isEqualTo(ticket + "\t(values of custom rule ticket are never kept on this "
        + "installation; see docs/redaction.md#what-the-reverse-map-keeps)\n" + email + "\tbob@example.org\n"
        + secret + "\t(secret values are never kept on this installation; see "
        + "docs/redaction.md#what-the-reverse-map-keeps)\n");
    assertThat((out.toString() + err + revealed + Files.readString(dir.resolve("state/pseudonyms.tsv")))
        .contains("hunter2")).as("the password is printed or kept").isFalse();
  }

  @Test
  void revealOfATokenNeverKeptAnswersWithoutAReverseMap() {
    assertThat(run("redact", "-c", config.toString(), "--reveal", "jwt:0123abcd")).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("<jwt:0123abcd>\t(jwt values are never kept on this installation; see "
        + "docs/redaction.md#what-the-reverse-map-keeps)\n");
    // a token to look up still needs the map
    assertThat(run("redact", "-c", config.toString(), "--reveal", "jwt:0123abcd", "email:0123abcd")).isEqualTo(2);
    assertThat(err.toString()).contains("no pseudonym reverse map in ");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void redactRemovesThePairsNeverKeptFromTheMapOfAnEarlierVersionLoggingOnlyTheirCount() throws Exception {
    java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
    Path map = dir.resolve("state/pseudonyms.tsv");
    Files.createDirectories(map.getParent());
    String kept = "<email:00000001>\t" + base64.encodeToString("bob@example.org".getBytes(StandardCharsets.UTF_8))
        + "\n<host:00000004>\t" + base64.encodeToString("db1.acme.com".getBytes(StandardCharsets.UTF_8)) + "\n";
    Files.writeString(map, "<email:00000001>\t" + base64.encodeToString("bob@example.org".getBytes(StandardCharsets.UTF_8))
        + "\n<secret:00000002>\t" + base64.encodeToString("hunter2".getBytes(StandardCharsets.UTF_8))
        + "\n<ticket:00000003>\t" + base64.encodeToString("PROJ-7".getBytes(StandardCharsets.UTF_8))
        + "\n<host:00000004>\t" + base64.encodeToString("db1.acme.com".getBytes(StandardCharsets.UTF_8))
        + "\n<card:00000005>\t" + base64.encodeToString("4111111111111111".getBytes(StandardCharsets.UTF_8))
        + "\n");
    Files.setPosixFilePermissions(map, PosixFilePermissions.fromString("rw-------"));
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
        new ch.qos.logback.core.read.ListAppender<>();
    log.start();
    ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        io.companyos.agent.redaction.RevealLog.class);
    logger.addAppender(log);
    try {
      CommandLine cl = new CommandLine(new RedactCommand(
          new ByteArrayInputStream("nothing here\n".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream()));
      assertThat(cl.execute("-c", config.toString())).isZero();
      assertThat(Files.readString(map).equals(kept)).as("the map holds the kept lines only, in order").isTrue();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(map))).isEqualTo("rw-------");
      assertThat(log.list).hasSize(1);
      assertThat(log.list.get(0).getFormattedMessage()).isEqualTo("pseudonym reverse map " + map + ": removed 3 "
          + "entries of types that are never kept (credentials, card numbers, IBANs, SSNs, custom rules), recorded "
          + "by an earlier version");

      // once: the next run has nothing to remove and says nothing
      cl = new CommandLine(new RedactCommand(
          new ByteArrayInputStream("nothing here\n".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream()));
      assertThat(cl.execute("-c", config.toString())).isZero();
      assertThat(Files.readString(map).equals(kept)).as("the map holds the kept lines only, in order").isTrue();
      assertThat(log.list).hasSize(1);
    } finally {
      logger.detachAppender(log);
    }
  }

  /** {@code agent redact} of {@code text} on stdin, in process. */
  private String redactStdin(String text) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        stdout));
    assertThat(cl.execute("-c", config.toString())).isZero();
    return stdout.toString(StandardCharsets.UTF_8);
  }

  private static String onlyToken(String redacted) {
    Matcher m = Pattern.compile("<[a-z_]+:[0-9a-f]{8}>").matcher(redacted);
    assertThat(m.find()).as("a token in the redacted text").isTrue();
    return m.group();
  }

  @Test
  void theDocumentedCandidateCheckYieldsTheTokenOfTheValueAndOnlyOfIt() throws Exception {
    // the token support quoted, from a log that had the password under another key
    String quoted = onlyToken(redactStdin("{\"db\": {\"adminPassword\": \"c0rrect horse\"}}\n"));
    assertThat(quoted).startsWith("<secret:");
    // the command docs/redaction.md gives, run by bash as written, with `agent` this build
    String example = Files.readAllLines(Path.of("../docs/redaction.md")).stream().map(String::strip)
        .filter(l -> l.startsWith("IFS= read -rs")).findFirst().orElseThrow();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String candidate : List.of("c0rrect horse", "c0rrect horse!")) {
      ProcessBuilder pb = new ProcessBuilder("bash", "-c", "agent() { \"$JAVA\" -cp \"$CP\" " + Main.class.getName()
          + " \"$@\"; }; " + example).redirectError(dir.resolve("err.txt").toFile());
      pb.environment().put("JAVA", javaBin);
      pb.environment().put("CP", System.getProperty("java.class.path"));
      pb.environment().put(CommonOptions.CONFIG_ENV, config.toString());
      Process p = pb.start();
      try {
        try (var stdin = p.getOutputStream()) {
          stdin.write((candidate + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(printed).matches("password=<secret:[0-9a-f]{8}>\n");
        assertThat(onlyToken(printed).equals(quoted)).as("the candidate's token is the quoted one")
            .isEqualTo(candidate.equals("c0rrect horse"));
      } finally {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void aCandidateOfEveryTypeNeverKeptYieldsTheTokenOfItsValueAsTheDocsSay() throws Exception {
    // as found in a log, and as docs/redaction.md says to give the candidate
    String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
    String[][] cases = {
        {"card", "paid with 4111 1111 1111 1111 today", "4111111111111111\n"},
        {"iban", "to DE89 3704 0044 0532 0130 00 ok", "DE89370400440532013000\n"},
        {"ssn", "ssn=078-05-1120 score", "078-05-1120\n"},
        {"jwt", "Cookie: s=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk\n"},
        {"token", "GH ghp_16C7e42F292c6912E7710c838347Ae178B4a used", "ghp_16C7e42F292c6912E7710c838347Ae178B4a\n"},
        {"password_hash", "admin:$apr1$ZjTqBB3f$IF9gdYAGlMrs2fuINjHsz.", "$apr1$ZjTqBB3f$IF9gdYAGlMrs2fuINjHsz.\n"},
        {"aws_secret", "secretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"},
        // a PEM block as the log had it (its indentation is part of the value)
        {"private_key", "loaded key:\n" + pem + "done\n", pem},
        {"ticket", "re PROJ-42 today", "PROJ-42\n"},
    };
    for (String[] c : cases) {
      String quoted = onlyToken(redactStdin(c[1]));
      assertThat(quoted).as(c[0]).startsWith("<" + c[0] + ":");
      assertThat(onlyToken(redactStdin(c[2]))).as(c[0]).isEqualTo(quoted);
    }
    assertThat(Files.readAllLines(dir.resolve("state/pseudonyms.tsv"))).as("nothing of these is recorded").isEmpty();
  }

  @Test
  void revealRefusesWhatIsNotATokenNamingIt() {
    assertThat(run("redact", "-c", config.toString(), "--reveal", "bob@example.org")).isEqualTo(2);
    assertThat(err.toString()).contains("'bob@example.org' is not a pseudonym token").doesNotContain("Exception");
    assertThat(run("redact", "-c", config.toString(), "--reveal", "<email>")).isEqualTo(2);
    assertThat(err.toString()).contains("a masked value such as <email> has no original kept");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void aRuleThatDoesNotCompileIsAConfigErrorNamingTheRule() throws Exception {
    Files.writeString(config, "redaction:\n  rules:\n    - name: broken\n      pattern: '(unclosed'\n");
    assertThat(run("redact", "-c", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("config error: redaction.rules[0].pattern (line 4): "
        + "redaction rule 'broken': pattern does not compile (missing closing ))");
  }

  @Test
  void anUnknownDetectorInStrategiesIsAConfigError() throws Exception {
    Files.writeString(config, "redaction:\n  strategies:\n    emial: mask\n");
    assertThat(run("redact", "-c", config.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("config error: redaction.strategies (line 2): unknown detector 'emial' (expected one of: email, ");
  }

  @Test
  void aNamedPipeIsReadLikeAFileAsProcessSubstitutionPassesIt() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(fifo, "login bob@example.org password=hunter2\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(new byte[0]), stdout));
    assertThat(cl.execute("--config", config.toString(), fifo.toString())).isZero();
    writer.join(10_000);
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .matches("login <email:[0-9a-f]{8}> password=<secret:[0-9a-f]{8}>\n");
  }

  @Test
  void formatAutoRedactsEachFileAsABundleRedactsAConfigFileOfItsName() throws Exception {
    Path har = Files.writeString(dir.resolve("portal.har"), "{\"log\": {\"entries\": [{\"request\": {\n"
        + "  \"cookies\": [{\"name\": \"remember_me\", \"value\": \"eyJ1c2VyIjoiamFuZSJ9\"}],\n"
        + "  \"headers\": [{\"name\": \"DB_PASSWORD\",\n    \"value\": \"s3cr3t-Pa55\"}]}}]}}\n");
    Path yaml = Files.writeString(dir.resolve("app.yaml"), "db:\n  credentials:\n    user: app\n    port: 5432\n");
    Path log = Files.writeString(dir.resolve("app.log"), "{\"credentials\": {\"port\": 5432} broken\n");
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--format", "auto", "--out-dir", outDir.toString(),
        har.toString(), yaml.toString(), log.toString())).as(err.toString()).isZero();
    // JSON, re-written compact: every cookie's value, the value beside a secret's name on the next line
    JsonNode n = new ObjectMapper().readTree(outDir.resolve("portal.har").toFile());
    assertThat(n.at("/log/entries/0/request/cookies/0/value").asText()).matches("<secret:[0-9a-f]{8}>");
    assertThat(n.at("/log/entries/0/request/headers/0/value").asText()).matches("<secret:[0-9a-f]{8}>");
    // YAML: every scalar under a secret key, which the line scan leaves (its values are on lines of their own)
    String redactedYaml = Files.readString(outDir.resolve("app.yaml"));
    assertThat(redactedYaml).doesNotContain("5432").contains("credentials:");
    // any other name is text, which never fails to parse
    assertThat(Files.readString(outDir.resolve("app.log"))).isEqualTo("{\"credentials\": {\"port\": 5432} broken\n");
    // text, the default, is the line scan for every file: it does not see that port is under credentials
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    assertThat(new CommandLine(new RedactCommand(new ByteArrayInputStream(new byte[0]), stdout))
        .execute("--config", config.toString(), yaml.toString())).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("port: 5432");
  }

  @Test
  void aDocumentThatDoesNotParseInItsFormatIsWithheldNamingTheLine() throws Exception {
    Path good = Files.writeString(dir.resolve("good.json"), "{\"password\": \"hunter2two\"}\n");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"a\": 1,\n \"password\": \"hunter2two\"\n");
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--format", "json", "--out-dir", outDir.toString(),
        good.toString(), bad.toString())).isEqualTo(1);
    assertThat(Files.readString(outDir.resolve("good.json"))).matches("\\{\"password\":\"<secret:[0-9a-f]{8}>\"}\n?");
    assertThat(outDir.resolve("bad.json")).doesNotExist();
    assertThat(err.toString()).startsWith("error: " + bad + " withheld, nothing written for it (RedactionException: "
        + "not a valid JSON document (line ").doesNotContain("hunter2");
    // to standard output: the redacted part before the fault is out; the error names the file, exit 1
    err.getBuffer().setLength(0);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(new byte[0]), stdout));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("--config", config.toString(), "--format", "json", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(bad + ": not a valid JSON document (line 3)").doesNotContain("hunter2");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
  }

  /**
   * What the line scan cannot read is decoded as a bundle decodes it, or withheld: a rotated log compressed by
   * logrotate, a Windows file in UTF-16 with its byte order mark, a DER key. The other files go on.
   */
  @Test
  void compressedAndUtf16FilesAreDecodedAndABinaryOneIsWithheldSayingWhatItIs() throws Exception {
    String log = "login jane@acme.com password=hunter2secret from 10.1.2.3\n";
    Path gz = dir.resolve("app.log.2.gz");
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      zip.write(log.getBytes(StandardCharsets.UTF_8));
    }
    Path utf16 = Files.write(dir.resolve("ERRORLOG"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        ("Zoë " + log).getBytes(StandardCharsets.UTF_16LE)));
    Path der = Files.write(dir.resolve("tls.key.der"), new byte[] {0x30, (byte) 0x82, 0x04, (byte) 0xBE, 0x02, 0x01,
        0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A});
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), gz.toString(),
        utf16.toString(), der.toString())).isEqualTo(1);
    String redacted = "login <email:[0-9a-f]{8}> password=<secret:[0-9a-f]{8}> from <ipv4>\n";
    // decompressed text under its name without .gz, as gunzip names it; UTF-16 as UTF-8
    assertThat(Files.readString(outDir.resolve("app.log.2"))).matches(redacted);
    assertThat(outDir.resolve("app.log.2.gz")).doesNotExist();
    assertThat(Files.readString(outDir.resolve("ERRORLOG"))).matches("Zoë " + redacted);
    assertThat(outDir.resolve("tls.key.der")).doesNotExist();
    assertThat(err.toString())
        .contains("redact: " + gz + ": gzip-compressed text, written decompressed\n")
        .contains("redact: " + utf16 + ": UTF-16LE text, written as UTF-8\n")
        .contains("error: " + der + " withheld, nothing written for it (not redactable text: binary content (a zero"
            + " byte at offset 6); the agent redacts text only)");
    try (var left = Files.list(outDir)) {
      assertThat(left).hasSize(2);
    }

    // to standard output, and from standard input, the same
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter stderr = new StringWriter();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(Files.readAllBytes(gz)), stdout));
    cl.setErr(new PrintWriter(stderr, true));
    assertThat(cl.execute("--config", config.toString())).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).matches(redacted);
    assertThat(stderr.toString()).isEqualTo("redact: standard input: gzip-compressed text, written decompressed\n");
    stdout.reset();
    cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(new byte[0]), stdout));
    cl.setErr(new PrintWriter(stderr, true));
    assertThat(cl.execute("--config", config.toString(), der.toString(), utf16.toString())).isEqualTo(1);
    assertThat(stdout.toString(StandardCharsets.UTF_8)).matches("Zoë " + redacted);
  }

  @Test
  void aCorruptCompressedFileIsAnErrorNamingItAndWhy() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(bytes)) {
      for (int i = 0; i < 20_000; i++) {
        zip.write(("line " + i + " password=hunter2secret" + i * 7919 + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = bytes.toByteArray();
    Path cut = Files.write(dir.resolve("cut.log.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), cut.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("error: " + cut + " withheld, nothing written for it"
        + " (CorruptContentException: gzip data is corrupt or cut short: ").doesNotContain("hunter2");
    try (var left = Files.list(outDir)) {
      assertThat(left).isEmpty();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void formatJsonAppliesToStandardInputAndAnUnknownFormatIsAUsageError() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new RedactCommand(new ByteArrayInputStream(
        "{\"env\": [{\"name\": \"API_TOKEN\",\n  \"value\": \"tok_8d7f6e5a4b3c2d1e\"}]}\n"
            .getBytes(StandardCharsets.UTF_8)), stdout));
    assertThat(cl.execute("--config", config.toString(), "--format", "JSON")).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .matches("\\{\"env\":\\[\\{\"name\":\"API_TOKEN\",\"value\":\"<secret:[0-9a-f]{8}>\"}]}\n?");
    assertThat(run("redact", "-c", config.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "error: --format must be one of text, auto, json, yaml, properties, env, pgpass; got 'xml'");
  }

  @Test
  void aDirectoryIsAUsageError() {
    assertThat(run("redact", "-c", config.toString(), dir.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("error: not a readable file: " + dir);
  }

  @Test
  void aMissingFileIsAUsageError() {
    assertThat(run("redact", "-c", config.toString(), dir.resolve("nope.log").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("error: not a readable file: " + dir.resolve("nope.log"));
  }

  @Test
  void aReaderThatClosesThePipeEndsRedactQuietlyWithStatus0AndNoReport() throws Exception {
    Path big = bigLog();
    Path report = dir.resolve("report.json");
    CommandLine cl = AgentCommand.commandLineWith(new RedactCommand(new ByteArrayInputStream(new byte[0]),
        new FailingAfter(1000, "Broken pipe")));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("redact", "-c", config.toString(), "--report", report.toString(), big.toString())).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(report).doesNotExist();
  }

  @Test
  void anyOtherFailedWriteToStdoutIsAnErrorNamingStandardOutput() throws Exception {
    CommandLine cl = AgentCommand.commandLineWith(new RedactCommand(new ByteArrayInputStream(new byte[0]),
        new FailingAfter(1000, "No space left on device")));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("redact", "-c", config.toString(), bigLog().toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: cannot write to standard output: No space left on device\n");
  }

  @Test
  void aClosedPipeEndsTheRealProcessQuietlyWithStatus0() throws Exception {
    Path big = bigLog();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "redact", "-c", config.toString(),
        big.toString())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      assertThat(p.getInputStream().read()).isNotNegative();
      p.getInputStream().close(); // as `| head -c 1` does
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
      assertThat(p.exitValue()).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  /** 8 MiB of log lines: more than any pipe buffer holds. */
  private Path bigLog() throws java.io.IOException {
    Path big = dir.resolve("big.log");
    try (java.io.BufferedWriter w = Files.newBufferedWriter(big)) {
      for (int i = 0; i < 100_000; i++) {
        w.write("2026-11-26T10:00:00Z INFO request " + i + " from user" + i + "@example.org took 12 ms\n");
      }
    }
    return big;
  }

  /** A stream that fails as a pipe or disk does once {@code limit} bytes are written. */
  private static final class FailingAfter extends java.io.OutputStream {
    private final int limit;
    private final String message;
    private int written;

    FailingAfter(int limit, String message) {
      this.limit = limit;
      this.message = message;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      if (written + len > limit) {
        throw new java.io.IOException(message);
      }
      written += len;
    }
  }

  @Test
  void aFileThatCannotBeWrittenIntoTheOutputDirectoryIsNamedOnStderrWithStatus1() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    Path b = Files.writeString(dir.resolve("b.log"), "login carol@example.org\n");
    Path outDir = dir.resolve("out");
    // where b.log's temporary file would go, a non-empty directory: its write fails
    Files.createDirectories(outDir.resolve(".b.log.partial/x"));
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), a.toString(), b.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: " + b + " withheld, nothing written for it (FileSystemException: "
        + outDir.resolve(".b.log.partial") + ": Is a directory)\n");
    assertThat(outDir.resolve("a.log")).exists();
    assertThat(outDir.resolve("b.log")).doesNotExist();
  }

  @Test
  void anOutDirOrReportThatCannotBeWrittenIsAUsageErrorNamingTheOptionBeforeAnyWork() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", file.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --out-dir " + file + " is not a directory\n");
    err.getBuffer().setLength(0);
    assertThat(run("redact", "-c", config.toString(), "--report", dir.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --report " + dir + " is a directory; give a file name\n");
    err.getBuffer().setLength(0);
    Path nowhere = dir.resolve("no/such/dir/report.json");
    assertThat(run("redact", "-c", config.toString(), "--report", nowhere.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --report " + nowhere + ": directory " + nowhere.getParent()
        + " does not exist\n");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void anInputIsNeverReplacedByItsRedactedCopyOrTheReport() throws Exception {
    String original = "login password=hunter2 from 10.9.8.7\n";
    Path a = Files.writeString(dir.resolve("a.log"), original);
    assertThat(run("redact", "-c", config.toString(), "--out-dir", dir.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --out-dir " + dir + " holds the input " + a
        + ": its redacted copy would replace it; choose another directory\n");
    err.getBuffer().setLength(0);
    // the same directory by another name
    Path out = Files.createDirectory(dir.resolve("out"));
    assertThat(run("redact", "-c", config.toString(), "--out-dir", out.resolve("..").toString(), a.toString()))
        .isEqualTo(2);
    err.getBuffer().setLength(0);
    assertThat(run("redact", "-c", config.toString(), "--report", a.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --report " + a + " is an input file; give another name\n");
    Path link = Files.createSymbolicLink(out.resolve("link.json"), a);
    assertThat(run("redact", "-c", config.toString(), "--report", link.toString(), a.toString())).isEqualTo(2);
    assertThat(Files.readString(a)).isEqualTo(original);
    assertThat(dir.resolve("state")).doesNotExist();
    // a link to the input in the output directory is replaced by the copy, its target kept
    Files.createSymbolicLink(out.resolve("a.log"), a);
    assertThat(run("redact", "-c", config.toString(), "--out-dir", out.toString(), a.toString())).isZero();
    assertThat(out.resolve("a.log")).isRegularFile();
    assertThat(Files.isSymbolicLink(out.resolve("a.log"))).isFalse();
    assertThat(Files.readString(out.resolve("a.log"))).doesNotContain("hunter2").contains("<secret:");
    assertThat(Files.readString(a)).isEqualTo(original);
  }

  @Test
  void aFileThatFailsToReadIsNamed() throws Exception {
    // reading this process's memory from offset 0 fails with EIO on Linux: a read error after the file was opened
    Path mem = Path.of("/proc/self/mem");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(mem));
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CommandLine cl = AgentCommand.commandLineWith(new RedactCommand(new ByteArrayInputStream(new byte[0]), stdout));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("redact", "-c", config.toString(), a.toString(), mem.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: cannot read /proc/self/mem (Input/output error)\n");
  }

  @Test
  void onATerminalFilesShowProgressAndTheLastStateStays() throws Exception {
    Path big = bigLog();
    RedactCommand command = new RedactCommand(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
    command.progressTerminal = () -> true;
    command.stdoutTerminal = () -> false;
    CommandLine cl = AgentCommand.commandLineWith(command);
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("redact", "-c", config.toString(), big.toString())).isZero();
    String size = ByteSize.format(Files.size(big));
    assertThat(err.toString()).startsWith("\rredacting: 0/1 files, read ")
        .containsPattern("\rredacting: 1/1 files, read " + Pattern.quote(size) + " of " + Pattern.quote(size)
            + " \\([^)]+/s\\) *\n$");
  }

  @Test
  void noProgressWhenStderrIsNoTerminalOrTheTextGoesToTheSameTerminal() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    for (boolean[] terminals : new boolean[][] {{false, false}, {true, true}}) {
      RedactCommand command = new RedactCommand(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
      command.progressTerminal = () -> terminals[0];
      command.stdoutTerminal = () -> terminals[1];
      CommandLine cl = AgentCommand.commandLineWith(command);
      cl.setErr(new PrintWriter(err, true));
      assertThat(cl.execute("redact", "-c", config.toString(), a.toString())).isZero();
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theProgressLineCountsFilesAndBytesWithAnEta() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "x".repeat(3000));
    Path b = Files.writeString(dir.resolve("b.log"), "y".repeat(1000));
    RedactProgress progress = new RedactProgress(List.of(a, b));
    assertThat(progress.render(1.0)).isEqualTo("redacting: 0/2 files, read 0 B of 3.9 KiB (0 B/s)");
    try (java.io.InputStream in = progress.counting(Files.newInputStream(a))) {
      in.readAllBytes();
    }
    progress.fileDone();
    assertThat(progress.render(2.0))
        .isEqualTo("redacting: 1/2 files, read 2.9 KiB of 3.9 KiB (1.5 KiB/s), ETA 0:00");
  }

  @Test
  void aStateDirectoryThatCannotBeUsedIsExit2NamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path state = file.resolve("state");
    Files.writeString(config, "stateDir: " + state + "\n");
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    assertThat(run("redact", "-c", config.toString(), a.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: cannot use state directory " + state + " (").endsWith(")\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void stdinFromATerminalSaysHowToEndIt() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    RedactCommand command = new RedactCommand(new ByteArrayInputStream(
        "mail bob@example.org\n".getBytes(StandardCharsets.UTF_8)), stdout);
    command.stdinTerminal = () -> true;
    CommandLine cl = AgentCommand.commandLineWith(command);
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("redact", "-c", config.toString())).isZero();
    assertThat(err.toString()).isEqualTo("redact: reading standard input; end it with Ctrl-D\n");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).matches("mail <email:[0-9a-f]{8}>\n");
  }

  @Test
  void tokensAreFoundAcrossTheBlocksStdinIsReadIn() throws Exception {
    // tokens straddling the 64 Ki-character block boundaries, repeated, and a near miss
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      text.append("x".repeat((1 << 16) - 7 - text.length() % (1 << 16))).append("<email:0000000").append(i)
          .append("> <ticket:abcdef0").append(i).append('>');
    }
    text.append(" <email:00000000> <email:0000000> ");
    assertThat(PseudonymTokens.in(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8))))
        .containsExactly("<email:00000000>", "<ticket:abcdef00>", "<email:00000001>", "<ticket:abcdef01>",
            "<email:00000002>", "<ticket:abcdef02>", "<email:00000003>", "<ticket:abcdef03>");
  }

  @Test
  void revealDashReadsAWholeLogInBoundedMemory() throws Exception {
    Path a = Files.writeString(dir.resolve("a.log"), "login bob@example.org\n");
    Path outDir = dir.resolve("out");
    assertThat(run("redact", "-c", config.toString(), "--out-dir", outDir.toString(), a.toString())).isZero();
    Matcher m = Pattern.compile("<email:[0-9a-f]{8}>").matcher(Files.readString(outDir.resolve("a.log")));
    assertThat(m.find()).isTrue();
    // 96 MiB of redacted log lines with the token at the end, into a 32 MiB heap
    Path log = dir.resolve("redacted.log");
    try (java.io.BufferedWriter w = Files.newBufferedWriter(log)) {
      String line = "2026-11-26T10:00:00Z INFO request from <ipv4> took 12 ms\n";
      for (long written = 0; written < 96L << 20; written += line.length()) {
        w.write(line);
      }
      w.write("and finally " + m.group() + "\n");
    }
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "redact", "-c", config.toString(),
        "--reveal", "-")
        .redirectInput(log.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      String revealed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
      assertThat(revealed).isEqualTo(m.group() + "\tbob@example.org\n");
    } finally {
      p.destroyForcibly();
    }
  }
}
