package io.companyos.agent.exporters.otlp;

import io.companyos.agent.exporters.queue.Backoff;
import io.companyos.agent.exporters.queue.DiskQueue;
import io.companyos.agent.exporters.queue.QueueDrainer;
import io.companyos.agent.exporters.transport.HttpsTransport;
import io.companyos.agent.exporters.transport.TransportOptions;
import io.companyos.agent.policy.PayloadKind;
import io.companyos.agent.policy.Tier;
import io.companyos.agent.policy.egress.EgressGuard;
import io.companyos.agent.policy.ledger.EgressLedger;
import io.companyos.agent.policy.ledger.LedgerLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Child process for {@link RecordAheadKillTest}: drains the queue in {@code args[0]/queue} through the real guard,
 * ledger ({@code args[0]/ledger}) and transport to {@code args[1]} (an endpoint that never answers), until killed.
 */
public final class DrainerChildMain {
  private DrainerChildMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    URI metrics = URI.create(args[1]).resolve("/v1/metrics");
    URI logs = URI.create(args[1]).resolve("/v1/logs");
    Clock clock = Clock.systemUTC();
    try (DiskQueue queue = DiskQueue.builder(dir.resolve("queue")).open();
        EgressGuard guard = EgressGuard.builder()
            .tier(Tier.FULL)
            .endpoint(PayloadKind.OTLP_METRICS, metrics)
            .endpoint(PayloadKind.OTLP_LOGS, logs)
            .transportFactory(() -> {
              try {
                return HttpsTransport.create(TransportOptions.builder().timeout(Duration.ofMinutes(5)).build(), clock);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
            .ledger(EgressLedger.open(dir.resolve("ledger"), LedgerLimits.DEFAULT, clock))
            .build()) {
      QueueDrainer drainer = new QueueDrainer(queue, new OtlpBatchSender(k -> guard.sender(k,
          guard.endpoint(k).orElseThrow())), Backoff.DEFAULT, () -> 0.5, Duration.ofSeconds(1), 10);
      while (true) {
        drainer.drainOnce();
      }
    }
  }
}
