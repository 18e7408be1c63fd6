package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportBundleCommandTest {
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
  void noPlantedSecretOfAnySourceReachesTheBundle() throws Exception {
    assertThat(fx.export()).as(fx.err.toString()).isZero();
    Path bundle = fx.onlyBundle();
    assertThat(fx.out.toString()).startsWith("bundle " + bundle.toAbsolutePath() + " size " + Files.size(bundle)
        + " sha256 ").contains(" redactions ").endsWith("[DEMO KEY: not for real support]\n");
    assertThat(fx.err.toString()).contains("encrypting to the DEMO vendor key");
    assertThat(Files.getPosixFilePermissions(bundle)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    Path extracted = dir.resolve("extracted");
    assertThat(fx.run("decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in",
        bundle.toString(), "--out", extracted.toString())).as(fx.err.toString()).isZero();
    String everything = BundleFixture.allText(extracted);
    assertThat(everything)
        .contains("== logs/api/")
        .contains("== metrics/scrape-core.prom")
        .contains("== health/health.json")
        .contains("== config/agent.yaml")
        .contains("== system/system.json")
        .containsPattern("http_requests_total\\{user=\"<(email|user):[0-9a-f]+>\",path=\"/api\"} 3")
        .contains("unknown host <");
    for (String secret : BundleFixture.PLANTED) {
      assertThat(everything.toLowerCase(java.util.Locale.ROOT)).as(secret)
          .doesNotContain(secret.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(fx.out.toString()).contains("installation  ").contains("collectors    health OK")
        .contains("logs:api OK").contains("scrape:core OK").contains("extracted to  " + extracted);
  }

  @Test
  void theCustomerCanRevealEveryPseudonymOfTheBundleAndNoCanaryIsInTheMap() throws Exception {
    assertThat(fx.export()).as(fx.err.toString()).isZero();
    Path extracted = dir.resolve("extracted");
    assertThat(fx.run("decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in",
        fx.onlyBundle().toString(), "--out", extracted.toString())).as(fx.err.toString()).isZero();
    java.util.Set<String> tokens = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[a-z_]+:[0-9a-f]{8}>")
        .matcher(BundleFixture.allText(extracted));
    while (m.find()) {
      tokens.add(m.group());
    }
    assertThat(tokens).as("the bundle's pseudonyms").hasSizeGreaterThanOrEqualTo(4);

    // what support sends back, pasted into agent redact --reveal - on the installation
    java.io.ByteArrayOutputStream revealed = new java.io.ByteArrayOutputStream();
    java.io.StringWriter revealOut = new java.io.StringWriter();
    picocli.CommandLine cl = new picocli.CommandLine(new RedactCommand(
        new java.io.ByteArrayInputStream(String.join(" ", tokens).getBytes(StandardCharsets.UTF_8)), revealed));
    cl.setOut(new java.io.PrintWriter(revealOut, true));
    // the fixture's password and AWS key id are never kept: exit 1, as for an unknown token
    assertThat(cl.execute("--config", fx.config.toString(), "--reveal", "-")).isEqualTo(1);
    java.util.Map<String, String> answers = new java.util.TreeMap<>();
    revealOut.toString().lines().forEach(l -> answers.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)));
    assertThat(answers.keySet()).isEqualTo(tokens);
    assertThat(answers.values()).doesNotContain("(unknown on this installation)")
        .contains(BundleFixture.EMAIL, BundleFixture.KEYWORD);
    answers.forEach((token, answer) -> {
      String label = token.substring(1, token.indexOf(':'));
      if (io.companyos.agent.redaction.RevealLog.keeps(label)) {
        assertThat(answer).as(token).doesNotStartWith("(");
      } else {
        assertThat(answer).as(token).isEqualTo("(" + label + " values are never kept on this installation; see "
            + "docs/redaction.md#what-the-reverse-map-keeps)");
      }
    });
    assertThat(tokens).anyMatch(t -> t.startsWith("<secret:")).anyMatch(t -> t.startsWith("<aws_key:"));

    Path map = dir.resolve("state").resolve(io.companyos.agent.redaction.RevealLog.FILE_NAME);
    java.util.List<String> lines = Files.readAllLines(map, StandardCharsets.US_ASCII);
    assertThat(lines).as("one line per kept pseudonym of the bundle, none of the canaries' fake secrets")
        .allSatisfy(line -> assertThat(tokens).contains(line.substring(0, line.indexOf('\t'))))
        .hasSize((int) tokens.stream().filter(t -> io.companyos.agent.redaction.RevealLog.keeps(
            t.substring(1, t.indexOf(':')))).count());
    java.util.List<String> values = lines.stream().map(l -> new String(java.util.Base64.getDecoder().decode(
        l.substring(l.indexOf('\t') + 1)), StandardCharsets.UTF_8)).toList();
    // no credential of the fixture is in the map, in clear or in base64 (a failure names the credential, not its value)
    String raw = Files.readString(map, StandardCharsets.US_ASCII);
    for (String name : java.util.List.of("PASSWORD", "AWS_KEY")) {
      String credential = name.equals("PASSWORD") ? BundleFixture.PASSWORD : BundleFixture.AWS_KEY;
      assertThat(values.stream().anyMatch(v -> v.contains(credential)) || raw.contains(credential)
          || raw.contains(java.util.Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8))))
          .as("the fixture's %s is in the reverse map", name).isFalse();
    }
    assertThat(values).contains(BundleFixture.EMAIL, BundleFixture.KEYWORD);
  }

  @Test
  void dryRunListsSourcesWithSizesAndWritesNothing() throws Exception {
    assertThat(fx.export("--dry-run")).as(fx.err.toString()).isZero();
    assertThat(fx.out.toString())
        .startsWith("dry run: nothing is written; the bundle would hold (sizes before redaction):\n")
        .contains("health/health.json").contains("metrics/scrape-core.prom").contains("config/agent.yaml")
        .containsPattern("logs +\\d+ B  logs/api/<keyword:[0-9a-f]+>-app/app.log")
        .contains("caps: 500.0 MiB in total, 50.0 MiB per file");
    assertThat(Files.exists(fx.bundles) ? Files.list(fx.bundles).count() : 0).isZero();
  }

  @Test
  void includeLimitsTheCollectorsAndRecordsTheRestAsSkipped() throws Exception {
    assertThat(fx.export("--include", "config,system")).as(fx.err.toString()).isZero();
    Path extracted = dir.resolve("x");
    assertThat(fx.run("decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in",
        fx.onlyBundle().toString(), "--out", extracted.toString())).isZero();
    try (Stream<Path> top = Files.list(extracted)) {
      assertThat(top.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("config", "manifest.json", "manifest.json.sig", "redaction-report.json", "system");
    }
    assertThat(fx.out.toString()).contains("health SKIPPED 0 ms (not in --include)");
  }

  @Test
  void reviewThenSealEncryptsExactlyTheReviewedFiles() throws Exception {
    Path review = dir.resolve("review");
    assertThat(fx.export("--review", review.toString())).as(fx.err.toString()).isZero();
    assertThat(fx.out.toString()).startsWith("review directory " + review + ": ")
        .contains("then: agent seal-bundle " + review);
    assertThat(review.resolve("config/agent.yaml")).exists();
    assertThat(Files.readString(review.resolve("config/agent.yaml"))).doesNotContain(BundleFixture.KEYWORD);
    Files.delete(review.resolve("system/system.json"));

    assertThat(fx.run("seal-bundle", "--config", fx.config.toString(), review.toString()))
        .as(fx.err.toString()).isZero();
    Path extracted = dir.resolve("sealed");
    assertThat(fx.run("decrypt-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), "--in",
        fx.onlyBundle().toString(), "--out", extracted.toString())).as(fx.err.toString()).isZero();
    assertThat(extracted.resolve("system/system.json")).doesNotExist();
    assertThat(Files.readString(extracted.resolve("config/agent.yaml")))
        .isEqualTo(Files.readString(review.resolve("config/agent.yaml")));
    assertThat(fx.out.toString()).contains("  - system/system.json: removed during review");
  }

  @Test
  void outDashStreamsTheBundleToStdoutAndTheReceiptToStderr() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int status = fx.exportTo(captured, "--out", "-", "--include", "config");
    assertThat(status).as(fx.err.toString()).isZero();
    assertThat(fx.out.toString()).isEmpty();
    assertThat(fx.err.toString()).contains("bundle stdout size " + captured.size() + " sha256 ");
    Path file = dir.resolve("streamed.tar.zst.pgp");
    Files.write(file, captured.toByteArray());
    assertThat(fx.run("inspect-bundle", "--key", BundleFixture.DEMO_SECRET_KEY.toString(), file.toString()))
        .as(fx.err.toString()).isZero();
    assertThat(fx.out.toString()).contains("\"path\" : \"config/agent.yaml\"");
  }

  @Test
  void badOptionsExit2WithOneLine() {
    assertThat(fx.export("--since", "3x")).isEqualTo(2);
    assertThat(fx.err.toString()).startsWith("error: --since: ").endsWith(", got '3x'\n");
    fx.err.getBuffer().setLength(0);
    assertThat(fx.export("--include", "logs,secrets")).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: --include: unknown category 'secrets' (expected some of health,"
        + " metrics, logs, config, system, agent)\n");
    fx.err.getBuffer().setLength(0);
    assertThat(fx.export("--max-size", "lots")).isEqualTo(2);
    assertThat(fx.err.toString())
        .isEqualTo("error: --max-size: expected a size like 500MiB, 2GiB or 64KiB, got 'lots'\n");
    fx.err.getBuffer().setLength(0);
    Path missing = dir.resolve("vendor.pub.asc");
    assertThat(fx.export("--recipient", missing.toString())).isEqualTo(2);
    assertThat(fx.err.toString()).startsWith("error: recipient key: ").contains(missing + " does not exist");
  }

  @Test
  void anExistingOutFileIsRefusedBeforeAnyWorkWithExit2() throws Exception {
    Path existing = Files.writeString(dir.resolve("earlier.pgp"), "an earlier bundle");
    assertThat(fx.export("--out", existing.toString())).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: --out " + existing + " already exists; a bundle never overwrites a"
        + " file: give a new file name or a directory\n");
    assertThat(Files.readString(existing)).isEqualTo("an earlier bundle");
    assertThat(fx.out.toString()).isEmpty();
  }

  @Test
  void sealBundleRefusesAnExistingOutFileToo() throws Exception {
    Path review = dir.resolve("review");
    assertThat(fx.export("--review", review.toString())).as(fx.err.toString()).isZero();
    Path existing = Files.writeString(dir.resolve("earlier.pgp"), "an earlier bundle");
    fx.err.getBuffer().setLength(0);
    assertThat(fx.run("seal-bundle", "-c", fx.config.toString(), "--out", existing.toString(), review.toString()))
        .isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: --out " + existing + " already exists; a bundle never overwrites a"
        + " file: give a new file name or a directory\n");
    assertThat(Files.readString(existing)).isEqualTo("an earlier bundle");
  }

  @Test
  void reviewWithARecipientIsAUsageErrorAndNeitherReviewNorDryRunWarnsOfEncryptingToTheDemoKey() throws Exception {
    Path review = dir.resolve("review");
    assertThat(fx.export("--review", review.toString(), "--recipient", BundleFixture.DEMO_SECRET_KEY.toString()))
        .isEqualTo(2);
    assertThat(fx.err.toString())
        .isEqualTo("error: --review writes plaintext to read first; give --recipient to seal-bundle instead\n");
    fx.err.getBuffer().setLength(0);
    assertThat(fx.export("--review", review.toString())).as(fx.err.toString()).isZero();
    assertThat(fx.export("--dry-run")).as(fx.err.toString()).isZero();
    assertThat(fx.err.toString()).doesNotContain("DEMO");
    assertThat(fx.run("seal-bundle", "-c", fx.config.toString(), review.toString())).as(fx.err.toString()).isZero();
    assertThat(fx.err.toString()).contains("encrypting to the DEMO vendor key");
  }

  @Test
  void anIncludeWithoutACategoryIsAUsageErrorNotEverything() {
    assertThat(fx.export("--include", ",", "--dry-run")).isEqualTo(2);
    assertThat(fx.err.toString()).isEqualTo("error: --include: no category given (expected some of health, metrics,"
        + " logs, config, system, agent)\n");
    assertThat(fx.out.toString()).isEmpty();
  }

  @Test
  void dryRunAndReviewTogetherAreAUsageError() {
    Path review = dir.resolve("review");
    assertThat(fx.export("--dry-run", "--review", review.toString())).isEqualTo(2);
    assertThat(fx.err.toString())
        .isEqualTo("error: --dry-run writes nothing and --review writes DIR: give one of them\n");
    assertThat(review).doesNotExist();
  }
}
