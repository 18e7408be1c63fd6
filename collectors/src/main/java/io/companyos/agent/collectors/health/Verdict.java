package io.companyos.agent.collectors.health;

import java.util.Objects;

/** What a probe found, before the timing wrapper adds its name, type and latency. */
record Verdict(ProbeStatus status, String detail) {

  Verdict {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  static Verdict up(String detail) {
    return new Verdict(ProbeStatus.UP, detail);
  }

  static Verdict degraded(String detail) {
    return new Verdict(ProbeStatus.DEGRADED, detail);
  }

  static Verdict down(String detail) {
    return new Verdict(ProbeStatus.DOWN, detail);
  }
}
