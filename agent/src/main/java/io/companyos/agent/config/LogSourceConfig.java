package io.companyos.agent.config;

/**
 * One log source.
 *
 * @param path a file or glob, e.g. {@code /var/log/companyos/*.log} (required)
 * @param service the CompanyOS service the logs belong to (required)
 * @param format {@code auto}, {@code plain}, {@code json} or {@code cri} (default {@code auto})
 */
public record LogSourceConfig(String path, String service, String format) {
  public LogSourceConfig {
    path = InvalidValueException.requiredText(path, "path");
    if (!path.startsWith("/")) {
      throw new InvalidValueException("path", "must be an absolute path or glob, e.g. /var/log/companyos/*.log");
    }
    service = InvalidValueException.requiredText(service, "service");
    format = format == null ? "auto" : format;
    if (!format.matches("auto|plain|json|cri")) {
      throw new InvalidValueException("format", "expected one of auto, plain, json, cri");
    }
  }
}
