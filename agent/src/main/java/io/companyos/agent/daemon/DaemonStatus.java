package io.companyos.agent.daemon;

import io.companyos.agent.config.AgentVersion;
import io.companyos.agent.config.AgentConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** What {@code /readyz} and {@code /v1/status} report: readiness checks and per-component status sections. */
public final class DaemonStatus {
  private final AgentConfig config;
  private final UUID installationId;
  private final Clock clock;
  private final Instant started;
  private final List<ReadinessCheck> checks;
  private final List<StatusContributor> contributors = new CopyOnWriteArrayList<>();
  private volatile boolean lastReady;

  DaemonStatus(AgentConfig config, UUID installationId, Clock clock, Instant started, List<ReadinessCheck> checks) {
    this.config = config;
    this.installationId = installationId;
    this.clock = clock;
    this.started = started;
    this.checks = new CopyOnWriteArrayList<>(checks);
  }

  /** Adds a readiness condition, e.g. "the OTLP pipeline started". */
  public void addReadinessCheck(ReadinessCheck check) {
    checks.add(check);
  }

  /** Adds a section to {@code /v1/status}. */
  public void addContributor(StatusContributor contributor) {
    contributors.add(contributor);
  }

  /** Runs every readiness check (may block briefly); returns the reasons for not being ready, empty when ready. */
  public List<String> readinessProblems() {
    List<String> problems = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      String problem;
      try {
        problem = check.problem();
      } catch (RuntimeException e) {
        problem = check.name() + " check failed (" + e.getClass().getSimpleName() + ")";
      }
      if (problem != null) {
        problems.add(problem);
      }
    }
    lastReady = problems.isEmpty();
    return problems;
  }

  boolean lastReady() {
    return lastReady;
  }

  /**
   * The {@code /v1/status} document. Its {@code status} is {@code degraded} when any component says so (a vendor outage
   * seen by the heartbeat, say), with the reasons; the agent stays ready all the same.
   */
  public Map<String, Object> document() {
    Map<String, Object> components = new LinkedHashMap<>();
    List<String> degraded = new ArrayList<>();
    for (StatusContributor c : contributors) {
      try {
        Map<String, Object> section = c.status();
        components.put(c.name(), section);
        if ("degraded".equals(section.get("status"))) {
          Object reason = section.get("reason");
          degraded.add(c.name() + (reason == null ? "" : ": " + reason));
        }
      } catch (RuntimeException e) {
        components.put(c.name(), Map.of("error", e.getClass().getSimpleName()));
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", degraded.isEmpty() ? "ok" : "degraded");
    if (!degraded.isEmpty()) {
      doc.put("degradedReasons", degraded);
    }
    doc.put("version", AgentVersion.get());
    doc.put("tier", config.tier().configName());
    doc.put("installationId", installationId.toString());
    doc.put("cluster", config.installation().cluster());
    doc.put("node", config.installation().node());
    doc.put("startedAt", started.toString());
    doc.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
    doc.put("components", components);
    return doc;
  }
}
