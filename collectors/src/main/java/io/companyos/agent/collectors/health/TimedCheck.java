package io.companyos.agent.collectors.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a probe's work under its timeout and turns every outcome into a {@link ProbeResult}: a
 * timeout or exception becomes DOWN with a short cause, and any secret is cut from the detail.
 */
final class TimedCheck {

  private TimedCheck() {}

  static CompletableFuture<ProbeResult> run(
      Probe probe, Supplier<? extends CompletionStage<Verdict>> work, Supplier<String> secret) {
    long start = System.nanoTime();
    Duration timeout = probe.timeout();
    CompletableFuture<Verdict> verdict;
    try {
      verdict = work.get().toCompletableFuture().copy();
    } catch (RuntimeException e) {
      verdict = CompletableFuture.failedFuture(e);
    }
    return verdict
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .handle(
            (found, error) -> {
              Duration latency = Duration.ofNanos(System.nanoTime() - start);
              Verdict v = error == null ? found : Verdict.down(failure(error, timeout));
              String detail = Causes.withoutSecret(Causes.shorten(v.detail()), safely(secret));
              return new ProbeResult(probe.name(), probe.type(), v.status(), latency, detail);
            });
  }

  private static String failure(Throwable error, Duration timeout) {
    String cause = Causes.describe(error);
    return cause.equals("timed out") ? "timed out after " + timeout.toMillis() + " ms" : cause;
  }

  private static String safely(Supplier<String> secret) {
    try {
      return secret.get();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
