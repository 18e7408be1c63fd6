package io.companyos.agent.collectors.health;

import java.util.HashMap;
import java.util.Map;

/** The fields of Redis' {@code INFO} reply that the probe uses. */
record RedisInfo(String version, String role, long usedMemory, long maxMemory, long clients) {

  /** Parses the {@code key:value} lines of an {@code INFO} reply; missing numbers are 0. */
  static RedisInfo parse(String info) {
    Map<String, String> fields = new HashMap<>();
    for (String line : info.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return new RedisInfo(
        fields.getOrDefault("redis_version", "?"),
        fields.getOrDefault("role", "?"),
        number(fields.get("used_memory")),
        number(fields.get("maxmemory")),
        number(fields.get("connected_clients")));
  }

  private static long number(String value) {
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
