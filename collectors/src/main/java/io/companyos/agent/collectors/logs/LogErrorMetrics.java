package io.companyos.agent.collectors.logs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code agent.log.errors{service}}: ERROR-level events seen per configured service. Counters
 * exist from {@link #bindTo} on (at zero), so a rate is defined before the first error.
 */
public final class LogErrorMetrics implements MeterBinder {

  private final List<String> services;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public LogErrorMetrics(List<String> services) {
    this.services = List.copyOf(services);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String service : services) {
      counters.put(service, Counter.builder("agent.log.errors")
          .description("ERROR-level log events seen in the service's log files")
          .baseUnit("events")
          .tag("service", service)
          .register(registry));
    }
  }

  /** Counts {@code event} when it is an error of a configured service; ignores anything else. */
  public void record(LogEvent event) {
    if (event.isError()) {
      Counter counter = counters.get(event.service());
      if (counter != null) {
        counter.increment();
      }
    }
  }
}
