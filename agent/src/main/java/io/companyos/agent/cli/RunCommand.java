package io.companyos.agent.cli;

import ch.qos.logback.classic.LoggerContext;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.daemon.AgentDaemon;
import io.companyos.agent.daemon.StateDirectory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agent run}: the daemon. Runs until SIGTERM or SIGINT, then stops accepting work, flushes, and exits 0 within
 * {@link #STOP_TIMEOUT} (1 if it could not stop cleanly in time).
 */
@Command(name = "run", description = "Run the agent daemon until SIGTERM.")
final class RunCommand implements Callable<Integer> {
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(9);

  @Mixin
  CommonOptions common;

  @Option(names = "--exit-when-ready", hidden = true,
      description = "Start, answer one readiness check and one scrape, then stop: a smoke test, and the training run"
          + " that bin/agent uses to build the class-data-sharing archive")
  boolean exitWhenReady;

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
    AgentDaemon daemon;
    try {
      daemon = AgentDaemon.start(config, state, Clock.systemUTC());
    } catch (Exception e) {
      state.close();
      throw e;
    }
    if (exitWhenReady) {
      List<String> problems = daemon.readinessProblems();
      daemon.metrics().scrape();
      daemon.stop(STOP_TIMEOUT);
      state.close();
      if (!problems.isEmpty()) {
        throw new IllegalStateException("not ready: " + String.join("; ", problems));
      }
      return ExitCodes.OK;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      boolean clean = daemon.stop(STOP_TIMEOUT);
      state.close();
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
        ctx.stop();
      }
      // A JVM ended by a signal exits 143; an orderly stop on SIGTERM is a success, so say so.
      Runtime.getRuntime().halt(clean ? ExitCodes.OK : ExitCodes.FAILED);
    }, "agent-shutdown"));
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }
}
