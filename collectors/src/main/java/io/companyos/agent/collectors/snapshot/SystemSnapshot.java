package io.companyos.agent.collectors.snapshot;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Objects;

/**
 * What the agent runs on, as plain data (Jackson writes it as JSON as is).
 *
 * @param capturedAt when this was taken
 * @param hostname the host (or pod) name; null if unknown
 * @param os operating system
 * @param jvm the agent's own JVM
 * @param container {@code kubernetes}, {@code docker}, {@code podman} or {@code none}
 * @param kubernetes identity from the downward API; fields null when not set
 */
public record SystemSnapshot(
    @JsonSerialize(using = ToStringSerializer.class) Instant capturedAt, String hostname, Os os, Jvm jvm, String container, Kubernetes kubernetes) {

  public SystemSnapshot {
    Objects.requireNonNull(capturedAt, "capturedAt");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(kubernetes, "kubernetes");
  }

  /**
   * @param name e.g. {@code Linux}
   * @param distribution {@code PRETTY_NAME} of os-release; null if unknown
   * @param kernel kernel release, e.g. {@code 6.1.0-18-amd64}
   * @param arch e.g. {@code amd64}
   */
  public record Os(String name, String distribution, String kernel, String arch) {}

  /**
   * @param version {@code java.version}
   * @param vendor {@code java.vendor}
   * @param runtime {@code java.runtime.version}
   * @param vm {@code java.vm.name}
   * @param availableProcessors processors the JVM may use (container limits applied)
   * @param maxHeapBytes the heap limit
   */
  public record Jvm(
      String version, String vendor, String runtime, String vm, int availableProcessors,
      long maxHeapBytes) {}

  /**
   * @param nodeName {@code NODE_NAME}
   * @param podName {@code POD_NAME}
   * @param podNamespace {@code POD_NAMESPACE}
   */
  public record Kubernetes(String nodeName, String podName, String podNamespace) {}
}
