package io.companyos.agent.cli;

import io.companyos.agent.collectors.health.HealthCheck;
import io.companyos.agent.collectors.health.HealthReport;
import io.companyos.agent.collectors.health.HealthReportJson;
import io.companyos.agent.collectors.health.Probe;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.ProbeConfig;
import io.companyos.agent.daemon.OnDemandVertx;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent health}: runs every configured probe once and prints the JSON health report. */
@Command(name = "health",
    description = "Run every configured probe once and print a JSON report; "
        + "exit 0 when all are UP, 1 otherwise.")
final class HealthCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws ConfigException, InterruptedException, ExecutionException {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    OnDemandVertx vertx = new OnDemandVertx();
    try {
      List<Probe> probes = new ArrayList<>();
      for (ProbeConfig probe : config.probes()) {
        probes.add(probe.toProbe(vertx));
      }
      HealthReport report = new HealthCheck(probes).run().get();
      PrintWriter out = spec.commandLine().getOut();
      out.println(new HealthReportJson().write(report));
      out.flush();
      return report.allUp() ? ExitCodes.OK : ExitCodes.FAILED;
    } finally {
      vertx.close();
    }
  }
}
