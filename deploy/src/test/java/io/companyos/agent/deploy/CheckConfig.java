package io.companyos.agent.deploy;

import io.companyos.agent.cli.AgentCommand;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code agent check-config} in-process on a configuration text, as an operator would on the file. */
final class CheckConfig {
  record Result(int exitCode, String out, String err) {}

  private CheckConfig() {}

  /** {@code agent check-config --config FILE} on {@code yamlText}, written to a temporary file. */
  static Result run(String yamlText) throws IOException {
    Path file = Files.createTempFile("agent-", ".yaml");
    try {
      Files.writeString(file, yamlText, StandardCharsets.UTF_8);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = AgentCommand.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute("check-config", "--config", file.toString());
      return new Result(code, out.toString(), err.toString());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The effective configuration: {@code yamlText} with the given {@code COMPANYOS_AGENT_*} environment. */
  static AgentConfig effective(String yamlText, Map<String, String> env) throws ConfigException {
    return new ConfigLoader(env).bind(yamlText);
  }
}
