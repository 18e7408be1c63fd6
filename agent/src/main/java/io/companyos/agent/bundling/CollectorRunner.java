package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.manifest.CollectorRun;
import io.companyos.agent.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Runs collectors concurrently, each under the same timeout. A collector that fails is recorded as {@code FAILED}
 * with its exception's type (never its message, which may quote customer data), one that does not finish in time as
 * {@code TIMED_OUT}; neither blocks the bundle. Collector names and details pass through the redactor on their way
 * into the manifest, which is not otherwise redacted.
 */
final class CollectorRunner {
  private final Duration timeout;
  private final UnaryOperator<String> redact;

  CollectorRunner(Duration timeout, UnaryOperator<String> redact) {
    this.timeout = timeout;
    this.redact = redact;
  }

  BundleCollection.Result run(List<BundleCollector> collectors) throws InterruptedException {
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(collectors.size(), 8)), task -> {
      Thread thread = new Thread(task, "bundle-collector");
      thread.setDaemon(true); // a hung collector must not keep the JVM alive
      return thread;
    });
    try {
      long start = System.nanoTime();
      List<Future<Timed>> futures = new ArrayList<>();
      for (BundleCollector collector : collectors) {
        futures.add(executor.submit(() -> {
          long began = System.nanoTime();
          BundleCollector.Collected collected = collector.collect();
          return new Timed(collected, millisSince(began));
        }));
      }
      long deadline = start + timeout.toNanos();
      List<BundleSource> sources = new ArrayList<>();
      List<CollectorRun> runs = new ArrayList<>();
      for (int i = 0; i < collectors.size(); i++) {
        String name = redact.apply(collectors.get(i).name());
        Future<Timed> future = futures.get(i);
        try {
          Timed timed = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          sources.addAll(timed.collected().sources());
          runs.add(new CollectorRun(name, CollectorRun.Status.OK, timed.millis(),
              redact.apply(timed.collected().detail())));
        } catch (TimeoutException e) {
          future.cancel(true);
          runs.add(new CollectorRun(name, CollectorRun.Status.TIMED_OUT, millisSince(start),
              "did not finish within " + Durations.format(timeout)));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          runs.add(new CollectorRun(name, CollectorRun.Status.FAILED, millisSince(start),
              cause instanceof CollectorFailure ? redact.apply(cause.getMessage())
                  : cause.getClass().getSimpleName()));
        }
      }
      return new BundleCollection.Result(sources, runs);
    } finally {
      executor.shutdownNow();
    }
  }

  private record Timed(BundleCollector.Collected collected, long millis) {}

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** A run record for a collector left out by {@code --include}. */
  static CollectorRun skipped(String name) {
    return new CollectorRun(name, CollectorRun.Status.SKIPPED, 0, "not in --include");
  }
}
