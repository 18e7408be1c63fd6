package io.companyos.agent.exporters.heartbeat;

import io.companyos.agent.policy.egress.EgressTransport;
import io.companyos.agent.policy.egress.OutboundRequest;
import io.companyos.agent.policy.egress.TransportResponse;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The vendor's heartbeat receiver as the network boundary sees it: it accepts the first heartbeat of each
 * Idempotency-Key and drops duplicates, and it can be down in several ways during given windows of simulated time.
 */
final class FakeVendor implements EgressTransport {
  enum Fault { UNAVAILABLE_RETRY_AFTER, CONNECTION_RESET, TIMEOUT }

  record Outage(Instant from, Instant to, Fault fault) {}

  private final Clock clock;
  private final List<Outage> outages = new ArrayList<>();
  final Map<String, Instant> acceptedByKey = new LinkedHashMap<>();
  int requests;
  int duplicates;

  FakeVendor(Clock clock) {
    this.clock = clock;
  }

  void outage(Instant from, Duration length, Fault fault) {
    outages.add(new Outage(from, from.plus(length), fault));
  }

  @Override
  public synchronized CompletableFuture<TransportResponse> post(OutboundRequest request) {
    requests++;
    Instant now = clock.instant();
    for (Outage o : outages) {
      if (!now.isBefore(o.from()) && now.isBefore(o.to())) {
        return switch (o.fault()) {
          case UNAVAILABLE_RETRY_AFTER -> CompletableFuture.completedFuture(
              new TransportResponse(503, Optional.of(Duration.ofMinutes(30))));
          case CONNECTION_RESET -> CompletableFuture.failedFuture(new IOException("Connection reset"));
          case TIMEOUT -> CompletableFuture.failedFuture(new HttpTimeoutException("request timed out"));
        };
      }
    }
    String key = request.headers().get("Idempotency-Key");
    if (acceptedByKey.containsKey(key)) {
      duplicates++;
    } else {
      acceptedByKey.put(key, now);
    }
    return CompletableFuture.completedFuture(new TransportResponse(202, Optional.empty()));
  }

  @Override
  public void close() {}
}
