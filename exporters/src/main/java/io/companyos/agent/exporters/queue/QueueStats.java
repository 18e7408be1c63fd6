package io.companyos.agent.exporters.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of the queue.
 *
 * @param batches batches waiting to be sent
 * @param bytes their payload bytes
 * @param dropped batches dropped since start because the queue was full (oldest first)
 * @param corrupt damaged records or segment tails skipped since start (torn writes, bit rot)
 * @param writeErrors batches that could not be written since start (the disk was full, say); none of them is queued
 * @param oldestEnqueuedAt when the oldest waiting batch was committed, if any
 */
public record QueueStats(long batches, long bytes, long dropped, long corrupt, long writeErrors,
    Optional<Instant> oldestEnqueuedAt) {}
