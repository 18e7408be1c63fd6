package io.companyos.agent.policy.egress;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A transport double that records what reaches the network boundary and answers as told. */
final class RecordingTransport implements EgressTransport {
  final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<OutboundRequest, CompletableFuture<TransportResponse>> answer;
  volatile boolean closed;

  RecordingTransport(Function<OutboundRequest, CompletableFuture<TransportResponse>> answer) {
    this.answer = answer;
  }

  @Override
  public CompletableFuture<TransportResponse> post(OutboundRequest request) {
    requests.add(request);
    return answer.apply(request);
  }

  @Override
  public void close() {
    closed = true;
  }
}
