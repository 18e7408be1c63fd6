package io.companyos.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.daemon.EgressPreview;
import io.companyos.agent.policy.signed.PolicyRefusedException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agent preview}: exactly what the agent would send next, as JSON; sends nothing, builds no HTTP client. */
@Command(name = "preview",
    description = "Print, as JSON, exactly what the next heartbeat (and, in tier full, the OTLP export) would "
        + "contain. Sends nothing.")
final class PreviewCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    Object preview;
    try {
      preview = EgressPreview.render(config, Clock.systemUTC());
    } catch (PolicyRefusedException e) {
      throw new ConfigException("policy", "", "refused: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(preview));
    out.flush();
    return ExitCodes.OK;
  }
}
