package io.companyos.agent.policy.egress;

import java.util.concurrent.CompletableFuture;

/**
 * The network side of egress, implemented outside policy (the exporters' HTTPS transport). Only the
 * {@link EgressGuard} holds one: exporters get an {@link EgressSender}, never a transport. The guard creates its
 * transport through a {@link TransportFactory} the first time a tier lets something leave, so in tier airgapped no
 * transport (no HTTP client) exists at all.
 */
public interface EgressTransport extends AutoCloseable {
  /**
   * Posts a request. Completes with the response status, or exceptionally with the I/O failure (timeout, reset,
   * refused). Never throws.
   */
  CompletableFuture<TransportResponse> post(OutboundRequest request);

  /** Releases the client; idempotent. */
  @Override
  void close();
}
