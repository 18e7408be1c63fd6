package io.companyos.agent.daemon;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.http.AgentHttpServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent ({@code agent run}): one small Vert.x instance serving {@code /healthz}, {@code /readyz},
 * {@code /metrics} and {@code /v1/status}, plus the pipelines later features add. {@link #stop} is idempotent.
 */
public final class AgentDaemon {
  private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);
  /** The {@code /readyz} reason while the server listens and the probes, egress and log tailing are not started. */
  static final String STARTING = "starting: probes, scrapes, egress and log tailing are not started yet";

  private final AgentConfig config;
  private final StateDirectory state;
  private final Vertx vertx;
  private final AgentMetrics metrics;
  private final DaemonStatus status;
  private final AgentHttpServer http;
  private final Pipelines pipelines;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private AgentDaemon(AgentConfig config, StateDirectory state, Vertx vertx, AgentMetrics metrics,
      DaemonStatus status, AgentHttpServer http, Pipelines pipelines) {
    this.pipelines = pipelines;
    this.config = config;
    this.state = state;
    this.vertx = vertx;
    this.metrics = metrics;
    this.status = status;
    this.http = http;
  }

  /**
   * Starts the daemon and waits until its HTTP server listens.
   *
   * @throws DaemonStartException when the server cannot bind or a pipeline cannot start
   */
  public static AgentDaemon start(AgentConfig config, StateDirectory state, Clock clock) throws DaemonStartException {
    return start(config, state, clock, port -> { });
  }

  /**
   * As {@link #start(AgentConfig, StateDirectory, Clock)}; {@code listening} gets the port once the HTTP server
   * listens, before the pipelines start (tests look at {@code /readyz} in between).
   */
  static AgentDaemon start(AgentConfig config, StateDirectory state, Clock clock, IntConsumer listening)
      throws DaemonStartException {
    Instant started = clock.instant();
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(1)
        .setWorkerPoolSize(4)
        .setInternalBlockingPoolSize(2)
        .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    List<ReadinessCheck> checks = new ArrayList<>();
    // The server listens before the pipelines start: until they have, /readyz says so instead of 200.
    AtomicBoolean pipelinesStarted = new AtomicBoolean();
    checks.add(new ReadinessCheck() {
      @Override
      public String name() {
        return "started";
      }

      @Override
      public String problem() {
        return pipelinesStarted.get() ? null : STARTING;
      }
    });
    checks.add(new ReadinessCheck() {
      @Override
      public String name() {
        return "stateDir";
      }

      @Override
      public String problem() {
        return state.writabilityProblem();
      }
    });
    DaemonStatus status = new DaemonStatus(config, state.installationId(), clock, started, checks);
    AgentMetrics metrics = new AgentMetrics(config.tier(), status::lastReady);
    AgentHttpServer http = new AgentHttpServer(config, metrics, status, clock);
    try {
      vertx.deployVerticle(http).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      metrics.close();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DaemonStartException("cannot listen on " + config.server().host() + ":" + config.server().port()
          + " (" + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
          + ")");
    }
    Pipelines pipelines;
    try {
      listening.accept(http.actualPort());
      pipelines = Pipelines.start(config, state, vertx, metrics, status, clock, started);
    } catch (DaemonStartException | RuntimeException e) {
      vertx.close();
      metrics.close();
      throw e;
    }
    pipelinesStarted.set(true);
    LOG.info("agent {} started: tier={}, listening on {}:{}, state directory {}, {} probe(s) every {} s",
        AgentVersion.get(), config.tier().configName(), config.server().host(), http.actualPort(), state.path(),
        config.probes().size(), config.probeInterval().toSeconds());
    return new AgentDaemon(config, state, vertx, metrics, status, http, pipelines);
  }

  /** The port the HTTP server listens on (useful with {@code server.port: 0}). */
  public int port() {
    return http.actualPort();
  }

  /** The Tier-1 stream, when the tier permits it (tests flush it). */
  Optional<TelemetryStream> telemetry() {
    return pipelines.telemetry();
  }

  /** Runs the readiness checks now; empty when ready. */
  public List<String> readinessProblems() {
    return status.readinessProblems();
  }

  /** The status document and readiness checks, for components to register with. */
  public DaemonStatus status() {
    return status;
  }

  public AgentConfig config() {
    return config;
  }

  public AgentMetrics metrics() {
    return metrics;
  }

  /**
   * Stops accepting requests, lets in-flight work finish, and releases everything, within {@code timeout}.
   *
   * @return true when everything stopped within the timeout
   */
  public boolean stop(Duration timeout) {
    if (!stopped.compareAndSet(false, true)) {
      return true;
    }
    LOG.info("agent stopping");
    pipelines.close();
    boolean clean;
    try {
      Future<Void> closed = vertx.close();
      closed.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      clean = true;
    } catch (Exception e) {
      LOG.warn("agent did not stop cleanly within {} ms ({})", timeout.toMillis(), e.getClass().getSimpleName());
      clean = false;
    } finally {
      metrics.close();
    }
    LOG.info("agent stopped");
    return clean;
  }
}
