package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import oshi.hardware.CentralProcessor;

/**
 * {@code agent.host.cpu.usage} (share of all CPUs busy since the previous reading),
 * {@code agent.host.cpu.count}, {@code agent.host.load{window=1m|5m|15m}}.
 */
final class CpuMetrics implements MeterBinder {

  private final CentralProcessor processor;
  private final Refresher refresher;
  private long[] previousTicks;
  private double usage = Double.NaN;
  private double[] load = {Double.NaN, Double.NaN, Double.NaN};

  CpuMetrics(CentralProcessor processor) {
    this.processor = processor;
    this.previousTicks = processor.getSystemCpuLoadTicks();
    this.refresher = new Refresher(Duration.ofSeconds(1), this::update);
  }

  private void update() {
    long[] ticks = processor.getSystemCpuLoadTicks();
    usage = processor.getSystemCpuLoadBetweenTicks(previousTicks, ticks);
    previousTicks = ticks;
    load = processor.getSystemLoadAverage(3);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("agent.host.cpu.usage", this, m -> m.read(-1))
        .description("Share of all CPUs' time spent busy since the previous reading (0-1)")
        .baseUnit("ratio")
        .strongReference(true).register(registry);
    Gauge.builder("agent.host.cpu.count", processor, CentralProcessor::getLogicalProcessorCount)
        .description("Logical processors of the host")
        .baseUnit("cpus")
        .strongReference(true).register(registry);
    String[] windows = {"1m", "5m", "15m"};
    for (int i = 0; i < windows.length; i++) {
      int index = i;
      Gauge.builder("agent.host.load", this, m -> m.read(index))
          .description("System load average: runnable and uninterruptible tasks")
          .baseUnit("tasks")
          .tag("window", windows[i])
          .strongReference(true).register(registry);
    }
  }

  private synchronized double read(int loadIndex) {
    refresher.refresh();
    if (loadIndex < 0) {
      return usage;
    }
    double value = load[loadIndex];
    return value < 0 ? Double.NaN : value; // OSHI reports -1 where the platform has none
  }
}
