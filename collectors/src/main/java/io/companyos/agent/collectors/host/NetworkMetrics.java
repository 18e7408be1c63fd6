package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Per network interface present when bound ({@code interface} tag), cumulative counters:
 * {@code agent.host.network.received|sent} bytes, {@code agent.host.network.packets.received|sent}
 * packets, {@code agent.host.network.errors{direction=in|out}} errors.
 */
final class NetworkMetrics implements MeterBinder {

  private final HardwareAbstractionLayer hardware;

  NetworkMetrics(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (NetworkIF network : hardware.getNetworkIFs(true)) {
      Refresher refresher = new Refresher(Duration.ofSeconds(1), network::updateAttributes);
      counter(registry, "agent.host.network.received", "Bytes received", "bytes",
          network, refresher, NetworkIF::getBytesRecv, null);
      counter(registry, "agent.host.network.sent", "Bytes sent", "bytes",
          network, refresher, NetworkIF::getBytesSent, null);
      counter(registry, "agent.host.network.packets.received", "Packets received", "packets",
          network, refresher, NetworkIF::getPacketsRecv, null);
      counter(registry, "agent.host.network.packets.sent", "Packets sent", "packets",
          network, refresher, NetworkIF::getPacketsSent, null);
      counter(registry, "agent.host.network.errors", "Receive or transmit errors", "errors",
          network, refresher, NetworkIF::getInErrors, "in");
      counter(registry, "agent.host.network.errors", "Receive or transmit errors", "errors",
          network, refresher, NetworkIF::getOutErrors, "out");
    }
  }

  private static void counter(MeterRegistry registry, String name, String description,
      String unit, NetworkIF network, Refresher refresher, ToDoubleFunction<NetworkIF> value,
      String direction) {
    FunctionCounter.Builder<NetworkIF> builder = FunctionCounter.builder(name, network, n -> {
      refresher.refresh();
      return value.applyAsDouble(n);
    }).description(description).baseUnit(unit).tag("interface", network.getName());
    if (direction != null) {
      builder.tag("direction", direction);
    }
    builder.register(registry);
  }
}
