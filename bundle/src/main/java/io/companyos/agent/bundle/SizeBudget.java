package io.companyos.agent.bundle;

/** The total size cap, handed out to files in the order they start (which is priority order). */
final class SizeBudget {

  private long remaining;

  SizeBudget(long total) {
    this.remaining = total;
  }

  /** Takes up to {@code wanted} bytes; returns how many were granted (0 when the budget is spent). */
  synchronized long reserve(long wanted) {
    long granted = Math.min(wanted, remaining);
    remaining -= granted;
    return granted;
  }

  /** Gives back the part of a reservation a file did not use. */
  synchronized void release(long unused) {
    remaining += unused;
  }
}
