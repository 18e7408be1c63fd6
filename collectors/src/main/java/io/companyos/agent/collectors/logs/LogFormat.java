package io.companyos.agent.collectors.logs;

import java.util.Locale;
import java.util.regex.Pattern;

/** How the lines of a log file are written. */
public enum LogFormat {
  /** Decided from the first non-empty line: CRI, JSON, otherwise plain. */
  AUTO,
  /** Text lines, usually starting with a timestamp; Java stack traces span several lines. */
  PLAIN,
  /** One JSON object per line (logstash/ECS-style field names). */
  JSON,
  /** Kubernetes CRI: {@code <RFC3339Nano time> <stdout|stderr> <P|F> <message>}. */
  CRI;

  private static final Pattern CRI_LINE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+ (stdout|stderr) [PF] .*", Pattern.DOTALL);

  /** Parses a config value ({@code auto|plain|json|cri}, any case). */
  public static LogFormat parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "log format must be one of auto, plain, json, cri; got '" + text + "'", e);
    }
  }

  /** The concrete format of a file whose first non-empty line is {@code firstLine}. */
  static LogFormat detect(String firstLine) {
    if (CRI_LINE.matcher(firstLine).matches()) {
      return CRI;
    }
    return firstLine.stripLeading().startsWith("{") ? JSON : PLAIN;
  }
}
