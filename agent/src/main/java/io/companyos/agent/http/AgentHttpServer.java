package io.companyos.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ServerConfig;
import io.companyos.agent.daemon.AgentMetrics;
import io.companyos.agent.daemon.DaemonStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP endpoints: {@code GET /healthz} (liveness), {@code GET /readyz} (readiness, 503 with reasons),
 * {@code GET /metrics} (Prometheus text), and the admin API — {@code GET /v1/status} (JSON) and
 * {@code POST /v1/bundles} (writes a support bundle on this node) — which needs {@code Authorization: Bearer} with
 * the configured admin token and is off (403) when none is configured. Requests are bounded (line, headers, body,
 * time); every error body is a generic {@code {"error": "..."}} without stack traces or configuration values.
 */
public final class AgentHttpServer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String JSON = "application/json";
  /** Largest request body accepted (a {@code POST /v1/bundles} body is a few dozen bytes). */
  static final int MAX_BODY_BYTES = 16 * 1024;
  static final int MAX_HEADER_BYTES = 8192;
  static final int MAX_INITIAL_LINE = 4096;
  /** Every request but a bundle export (bounded by its own deadline) is answered within this or gets 503. */
  static final long REQUEST_TIMEOUT_MILLIS = 15_000;
  static final int IDLE_TIMEOUT_SECONDS = 30;
  static final long REFUSAL_LOG_NANOS = 60_000_000_000L;
  private static final Map<Integer, String> ERRORS = Map.ofEntries(
      Map.entry(400, "bad request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
      Map.entry(404, "not found"), Map.entry(405, "method not allowed"), Map.entry(408, "request timeout"),
      Map.entry(409, "conflict"), Map.entry(413, "request body too large"),
      Map.entry(415, "unsupported media type"), Map.entry(431, "request headers too large"),
      Map.entry(500, "internal error"), Map.entry(503, "service unavailable"));

  private final ServerConfig server;
  private final AgentMetrics metrics;
  private final DaemonStatus status;
  private final AdminAuth auth;
  private final BundleEndpoint bundles;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private volatile HttpServer httpServer;
  /** Touched on the event loop only. */
  private long refusals;
  private long lastRefusalLog;

  public AgentHttpServer(AgentConfig config, AgentMetrics metrics, DaemonStatus status, Clock clock) {
    this.server = config.server();
    this.metrics = metrics;
    this.status = status;
    this.auth = new AdminAuth(server);
    this.bundles = new BundleEndpoint(config, clock, this::send);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(this::limitDeclaredBody);
    router.get("/healthz").handler(TimeoutHandler.create(REQUEST_TIMEOUT_MILLIS))
        .handler(ctx -> send(ctx, 200, Map.of("status", "alive")));
    router.get("/readyz").handler(TimeoutHandler.create(REQUEST_TIMEOUT_MILLIS)).handler(this::readiness);
    router.get("/metrics").handler(TimeoutHandler.create(REQUEST_TIMEOUT_MILLIS)).handler(this::metrics);
    router.route("/v1/*").handler(this::authorize);
    router.get("/v1/status").handler(TimeoutHandler.create(REQUEST_TIMEOUT_MILLIS))
        .handler(ctx -> send(ctx, 200, status.document()));
    router.post("/v1/bundles").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(ctx -> bundles.handle(vertx, ctx));
    ERRORS.forEach((code, text) -> router.errorHandler(code, ctx -> {
      if (code == 500) {
        LOG.warn("request to {} failed ({})", ctx.normalizedPath(),
            ctx.failure() == null ? "unknown" : ctx.failure().getClass().getSimpleName());
      }
      if (!ctx.response().ended() && !ctx.response().headWritten()) {
        send(ctx, code, Map.of("error", text));
      }
    }));
    HttpServerOptions options = new HttpServerOptions()
        .setHost(server.host())
        .setPort(server.port())
        .setMaxInitialLineLength(MAX_INITIAL_LINE)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
        .setHttp2ClearTextEnabled(false) // HTTP/1.1 only: one set of limits to reason about
        .setCompressionSupported(true);
    if (server.tls() != null) {
      options.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(server.tls().keyManagers()));
    }
    if (!auth.enabled()) {
      LOG.info("admin API off: no server.adminToken or server.adminTokenFile configured");
    }
    if (server.insecure() && !ServerConfig.isLoopback(server.host())) {
      LOG.warn("serving plain HTTP beyond loopback (server.insecure: true): admin tokens cross the network in clear");
    }
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> httpServer = s);
  }

  /** The bound port; differs from the configured one when that was 0. */
  public int actualPort() {
    HttpServer s = httpServer;
    return s == null ? -1 : s.actualPort();
  }

  /** 413 before reading a body whose declared length is over the limit, on every route. */
  private void limitDeclaredBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        ctx.fail(400);
        return;
      }
      if (declared > MAX_BODY_BYTES) {
        ctx.fail(413);
        return;
      }
    }
    ctx.next();
  }

  /** The admin API's gate: 403 while off, 401 with {@code WWW-Authenticate: Bearer} without the right token. */
  private void authorize(RoutingContext ctx) {
    switch (auth.check(ctx.request().getHeader("Authorization"))) {
      case ALLOWED -> ctx.next();
      case OFF -> send(ctx, 403, Map.of("error", "the admin API is off: configure server.adminTokenFile (or"
          + " server.adminToken) to enable it"));
      case UNAVAILABLE -> send(ctx, 503, Map.of("error", "the admin token cannot be read; see the agent log"));
      case MISSING, WRONG -> {
        noteRefusal(ctx);
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"companyos-agent\"");
        send(ctx, 401, Map.of("error", "a valid admin token is required (Authorization: Bearer <token>)"));
      }
    }
  }

  /**
   * Logs refused admin requests, at most once per {@link #REFUSAL_LOG_NANOS} with a count, so that guessing shows in
   * the log without flooding it. Names the peer address, never the path or any header.
   */
  private void noteRefusal(RoutingContext ctx) {
    refusals++;
    long now = System.nanoTime();
    if (lastRefusalLog == 0 || now - lastRefusalLog >= REFUSAL_LOG_NANOS) {
      LOG.warn("admin API: refused {} request(s) without a valid token since the last report, the latest from {}",
          refusals, ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
      refusals = 0;
      lastRefusalLog = now;
    }
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

  void send(RoutingContext ctx, int code, Object body) {
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
