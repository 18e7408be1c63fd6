/**
 * The Tier-1 OTLP stream. The OpenTelemetry SDK aggregates and encodes (OTLP/HTTP protobuf, gzip); instead of an HTTP
 * sender, the SDK's exporters are given {@link io.companyos.agent.exporters.otlp.QueueingSenderProvider}, which commits
 * every encoded request to the persistent {@link io.companyos.agent.exporters.queue.DiskQueue} (on a thread of its own,
 * so that the SDK's worker does not wait for the disk); the queue's drainer
 * then sends it through the egress guard. An outage or a restart therefore loses nothing up to the queue's cap.
 */
package io.companyos.agent.exporters.otlp;
