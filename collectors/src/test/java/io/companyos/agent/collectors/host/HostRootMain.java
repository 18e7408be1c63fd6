package io.companyos.agent.collectors.host;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link HostRootTest}: OSHI's paths are fixed once per JVM. Configures the
 * host root(s) given as arguments, then prints the memory gauges, or the configuration error.
 */
public final class HostRootMain {
  private HostRootMain() {}

  public static void main(String[] args) {
    try {
      HostRoot.configure(Path.of(args[0]));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new MemoryMetrics(new oshi.SystemInfo().getHardware().getMemory()).bindTo(registry);
      for (String name : new String[] {"total", "available", "used"}) {
        System.out.println("memory." + name + "=" + (long) registry.get("agent.host.memory." + name).gauge().value());
      }
      System.out.println("swap.used=" + (long) registry.get("agent.host.swap.used").gauge().value());
      if (args.length > 1) {
        HostRoot.configure(Path.of(args[1]));
      }
    } catch (IllegalStateException e) {
      System.out.println("error=" + e.getMessage());
    }
  }
}
