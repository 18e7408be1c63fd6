package io.companyos.agent.collectors.logs;

import java.util.Objects;

/**
 * One configured log source: {@code logs: [{path: glob, service: name, format: auto}]}.
 *
 * @param pathGlob absolute path with glob wildcards ({@code *}, {@code ?}, {@code [..]}, {@code
 *     {a,b}}, {@code **} for any depth), e.g. {@code /var/log/pods/*}{@code /*}{@code /*.log}
 * @param service the service name that events and the error counter are tagged with
 * @param format how lines are written; {@link LogFormat#AUTO} detects it per file
 */
public record LogSource(String pathGlob, String service, LogFormat format) {

  public LogSource {
    Objects.requireNonNull(pathGlob, "pathGlob");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(format, "format");
    if (!pathGlob.startsWith("/")) {
      throw new IllegalArgumentException("log path must be absolute, got '" + pathGlob + "'");
    }
    if (service.isBlank()) {
      throw new IllegalArgumentException("log service must not be blank");
    }
  }
}
