package io.companyos.agent.collectors.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a fixed set of probes concurrently, once per call to {@link #run()}. */
public final class HealthCheck {

  private final List<Probe> probes;

  public HealthCheck(List<? extends Probe> probes) {
    this.probes = List.copyOf(probes);
  }

  /** The probes, in configuration order. */
  public List<Probe> probes() {
    return probes;
  }

  /**
   * Starts every probe at once and completes when all have a result; never completes
   * exceptionally. The report lists the results in configuration order.
   */
  public CompletableFuture<HealthReport> run() {
    List<CompletableFuture<ProbeResult>> running = new ArrayList<>(probes.size());
    for (Probe probe : probes) {
      running.add(guarded(probe));
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .thenApply(done -> new HealthReport(running.stream().map(CompletableFuture::join).toList()));
  }

  /** A probe that breaks its contract (throws, fails its future) still yields a DOWN result. */
  private static CompletableFuture<ProbeResult> guarded(Probe probe) {
    CompletableFuture<ProbeResult> future;
    try {
      future = probe.check();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    return future.exceptionally(
        e -> new ProbeResult(
            probe.name(), probe.type(), ProbeStatus.DOWN, java.time.Duration.ZERO, Causes.describe(e)));
  }
}
