package io.companyos.agent.collectors.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Checks one target once. Implementations are immutable and safe to call from any thread.
 *
 * <p>Contract: {@link #check()} never throws and its future never completes exceptionally; it
 * completes within {@link #timeout()} (plus scheduling slack) with DOWN when the target did not
 * answer in time.
 */
public interface Probe {

  /** The configured name, unique within a configuration (the {@code probe} tag of the meters). */
  String name();

  /** The kind of target: {@code http}, {@code tcp}, {@code postgres}, {@code redis}, {@code neo4j}. */
  String type();

  /** How long one check may take before it is DOWN. */
  Duration timeout();

  /** Runs the check once. */
  CompletableFuture<ProbeResult> check();
}
