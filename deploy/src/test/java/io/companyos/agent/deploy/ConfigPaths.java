package io.companyos.agent.deploy;

import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.LogSourceConfig;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every file system path an effective configuration names (state and output directories, key and secret files, log
 * globs up to their first wildcard, the host's /proc and /sys below hostRoot), found by walking the configuration records, so that a key added later is
 * covered without changing this class.
 */
final class ConfigPaths {
  /** A configured path and the key it came from. */
  record ConfiguredPath(String key, Path path) {}

  private ConfigPaths() {}

  static List<ConfiguredPath> of(AgentConfig config) {
    List<ConfiguredPath> out = new ArrayList<>();
    walk("", config, out);
    return List.copyOf(out);
  }

  private static void walk(String key, Object value, List<ConfiguredPath> out) {
    if (value instanceof Path p && key.equals("hostRoot")) {
      // the host's /proc and /sys are read below it: those two must be mounted
      out.add(new ConfiguredPath(key + "/proc", p.resolve("proc")));
      out.add(new ConfiguredPath(key + "/sys", p.resolve("sys")));
    } else if (value instanceof Path p) {
      out.add(new ConfiguredPath(key, p));
    } else if (value instanceof LogSourceConfig log) {
      out.add(new ConfiguredPath(key + ".path", Path.of(beforeFirstWildcard(log.path()))));
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(key + "[" + i++ + "]", item, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(key + "." + k, v, out));
    } else if (value != null && value.getClass().isRecord()
        && value.getClass().getPackageName().startsWith("io.companyos.")) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          walk(key.isEmpty() ? c.getName() : key + "." + c.getName(), c.getAccessor().invoke(value), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + key + "." + c.getName(), e);
        }
      }
    }
  }

  private static String beforeFirstWildcard(String glob) {
    int cut = glob.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = glob.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return glob.substring(0, cut);
  }
}
