package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import oshi.hardware.GlobalMemory;

/**
 * {@code agent.host.memory.total|available|used} and {@code agent.host.swap.total|used}, bytes.
 */
final class MemoryMetrics implements MeterBinder {

  private final GlobalMemory memory;

  MemoryMetrics(GlobalMemory memory) {
    this.memory = memory;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("agent.host.memory.total", memory, GlobalMemory::getTotal)
        .description("Physical memory of the host").baseUnit("bytes").strongReference(true).register(registry);
    Gauge.builder("agent.host.memory.available", memory, GlobalMemory::getAvailable)
        .description("Memory available to new work without swapping (MemAvailable)")
        .baseUnit("bytes").strongReference(true).register(registry);
    Gauge.builder("agent.host.memory.used", memory, m -> m.getTotal() - m.getAvailable())
        .description("Physical memory not available (total minus available)")
        .baseUnit("bytes").strongReference(true).register(registry);
    Gauge.builder("agent.host.swap.total", memory, m -> m.getVirtualMemory().getSwapTotal())
        .description("Swap space of the host").baseUnit("bytes").strongReference(true).register(registry);
    Gauge.builder("agent.host.swap.used", memory, m -> m.getVirtualMemory().getSwapUsed())
        .description("Swap space in use").baseUnit("bytes").strongReference(true).register(registry);
  }
}
