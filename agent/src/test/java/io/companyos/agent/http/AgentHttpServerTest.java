package io.companyos.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.collectors.prometheus.ExpositionFormat;
import io.companyos.agent.collectors.prometheus.ExpositionParser;
import io.companyos.agent.collectors.prometheus.Sample;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigLoader;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AgentHttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private StateDirectory state;
  private AgentDaemon daemon;
  private HttpClient client;
  private Context context;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    AgentConfig config = new ConfigLoader(Map.of()).bind(
        "tier: heartbeat\nstateDir: " + tmp.resolve("state") + "\n"
            + "server: { host: 127.0.0.1, port: 0, adminToken: " + AdminApiTest.TOKEN + " }\n"
            + "installation: { cluster: test-cluster, node: node-a }\n"
            // tier heartbeat sends within minutes: aim it at a closed loopback port, never at the vendor
            + "heartbeat: { endpoint: \"http://127.0.0.1:9/v1/heartbeat\" }\n");
    state = StateDirectory.open(config.stateDir());
    daemon = AgentDaemon.start(config, state, Clock.systemUTC());
    client = vertx.createHttpClient();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() {
    assertThat(daemon.stop(Duration.ofSeconds(5))).isTrue();
    assertThat(daemon.stop(Duration.ofSeconds(5))).as("stop is idempotent").isTrue();
    state.close();
  }

  private Future<Map.Entry<HttpClientResponse, String>> get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  /**
   * One exchange, started in one task on the client's event loop as {@code VertxHttpFetcher} does: Vert.x hands a
   * response's body and end only to the handlers set by then. Chained from the test thread, a preempted test thread
   * could chain {@code body()} after a fast loopback response had already ended, and the test timed out on a server
   * that had answered (1 run in ~500 here, and once in CI).
   */
  private Future<Map.Entry<HttpClientResponse, String>> exchange(HttpMethod method, String path, String body) {
    Promise<Map.Entry<HttpClientResponse, String>> result = Promise.promise();
    context.runOnContext(v -> client.request(method, daemon.port(), "127.0.0.1", path)
        .compose(req -> {
          req.putHeader("Authorization", "Bearer " + AdminApiTest.TOKEN);
          return body == null ? req.send() : req.send(body);
        })
        .compose(resp -> resp.body().map(b -> Map.entry(resp, b.toString())))
        .onComplete(result));
    return result.future();
  }

  @Test
  void healthzAnswersAlive(VertxTestContext ctx) {
    get("/healthz").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.getKey().statusCode()).isEqualTo(200);
      assertThat(r.getKey().getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(JSON.readTree(r.getValue()).get("status").asText()).isEqualTo("alive");
      ctx.completeNow();
    })));
  }

  @Test
  void readyzIsReadyThen503WithTheReasonWhenTheStateDirIsGone(VertxTestContext ctx) {
    get("/readyz")
        .compose(ready -> {
          ctx.verify(() -> assertThat(ready.getKey().statusCode()).isEqualTo(200));
          try (var walk = Files.walk(state.path())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          } catch (Exception e) {
            return Future.failedFuture(e);
          }
          return get("/readyz");
        })
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.getKey().statusCode()).isEqualTo(503);
          JsonNode body = JSON.readTree(r.getValue());
          assertThat(body.get("status").asText()).isEqualTo("not ready");
          assertThat(body.get("reasons").get(0).asText())
              .isEqualTo("state directory " + state.path() + " is not writable (NoSuchFileException)");
          ctx.completeNow();
        })));
  }

  @Test
  void metricsIsValidPrometheusTextWithJvmAndAgentMeters(VertxTestContext ctx) {
    get("/metrics").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.getKey().statusCode()).isEqualTo(200);
      assertThat(r.getKey().getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
      // the collectors' strict parser (text format 0.0.4) throws on anything malformed
      List<Sample> samples = new ExpositionParser().parse(r.getValue(), ExpositionFormat.PROMETHEUS_TEXT).stream()
          .flatMap(f -> f.samples().stream()).toList();
      assertThat(samples).extracting(Sample::name)
          .contains("agent_info", "agent_ready", "jvm_memory_used_bytes", "process_uptime_seconds",
              "jvm_threads_live_threads", "process_cpu_usage");
      Sample info = samples.stream().filter(s -> s.name().equals("agent_info")).findFirst().get();
      assertThat(info.labels()).containsEntry("tier", "heartbeat").containsKey("version");
      assertThat(info.value()).isEqualTo(1.0);
      ctx.completeNow();
    })));
  }

  @Test
  void statusNamesTheInstallation(VertxTestContext ctx) {
    get("/v1/status").onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.getKey().statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(r.getValue());
      assertThat(body.get("tier").asText()).isEqualTo("heartbeat");
      assertThat(body.get("installationId").asText()).isEqualTo(state.installationId().toString());
      assertThat(body.get("cluster").asText()).isEqualTo("test-cluster");
      assertThat(body.get("node").asText()).isEqualTo("node-a");
      assertThat(body.get("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
      assertThat(body.has("components")).isTrue();
      ctx.completeNow();
    })));
  }

  @Test
  void unknownPathsAndMethodsGetJsonErrorsWithoutDetail(VertxTestContext ctx) {
    get("/v1/nothing-here")
        .compose(r -> {
          ctx.verify(() -> {
            assertThat(r.getKey().statusCode()).isEqualTo(404);
            assertThat(r.getValue()).contains("not found");
          });
          return exchange(HttpMethod.POST, "/healthz", "x");
        })
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.getKey().statusCode()).isEqualTo(405);
          assertThat(r.getValue()).doesNotContain("Exception").doesNotContain("\tat ");
          ctx.completeNow();
        })));
  }
}
