package io.companyos.agent.exporters.queue;

/** Sends one queued batch; blocking, with its own timeout. Implementations never throw: failures are outcomes. */
@FunctionalInterface
public interface BatchSender {
  SendOutcome send(QueuedBatch batch);
}
