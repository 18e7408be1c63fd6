package io.companyos.agent.daemon;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One small Vert.x instance for a command, started only when a probe needs an event loop (postgres, redis), so that
 * commands without such probes start none.
 */
public final class OnDemandVertx implements Supplier<Vertx>, AutoCloseable {
  private Vertx vertx;

  @Override
  public synchronized Vertx get() {
    if (vertx == null) {
      vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    }
    return vertx;
  }

  @Override
  public synchronized void close() throws InterruptedException, ExecutionException {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      vertx = null;
    }
  }
}
