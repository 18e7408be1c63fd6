package io.companyos.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.companyos.agent.cli.AgentCommand;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/bundles} against the real daemon: the bundle it writes decrypts with the demo key and holds no
 * planted secret; a second request while one runs gets 409. The first is held deterministically by the scraped
 * service, which answers only when the test lets it.
 */
class BundleEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = AdminApiTest.TOKEN;
  private static final String KEYWORD = "initech-secret";
  private static final String EMAIL = "peter.gibbons@initech.example";
  private static final String PASSWORD = "Tps-Report-Planted!";
  private static final Path DEMO_SECRET_KEY = Path.of("../examples/demo-vendor-key/demo-vendor.sec.asc");

  @TempDir
  Path tmp;

  private HttpServer service;
  private volatile CountDownLatch scrapeStarted = new CountDownLatch(0);
  private volatile CountDownLatch releaseScrape = new CountDownLatch(0);
  private StateDirectory state;
  private AgentDaemon daemon;
  private Requests http;

  @BeforeEach
  void start() throws Exception {
    Path logDir = tmp.resolve("logs");
    Files.createDirectories(logDir);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(logDir.resolve("app.log"), now + " INFO login ok for " + EMAIL + "\n"
        + now + " WARN db connect with password=" + PASSWORD + " failed for the " + KEYWORD + " bucket\n");
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext("/metrics", exchange -> {
      scrapeStarted.countDown();
      try {
        releaseScrape.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = ("# TYPE http_requests_total counter\nhttp_requests_total{user=\"" + EMAIL + "\"} 3\n")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    });
    service.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    service.start();
    AgentConfig config = new ConfigLoader(Map.of()).bind(String.join("\n",
        "stateDir: " + tmp.resolve("state"),
        "installation: { cluster: test, node: node-1 }",
        "server: { host: 127.0.0.1, port: 0, adminToken: " + TOKEN + " }",
        "logs:",
        "  - { path: \"" + logDir + "/*.log\", service: api }",
        "scrapes:",
        "  - { name: core, url: \"http://127.0.0.1:" + service.getAddress().getPort() + "/metrics\","
            + " interval: 1h, allow: [\"http_*\"] }",
        "redaction: { keywords: [" + KEYWORD + "] }",
        "bundle: { outputDir: " + tmp.resolve("bundles") + " }",
        ""));
    state = StateDirectory.open(config.stateDir());
    daemon = AgentDaemon.start(config, state, Clock.systemUTC());
    http = new Requests("http", daemon.port());
  }

  @AfterEach
  void stop() {
    releaseScrape.countDown();
    assertThat(daemon.stop(Duration.ofSeconds(10))).isTrue();
    state.close();
    service.stop(0);
  }

  private List<Path> bundles() throws Exception {
    if (!Files.isDirectory(tmp.resolve("bundles"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(tmp.resolve("bundles"))) {
      return files.toList();
    }
  }

  private static String decryptAll(Path bundle, Path into) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("decrypt-bundle", "--key", DEMO_SECRET_KEY.toString(), "--in", bundle.toString(),
        "--out", into.toString())).as(err.toString()).isZero();
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(into)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        text.append("== ").append(into.relativize(f)).append('\n').append(Files.readString(f)).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void writesADecryptableRedactedBundleAndAnswersWithTheReceipt() throws Exception {
    HttpResponse<String> r = http.post("/v1/bundles", TOKEN, null);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode receipt = JSON.readTree(r.body());
    Path bundle = Path.of(receipt.get("path").asText());
    assertThat(bundles()).containsExactly(bundle);
    assertThat(bundle.getFileName().toString()).matches("companyos-support-test-node-1-\\d{8}T\\d{6}Z\\.tar\\.zst\\.pgp");
    assertThat(bundle.getParent()).isEqualTo(tmp.resolve("bundles").toAbsolutePath());
    assertThat(receipt.get("size").asLong()).isEqualTo(Files.size(bundle));
    assertThat(receipt.get("sha256").asText()).isEqualTo(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle))));
    assertThat(receipt.get("redactions").get("email").asLong()).isPositive();
    assertThat(receipt.get("redactionsTotal").asLong()).isPositive();
    // no recipient configured: the demo key, and the receipt says so as loudly as the CLI does
    assertThat(receipt.get("demoRecipient").asBoolean()).isTrue();
    assertThat(receipt.get("warning").asText()).contains("encrypting to the DEMO vendor key");

    String everything = decryptAll(bundle, tmp.resolve("extracted"));
    assertThat(everything).contains("== logs/api/").contains("== metrics/scrape-core.prom")
        .contains("== config/agent.yaml").contains("== system/system.json");
    for (String secret : List.of(KEYWORD, EMAIL, PASSWORD, TOKEN)) {
      assertThat(everything.toLowerCase(Locale.ROOT)).as(secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void includeAndSinceChooseWhatIsCollected() throws Exception {
    HttpResponse<String> r = http.post("/v1/bundles", TOKEN, "{\"since\": \"2h\", \"include\": [\"config\"]}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String everything = decryptAll(Path.of(JSON.readTree(r.body()).get("path").asText()), tmp.resolve("x"));
    assertThat(everything).contains("== config/agent.yaml").doesNotContain("== logs/").doesNotContain("== metrics/");
    JsonNode window = JSON.readTree(tmp.resolve("x/manifest.json").toFile()).get("since");
    assertThat(Duration.between(Instant.parse(window.get("from").asText()), Instant.parse(window.get("to").asText())))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aSecondRequestWhileOneRunsGets409() throws Exception {
    // the daemon scrapes the service itself once at start (then hourly): let that pass before holding scrapes
    await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http.get("/v1/status", TOKEN).body())
        .path("components").path("scrapes").path("core").path("ok").asBoolean());
    scrapeStarted = new CountDownLatch(1);
    releaseScrape = new CountDownLatch(1);
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
      try {
        return http.post("/v1/bundles", TOKEN, "{\"include\": [\"metrics\"]}");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(scrapeStarted.await(60, TimeUnit.SECONDS)).as("the first export is scraping").isTrue();

    HttpResponse<String> second = http.post("/v1/bundles", TOKEN, null);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(second.body()).get("error").asText()).contains("already running");
    assertThat(http.get("/healthz", null).statusCode()).as("the event loop is not blocked").isEqualTo(200);

    releaseScrape.countDown();
    HttpResponse<String> done = first.get(120, TimeUnit.SECONDS);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    assertThat(bundles()).hasSize(1);
    // and once it has finished, the next one runs
    HttpResponse<String> third = http.post("/v1/bundles", TOKEN, "{\"include\": [\"config\"]}");
    assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
    assertThat(bundles()).hasSize(2);
  }
}
