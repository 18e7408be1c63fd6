package io.companyos.agent.exporters.otlp;

/** The OTLP signals the agent sends, with their OTLP/HTTP paths. */
public enum OtlpSignal {
  METRICS(1, "/v1/metrics"),
  LOGS(2, "/v1/logs");

  private final int code;
  private final String path;

  OtlpSignal(int code, String path) {
    this.code = code;
    this.path = path;
  }

  /** The path below the telemetry endpoint, e.g. {@code /v1/metrics}. */
  public String path() {
    return path;
  }

  int code() {
    return code;
  }

  static OtlpSignal ofCode(int code) {
    for (OtlpSignal s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown signal code " + code);
  }

  /** The signal an OTLP/HTTP endpoint URI is for, from its path. */
  static OtlpSignal ofEndpointPath(String path) {
    for (OtlpSignal s : values()) {
      if (path != null && path.endsWith(s.path)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not an OTLP/HTTP metrics or logs path");
  }
}
