package io.companyos.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.agent.daemon.AgentMetrics;
import io.companyos.agent.daemon.DaemonStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP endpoints: {@code GET /healthz} (liveness), {@code GET /readyz} (readiness, 503 with reasons),
 * {@code GET /metrics} (Prometheus text) and {@code GET /v1/status} (JSON). Error bodies never carry stack traces.
 */
public final class AgentHttpServer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";

  private final String host;
  private final int port;
  private final AgentMetrics metrics;
  private final DaemonStatus status;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private volatile HttpServer server;

  public AgentHttpServer(String host, int port, AgentMetrics metrics, DaemonStatus status) {
    this.host = host;
    this.port = port;
    this.metrics = metrics;
    this.status = status;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> send(ctx, 200, Map.of("status", "alive")));
    router.get("/readyz").handler(this::readiness);
    router.get("/metrics").handler(this::metrics);
    router.get("/v1/status").handler(ctx -> send(ctx, 200, status.document()));
    router.errorHandler(404, ctx -> send(ctx, 404, Map.of("error", "not found")));
    router.errorHandler(405, ctx -> send(ctx, 405, Map.of("error", "method not allowed")));
    router.errorHandler(500, ctx -> {
      LOG.warn("request to {} failed ({})", ctx.normalizedPath(),
          ctx.failure() == null ? "unknown" : ctx.failure().getClass().getSimpleName());
      send(ctx, 500, Map.of("error", "internal error"));
    });
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxInitialLineLength(4096)
        .setMaxHeaderSize(8192)
        .setIdleTimeout(30)
        .setCompressionSupported(true);
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /** The bound port; differs from the configured one when that was 0. */
  public int actualPort() {
    HttpServer s = server;
    return s == null ? -1 : s.actualPort();
  }

  private void readiness(RoutingContext ctx) {
    vertx.executeBlocking(status::readinessProblems, false).onComplete(ar -> {
      if (ar.failed()) {
        send(ctx, 503, Map.of("status", "not ready", "reasons", List.of("readiness check failed")));
      } else if (ar.result().isEmpty()) {
        send(ctx, 200, Map.of("status", "ready"));
      } else {
        send(ctx, 503, Map.of("status", "not ready", "reasons", ar.result()));
      }
    });
  }

  private void metrics(RoutingContext ctx) {
    vertx.executeBlocking(metrics::scrape, false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(500, ar.cause());
        return;
      }
      ctx.response().setStatusCode(200).putHeader("Content-Type", PROMETHEUS_TEXT).end(ar.result());
    });
  }

  private void send(RoutingContext ctx, int code, Object body) {
    String text;
    try {
      text = json.writeValueAsString(body) + "\n";
    } catch (JsonProcessingException e) {
      code = 500;
      text = "{\"error\":\"internal error\"}\n";
    }
    ctx.response().setStatusCode(code).putHeader("Content-Type", JSON).putHeader("Cache-Control", "no-store")
        .end(text);
  }
}
