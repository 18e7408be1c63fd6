package io.companyos.agent.collectors.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Takes {@link SystemSnapshot}s. Files are read below the host root ({@code /} or e.g.
 * {@code /host}); the Kubernetes identity comes from the downward-API environment variables
 * {@code NODE_NAME}, {@code POD_NAME} and {@code POD_NAMESPACE}.
 */
public final class SystemSnapshots {

  private final Map<String, String> env;
  private final Path hostRoot;
  private final Clock clock;

  /**
   * @param env the process environment ({@code System.getenv()} in production)
   * @param hostRoot where the host's {@code /proc} and {@code /etc} are mounted ({@code /} on a host)
   * @param clock for the capture time
   */
  public SystemSnapshots(Map<String, String> env, Path hostRoot, Clock clock) {
    this.env = Map.copyOf(env);
    this.hostRoot = Objects.requireNonNull(hostRoot, "hostRoot");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SystemSnapshot capture() {
    Runtime runtime = Runtime.getRuntime();
    return new SystemSnapshot(
        clock.instant(),
        hostname(),
        new SystemSnapshot.Os(
            System.getProperty("os.name"),
            distribution(),
            firstLine(hostRoot.resolve("proc/sys/kernel/osrelease"), System.getProperty("os.version")),
            System.getProperty("os.arch")),
        new SystemSnapshot.Jvm(
            System.getProperty("java.version"),
            System.getProperty("java.vendor"),
            System.getProperty("java.runtime.version"),
            System.getProperty("java.vm.name"),
            runtime.availableProcessors(),
            runtime.maxMemory()),
        container(),
        new SystemSnapshot.Kubernetes(
            blankToNull(env.get("NODE_NAME")),
            blankToNull(env.get("POD_NAME")),
            blankToNull(env.get("POD_NAMESPACE"))));
  }

  private String hostname() {
    String fromEnv = blankToNull(env.get("HOSTNAME"));
    return fromEnv != null ? fromEnv : firstLine(Path.of("/etc/hostname"), null);
  }

  /** {@code PRETTY_NAME} from the host's os-release, else the agent's own. */
  private String distribution() {
    for (Path file : new Path[] {hostRoot.resolve("etc/os-release"), Path.of("/etc/os-release")}) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("PRETTY_NAME=")) {
            return line.substring("PRETTY_NAME=".length()).replaceAll("^\"|\"$", "");
          }
        }
      } catch (IOException e) {
        // try the next one
      }
    }
    return null;
  }

  private String container() {
    if (blankToNull(env.get("KUBERNETES_SERVICE_HOST")) != null) {
      return "kubernetes";
    }
    if (Files.exists(Path.of("/.dockerenv"))) {
      return "docker";
    }
    if (Files.exists(Path.of("/run/.containerenv"))) {
      return "podman";
    }
    return "none";
  }

  private static String firstLine(Path file, String fallback) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      int newline = text.indexOf('\n');
      return newline < 0 ? text : text.substring(0, newline);
    } catch (IOException e) {
      return fallback;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
