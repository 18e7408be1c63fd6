package io.companyos.agent.cli;

import ch.qos.logback.classic.LoggerContext;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agent run}: the daemon. Runs until SIGTERM or SIGINT, then stops accepting work, flushes, and exits 0 within
 * {@link #STOP_TIMEOUT} (1 if it could not stop cleanly in time).
 */
@Command(name = "run",
    description = "Run the agent daemon until SIGTERM or SIGINT (Ctrl-C); it then stops within 10 s, exit 0.")
final class RunCommand implements Callable<Integer> {
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(9);

  @Mixin
  CommonOptions common;

  @Option(names = "--exit-when-ready", hidden = true,
      description = "Start, answer one readiness check and one scrape over its own HTTP server, then stop: a smoke"
          + " test, and the training run"
          + " that bin/agent uses to build the class-data-sharing archive")
  boolean exitWhenReady;

  /**
   * {@code run} with its arguments in the plain forms ({@code -c FILE}, {@code --config FILE}, {@code --config=FILE},
   * {@code -v}, {@code --verbose}, {@code --log-format text|json}, {@code --log-format=…}, {@code --stacktrace},
   * {@code --exit-when-ready}, each at most once), bound as picocli binds them; null for anything else, which picocli
   * then parses (and reports). Picocli's model of a command is built by reflection over classes that the JVM cannot
   * keep in its class-data-sharing archive (picocli is Java 5 bytecode): about a fifth of the daemon's CPU to ready.
   */
  static RunCommand plainArgs(String[] args) {
    if (args.length == 0 || !"run".equals(args[0])) {
      return null;
    }
    RunCommand run = new RunCommand();
    run.common = new CommonOptions();
    run.common.logFormat = LogSetup.Format.text;
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      String option = switch (name) {
        case "-c", "--config" -> "config";
        case "-v", "--verbose" -> "verbose";
        case "--log-format" -> "log-format";
        case "--stacktrace" -> "stacktrace";
        case "--exit-when-ready" -> "exit-when-ready";
        default -> null;
      };
      if (option == null || !seen.add(option)) {
        return null;
      }
      boolean takesValue = option.equals("config") || option.equals("log-format");
      if (!takesValue) {
        if (value != null) {
          return null;
        }
      } else if (value == null) {
        if (i + 1 == args.length) {
          return null;
        }
        value = args[++i];
      }
      if (takesValue && (value.isEmpty() || value.startsWith("-") || value.startsWith("@"))) {
        return null;
      }
      switch (option) {
        case "config" -> {
          try {
            run.common.config = Path.of(value);
          } catch (InvalidPathException e) {
            return null;
          }
        }
        case "verbose" -> run.common.verbose = true;
        case "stacktrace" -> run.common.stacktrace = true;
        case "exit-when-ready" -> run.exitWhenReady = true;
        default -> {
          if (!value.equals("text") && !value.equals("json")) {
            return null;
          }
          run.common.logFormat = LogSetup.Format.valueOf(value);
        }
      }
    }
    return run;
  }

  @Override
  public Integer call() throws Exception {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    StateDirectory state = StateDirectory.open(config.stateDir());
    try {
      LogSetup.addStateDirFile(state.path(), common.logFormat);
    } catch (IOException e) {
      LoggerFactory.getLogger(RunCommand.class).warn("logging to stderr only: cannot write the agent log file in {}: {}",
          state.path(), e.getClass().getSimpleName());
    }
    // The hook goes in before the daemon starts: its server answers /healthz while the rest still starts, and a
    // SIGTERM then (a pod deleted at once, a supervisor's health check) must stop it in order, not end it with 143.
    CompletableFuture<AgentDaemon> started = new CompletableFuture<>();
    Thread hook = exitWhenReady ? null : new Thread(() -> stopOnSignal(started, state), "agent-shutdown");
    if (hook != null) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    AgentDaemon daemon;
    try {
      daemon = AgentDaemon.start(config, state, Clock.systemUTC());
    } catch (Exception e) {
      started.completeExceptionally(e);
      removeHook(hook);
      state.close();
      throw e;
    }
    started.complete(daemon);
    if (exitWhenReady) {
      List<String> problems;
      try {
        problems = selfCheck(config, daemon);
      } finally {
        daemon.stop(STOP_TIMEOUT);
        state.close();
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("not ready: " + String.join("; ", problems));
      }
      return ExitCodes.OK;
    }
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }

  /**
   * The shutdown hook: waits for a start still in progress to end, stops the daemon, and ends the JVM with 0 when it
   * stopped cleanly (a JVM ended by a signal would exit 143; an orderly stop on SIGTERM is a success), else 1.
   */
  private static void stopOnSignal(CompletableFuture<AgentDaemon> started, StateDirectory state) {
    AgentDaemon daemon;
    try {
      daemon = started.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      daemon = null;
    } catch (ExecutionException | TimeoutException e) {
      daemon = null; // the start failed (the main thread reports it) or did not end in time
    }
    boolean clean = daemon != null && daemon.stop(STOP_TIMEOUT);
    if (daemon != null) {
      state.close();
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.stop();
    }
    Runtime.getRuntime().halt(clean ? ExitCodes.OK : ExitCodes.FAILED);
  }

  private static void removeHook(Thread hook) {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is already running: it sees the failed start and ends the JVM with 1
    }
  }

  /**
   * The smoke test of {@code --exit-when-ready}: {@code GET /readyz} and {@code GET /metrics} over the daemon's own
   * HTTP server, as kubelet and Prometheus ask them (over HTTPS, which this client does not speak, the same checks
   * are run in process). Returns the reasons for not being ready, empty when both answered 200.
   */
  private static List<String> selfCheck(AgentConfig config, AgentDaemon daemon) throws IOException {
    if (config.server().tls() != null) {
      daemon.metrics().scrape();
      return daemon.readinessProblems();
    }
    String host = config.server().host();
    int ready = SelfCheck.get(host, daemon.port(), "/readyz");
    if (ready != 200) {
      List<String> problems = daemon.readinessProblems();
      return problems.isEmpty() ? List.of("GET /readyz answered " + ready) : problems;
    }
    int scrape = SelfCheck.get(host, daemon.port(), "/metrics");
    return scrape == 200 ? List.of() : List.of("GET /metrics answered " + scrape);
  }
}
