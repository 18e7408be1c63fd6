package io.companyos.agent.collectors.host;

import java.nio.file.Path;
import java.util.Objects;
import oshi.util.GlobalConfig;
import oshi.util.linux.ProcPath;

/**
 * Where the host's {@code /proc}, {@code /sys} and {@code /dev} are: {@code /} on a plain host,
 * e.g. {@code /host} in a DaemonSet that mounts them there. OSHI reads these paths from its global
 * configuration once, when its Linux classes first load, so {@link #configure} must run before the
 * first {@link HostMetrics} is created, and only one root per JVM is possible.
 */
public final class HostRoot {

  private HostRoot() {}

  /**
   * Points OSHI at {@code root}. Idempotent for the same root.
   *
   * @throws IllegalStateException when OSHI already loaded with another root
   */
  public static void configure(Path root) {
    Objects.requireNonNull(root, "root");
    Path absolute = root.toAbsolutePath().normalize();
    String proc = absolute.resolve("proc").toString();
    GlobalConfig.set(GlobalConfig.OSHI_UTIL_PROC_PATH, proc);
    GlobalConfig.set(GlobalConfig.OSHI_UTIL_SYS_PATH, absolute.resolve("sys") + "/");
    GlobalConfig.set(GlobalConfig.OSHI_UTIL_DEV_PATH, absolute.resolve("dev") + "/");
    if (!ProcPath.PROC.equals(proc)) {
      throw new IllegalStateException("host metrics already read " + ProcPath.PROC
          + "; the host root must be set before the first host metric is read");
    }
  }

  /** The {@code /proc} OSHI reads. */
  public static String procPath() {
    return ProcPath.PROC;
  }
}
