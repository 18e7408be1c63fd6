package io.companyos.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.companyos.agent.bundle.BundleException;
import io.companyos.agent.bundle.BundleLimits;
import io.companyos.agent.bundle.ExportProgress;
import io.companyos.agent.bundle.ExportReceipt;
import io.companyos.agent.bundling.BundleCollection;
import io.companyos.agent.bundling.BundleExport;
import io.companyos.agent.bundling.BundleKeys;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.Durations;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/bundles}: writes one support bundle on this node into {@code bundle.outputDir} through
 * {@link BundleExport}, the code path of {@code agent export-bundle}, on a worker thread of its own, and answers 201
 * with the receipt. One export at a time: a request while one runs gets 409. The optional JSON body may give
 * {@code since} (a duration, default 24h) and {@code include} (a list of categories, default all); anything else is
 * a 400 naming the field.
 */
final class BundleEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(BundleEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a response is written (the server's one JSON writer). */
  interface Sender {
    void send(RoutingContext ctx, int code, Object body);
  }

  /** The validated request. */
  record Request(Duration since, Set<String> include) {}

  /** A request body that names a field it gets wrong. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private final AgentConfig config;
  private final Clock clock;
  private final Sender sender;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile WorkerExecutor worker;

  BundleEndpoint(AgentConfig config, Clock clock, Sender sender) {
    this.config = config;
    this.clock = clock;
    this.sender = sender;
  }

  void handle(Vertx vertx, RoutingContext ctx) {
    Request request;
    try {
      request = parse(ctx.body() == null ? null : ctx.body().buffer());
    } catch (BadRequest e) {
      sender.send(ctx, 400, Map.of("error", e.getMessage()));
      return;
    }
    if (!running.compareAndSet(false, true)) {
      sender.send(ctx, 409, Map.of("error", "a bundle export is already running on this node; try again when it"
          + " has finished"));
      return;
    }
    worker(vertx).executeBlocking(() -> {
      try {
        return export(request);
      } finally {
        awaitNextSecond();
      }
    }, false).onComplete(ar -> {
      running.set(false);
      if (ar.succeeded()) {
        sender.send(ctx, 201, ar.result());
      } else {
        Throwable cause = ar.cause();
        String reason = cause instanceof BundleException b ? b.failure().name() : cause.getClass().getSimpleName();
        // the message may name files of this installation: it goes to the node's log, not into the response
        LOG.warn("POST /v1/bundles: no bundle was written ({}): {}", reason, cause.getMessage());
        sender.send(ctx, 500, Map.of("error", "bundle export failed; see the agent log", "reason", reason));
      }
    });
  }

  /**
   * A bundle's name carries its creation time to the second; holding the next export back until the second has
   * turned keeps two exports of this daemon from ever wanting the same name.
   */
  private void awaitNextSecond() {
    long now = clock.millis();
    long wait = 1000 - Math.floorMod(now, 1000L);
    try {
      Thread.sleep(wait + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private WorkerExecutor worker(Vertx vertx) {
    WorkerExecutor w = worker;
    if (w == null) {
      // one thread; an export may run for its whole deadline (5 min), longer than Vert.x's blocked-thread warning
      w = vertx.createSharedWorkerExecutor("companyos-bundle-export", 1,
          BundleLimits.DEFAULTS.deadline().plusMinutes(5).toMinutes(), TimeUnit.MINUTES);
      worker = w;
    }
    return w;
  }

  private Map<String, Object> export(Request request) throws BundleKeys.RecipientException,
      io.companyos.agent.daemon.StateDirectoryException, io.companyos.agent.bundle.pgp.KeyException, IOException,
      BundleException, InterruptedException {
    BundleExport export = BundleExport.prepare(config, null, clock);
    if (export.demoRecipient()) {
      LOG.warn(BundleKeys.DEMO_WARNING);
    }
    ExportReceipt receipt = export.exportToOutputDir(request.since(), request.include(), BundleLimits.DEFAULTS,
        System.getenv(), new ExportProgress());
    LOG.info("POST /v1/bundles: wrote {} ({} bytes, sha256 {})", receipt.path(), receipt.size(), receipt.sha256());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("path", receipt.path() == null ? null : receipt.path().toString());
    body.put("size", receipt.size());
    body.put("sha256", receipt.sha256());
    body.put("redactions", receipt.report().totals());
    body.put("redactionsTotal", receipt.report().totals().values().stream().mapToLong(Long::longValue).sum());
    body.put("demoRecipient", export.demoRecipient());
    if (export.demoRecipient()) {
      body.put("warning", BundleKeys.DEMO_WARNING);
    }
    return body;
  }

  /** Parses and validates the optional body; an empty body means the defaults. */
  static Request parse(Buffer body) throws BadRequest {
    Duration since = BundleExport.DEFAULT_SINCE;
    Set<String> include = Set.copyOf(BundleCollection.CATEGORIES);
    if (body == null || body.length() == 0 || body.toString().isBlank()) {
      return new Request(since, include);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body.getBytes());
    } catch (IOException e) {
      throw new BadRequest("body: not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequest("body: expected a JSON object with the optional fields since and include");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("since") && !name.equals("include")) {
        throw new BadRequest("body: unknown field (expected since, include)");
      }
    }
    JsonNode s = root.get("since");
    if (s != null && !s.isNull()) {
      if (!s.isTextual()) {
        throw new BadRequest("since: expected a duration like 6h, 30m or 7d");
      }
      try {
        since = Durations.parse(s.asText());
      } catch (RuntimeException e) {
        throw new BadRequest("since: expected a duration like 6h, 30m or 7d");
      }
      if (since.isZero() || since.isNegative()) {
        throw new BadRequest("since: must be positive");
      }
    }
    JsonNode i = root.get("include");
    if (i != null && !i.isNull()) {
      if (!i.isArray() || i.isEmpty()) {
        throw new BadRequest("include: expected a non-empty list of " + String.join(", ", BundleCollection.CATEGORIES));
      }
      Set<String> chosen = new LinkedHashSet<>();
      for (JsonNode item : i) {
        String category = item.isTextual() ? item.asText().trim().toLowerCase(Locale.ROOT) : "";
        if (!BundleCollection.CATEGORIES.contains(category)) {
          throw new BadRequest("include: unknown category (expected some of "
              + String.join(", ", BundleCollection.CATEGORIES) + ")");
        }
        chosen.add(category);
      }
      include = chosen;
    }
    return new Request(since, include);
  }
}
