package io.companyos.agent.bundling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.collectors.snapshot.SystemSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code system/system.json}: OS, distribution, kernel, architecture, the agent's JVM, container runtime and the
 * Kubernetes identity ({@code NODE_NAME}, {@code POD_NAME}, {@code POD_NAMESPACE}).
 */
final class SystemCollector implements BundleCollector {
  private final Map<String, String> env;
  private final Path hostRoot;
  private final Clock clock;

  /** @param hostRoot where the host's {@code /proc} and {@code /etc} are ({@code hostRoot} of the configuration) */
  SystemCollector(Map<String, String> env, Path hostRoot, Clock clock) {
    this.env = Map.copyOf(env);
    this.hostRoot = hostRoot;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public String category() {
    return "system";
  }

  @Override
  public Collected collect() throws Exception {
    Object snapshot = new SystemSnapshots(env, hostRoot, clock).capture();
    byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(snapshot);
    return new Collected(List.of(InMemorySource.of("system/system.json", SourcePriority.SYSTEM, json)), "");
  }
}
