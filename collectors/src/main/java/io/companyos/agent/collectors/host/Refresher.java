package io.companyos.agent.collectors.host;

import java.time.Duration;

/**
 * Runs an update at most once per interval, so that the several gauges of one OSHI object (a
 * disk's bytes and operations) share one read of {@code /proc} per scrape.
 */
final class Refresher {

  private final Runnable update;
  private final long intervalNanos;
  private long last;
  private boolean done;

  Refresher(Duration interval, Runnable update) {
    this.update = update;
    this.intervalNanos = interval.toNanos();
  }

  synchronized void refresh() {
    long now = System.nanoTime();
    if (!done || now - last >= intervalNanos) {
      update.run();
      last = now;
      done = true;
    }
  }
}
