/**
 * The persistent export queue: every batch is on disk (checksummed, fsynced) before anyone tries to send it, and is
 * deleted only after the endpoint accepted it. {@link io.companyos.agent.exporters.queue.DiskQueue} stores,
 * {@link io.companyos.agent.exporters.queue.QueueDrainer} sends in order with capped, jittered backoff.
 */
package io.companyos.agent.exporters.queue;
