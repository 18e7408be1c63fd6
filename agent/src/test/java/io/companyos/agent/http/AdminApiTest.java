package io.companyos.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The admin API's gate and the server's request limits, against the real daemon over real HTTP. */
class AdminApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "adm-3b7e9d1f5a2c4e6b8d0f";

  @TempDir
  Path tmp;

  private StateDirectory state;
  private AgentDaemon daemon;
  private Requests http;

  private final ListAppender<ILoggingEvent> refusalLog = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    refusalLog.start();
    ((Logger) LoggerFactory.getLogger(AgentHttpServer.class)).addAppender(refusalLog);
  }

  private void start(String serverExtra) throws Exception {
    AgentConfig config = new ConfigLoader(Map.of()).bind("stateDir: " + tmp.resolve("state") + "\n"
        + "server: { host: 127.0.0.1, port: 0" + serverExtra + " }\n"
        + "bundle: { outputDir: " + tmp.resolve("bundles") + " }\n");
    state = StateDirectory.open(config.stateDir());
    daemon = AgentDaemon.start(config, state, Clock.systemUTC());
    http = new Requests("http", daemon.port());
  }

  private Requests fresh() {
    return new Requests("http", daemon.port());
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(AgentHttpServer.class)).detachAppender(refusalLog);
    if (daemon != null) {
      assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
      state.close();
    }
  }

  /** A JSON body {"error": ...} and nothing that looks like a stack trace, an exception, the token or a path. */
  private void assertGenericError(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(r.body()).get("error").isTextual()).as(r.body()).isTrue();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.companyos")
        .doesNotContain("io.vertx").doesNotContain(TOKEN).doesNotContain(tmp.toString());
  }

  private void refusedBeforeRouting(HttpRequest request) throws InterruptedException {
    try {
      HttpResponse<String> r = fresh().send(request);
      assertThat(r.statusCode()).isIn(400, 413, 414, 431);
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    } catch (java.io.IOException dropped) {
      // the connection was closed: refused as well
    }
  }

  @Test
  void withoutATokenTheAdminApiIsOffAndTheProbesStillAnswer() throws Exception {
    start("");
    for (HttpResponse<String> r : new HttpResponse[] {http.get("/v1/status", null), http.get("/v1/status", TOKEN),
        http.post("/v1/bundles", null, null), http.post("/v1/bundles", TOKEN, "{}")}) {
      assertThat(r.statusCode()).as(r.request().uri().toString()).isEqualTo(403);
      assertGenericError(r);
      assertThat(r.body()).contains("the admin API is off: configure server.adminTokenFile");
    }
    assertThat(tmp.resolve("bundles")).doesNotExist();
    assertThat(http.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/readyz", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/metrics", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenGatesStatusAndBundlesButNotTheProbes() throws Exception {
    Path file = tmp.resolve("token");
    Files.writeString(file, TOKEN + "\n");
    start(", adminTokenFile: " + file);

    for (String path : new String[] {"/v1/status", "/v1/anything"}) {
      HttpResponse<String> none = http.get(path, null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith(
          "Bearer"));
      assertGenericError(none);
      HttpResponse<String> wrong = http.get(path, TOKEN + "x");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertGenericError(wrong);
      assertThat(http.get(path, TOKEN.substring(0, TOKEN.length() - 1)).statusCode()).isEqualTo(401);
    }
    assertThat(refusalLog.list).extracting(ILoggingEvent::getFormattedMessage)
        .as("refusals are logged, rate-limited, with the peer and never the token")
        .anySatisfy(m -> assertThat(m).startsWith("admin API: refused 1 request(s) without a valid token")
            .endsWith("the latest from 127.0.0.1"))
        .allSatisfy(m -> assertThat(m).doesNotContain(TOKEN.substring(4)));
    HttpResponse<String> basic = http.send(http.request("/v1/status").header("Authorization", "Basic " + TOKEN)
        .build());
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(http.post("/v1/bundles", "wrong-token-0123456789", "{}").statusCode()).isEqualTo(401);
    assertThat(tmp.resolve("bundles")).doesNotExist();

    HttpResponse<String> ok = http.get("/v1/status", TOKEN);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("installationId").asText()).isEqualTo(state.installationId().toString());
    assertThat(http.send(http.request("/v1/status").header("Authorization", "bearer " + TOKEN).build())
        .statusCode()).as("the scheme is case-insensitive (RFC 7235)").isEqualTo(200);
    HttpResponse<String> unknown = http.get("/v1/anything", TOKEN);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertGenericError(unknown);
    HttpResponse<String> method = http.send(http.request("/v1/status").DELETE()
        .header("Authorization", "Bearer " + TOKEN).build());
    assertThat(method.statusCode()).isEqualTo(405);
    assertGenericError(method);

    assertThat(http.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/metrics", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aRotatedTokenFileTakesEffectWithoutARestart() throws Exception {
    Path file = tmp.resolve("token");
    Files.writeString(file, TOKEN);
    start(", adminTokenFile: " + file);
    assertThat(http.get("/v1/status", TOKEN).statusCode()).isEqualTo(200);

    String rotated = "adm-rotated-9c8b7a6f5e4d3c2b";
    Path next = tmp.resolve("token.next");
    Files.writeString(next, rotated);
    Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/v1/status", rotated).statusCode() == 200);
    assertThat(http.get("/v1/status", TOKEN).statusCode()).isEqualTo(401);

    Files.delete(file); // a secret taken away refuses everything rather than keeping the old token
    await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/v1/status", rotated).statusCode() == 503);
    assertGenericError(http.get("/v1/status", rotated));
  }

  @Test
  void oversizeBodiesHeadersAndBadLengthsGetGenericErrors() throws Exception {
    start(", adminToken: " + TOKEN);
    String big = "{\"since\": \"" + "9".repeat(AgentHttpServer.MAX_BODY_BYTES) + "h\"}";
    // the server closes a connection whose body it refused: each such request gets a client of its own, so that
    // no later request picks up that connection from a shared pool
    HttpResponse<String> declared = fresh().post("/v1/bundles", TOKEN, big);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertGenericError(declared);

    // chunked: no Content-Length, the limit is enforced on the bytes as they arrive
    HttpResponse<String> chunked = fresh().send(http.request("/v1/bundles")
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertGenericError(chunked);
    assertThat(tmp.resolve("bundles")).doesNotExist();

    HttpResponse<String> onProbe = fresh().send(http.request("/healthz").method("GET",
        HttpRequest.BodyPublishers.ofString("x".repeat(AgentHttpServer.MAX_BODY_BYTES + 1))).build());
    assertThat(onProbe.statusCode()).as("a body over the limit is refused on every path").isEqualTo(413);

    // over the header or request-line limit: refused by Vert.x before routing, by a bare status or a dropped
    // connection, never with a body that could carry anything
    refusedBeforeRouting(http.request("/healthz").header("X-Filler", "y".repeat(AgentHttpServer.MAX_HEADER_BYTES + 1))
        .build());
    refusedBeforeRouting(http.request("/healthz?" + "q".repeat(AgentHttpServer.MAX_INITIAL_LINE)).build());

    HttpResponse<String> trace = http.send(http.request("/healthz").method("TRACE",
        HttpRequest.BodyPublishers.noBody()).build());
    assertThat(trace.statusCode()).isEqualTo(405);
    assertGenericError(trace);
    assertThat(http.get("/healthz", null).statusCode()).as("still serving").isEqualTo(200);
  }

  @Test
  void badBundleRequestsAre400NamingTheFieldAndWriteNothing() throws Exception {
    start(", adminToken: " + TOKEN);
    Map<String, String> cases = Map.of(
        "{\"since\": \"3x\"}", "since: expected a duration like 6h, 30m or 7d",
        "{\"since\": 6}", "since: expected a duration like 6h, 30m or 7d",
        "{\"include\": [\"logs\", \"secrets\"]}", "include: unknown category (expected some of health, metrics,"
            + " logs, config, system, agent)",
        "{\"include\": []}", "include: expected a non-empty list of health, metrics, logs, config, system, agent",
        "{\"out\": \"/etc/passwd\"}", "body: unknown field (expected since, include)",
        "[1, 2]", "body: expected a JSON object with the optional fields since and include",
        "{\"since\": ", "body: not valid JSON");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = http.post("/v1/bundles", TOKEN, c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      assertGenericError(r);
      assertThat(JSON.readTree(r.body()).get("error").asText()).as(c.getKey()).isEqualTo(c.getValue());
    }
    assertThat(tmp.resolve("bundles")).doesNotExist();
  }
}
