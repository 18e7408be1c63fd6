package io.companyos.agent.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Finds this node's name: the downward API's {@code NODE_NAME}, else {@code HOSTNAME}, else the kernel's host name
 * ({@code /proc/sys/kernel/hostname}, then {@code /etc/hostname}), and only where neither exists the resolver's.
 *
 * <p>Not the resolver first: {@code InetAddress.getLocalHost()} looks the host name up (in DNS where
 * {@code /etc/hosts} does not have it), and on an air-gapped network with an unreachable name server that waited
 * for its time-outs, seconds, at the start of every command that reads the configuration ({@code HOSTNAME} is a
 * shell variable that a login shell does not export, so {@code bin/agent} on a host seldom has it).
 */
final class NodeName {
  private static final List<Path> KERNEL = List.of(Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname"));

  private NodeName() {}

  static String detect() {
    return detect(System.getenv(), KERNEL);
  }

  static String detect(Map<String, String> env, List<Path> hostnameFiles) {
    for (String var : new String[] {"NODE_NAME", "HOSTNAME"}) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    for (Path file : hostnameFiles) {
      try {
        String name = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!name.isEmpty()) {
          return name;
        }
      } catch (IOException | RuntimeException e) {
        // not Linux, or not readable: the next source
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
