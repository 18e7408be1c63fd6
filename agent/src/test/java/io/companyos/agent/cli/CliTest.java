package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.config.AgentVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** As {@link Main} runs a command line. */
  private int run(String... args) {
    var cl = AgentCommand.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void versionPrintsTheAgentVersion() {
    assertThat(run("version")).isZero();
    assertThat(out.toString()).startsWith("companyos-agent ").contains("java ");
    // the build filled in the generated constant (agent.version), not its placeholder
    String version = AgentVersion.get();
    assertThat(version).doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+[-.\\w]*");
    assertThat(out.toString()).startsWith("companyos-agent " + version + System.lineSeparator());
    StringWriter out2 = new StringWriter();
    var cl = AgentCommand.commandLine();
    cl.setOut(new PrintWriter(out2, true));
    assertThat(cl.execute("--version")).isZero();
    assertThat(out2.toString()).startsWith("companyos-agent ");
  }

  @Test
  void checkConfigPrintsTheEffectiveConfigWithSecretsMasked(@TempDir Path dir) throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "admin-7f3a9c-0123456789");
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "tier: heartbeat\nserver:\n  adminTokenFile: " + token + "\n"
        + "telemetry:\n  headers: { X-License-Token: lic-55aa77 }\n");
    assertThat(run("check-config", "--config", cfg.toString())).isZero();
    assertThat(out.toString())
        .contains("tier: heartbeat")
        .contains("X-License-Token: '********'")
        .doesNotContain("lic-55aa77")
        .doesNotContain("admin-7f3a9c-0123456789");
    assertThat(err.toString()).contains("config OK");
  }

  @Test
  void aBadConfigIsOneLineAndExitStatus2(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "tier: full\n\ntelemetry:\n  interval: 60s\n  endpoint: http://telemetry.example.com\n");
    assertThat(run("check-config", "-c", cfg.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("config error: telemetry.endpoint (line 5): "
        + "not an absolute https URL (plain http is accepted only for loopback addresses)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void brokenYamlSaysWhatIsWrongAndADirectorySaysItIsOne(@TempDir Path dir) throws Exception {
    Path cfg = Files.writeString(dir.resolve("agent.yaml"), "tier: full\nprobes: [\n");
    assertThat(run("check-config", "-c", cfg.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("config error: (line 2): invalid YAML: expected the node content, but found '<stream end>'\n");
    err.getBuffer().setLength(0);
    assertThat(run("check-config", "-c", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("config error: (" + dir + "): is a directory, not a configuration file\n");
  }

  @Test
  void stacktraceOnlyWhenAsked(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "tier: most\n");
    assertThat(run("check-config", "-c", cfg.toString())).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("\tat ");
    StringWriter err2 = new StringWriter();
    var cl = AgentCommand.commandLine();
    cl.setErr(new PrintWriter(err2, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("check-config", "-c", cfg.toString(), "--stacktrace")).isEqualTo(2);
    assertThat(err2.toString()).contains("\tat io.companyos.agent.config.ConfigLoader");
  }

  @Test
  void theCommandLineForOneSubcommandParsesItExactlyAsTheFullOne() {
    var full = AgentCommand.commandLine();
    for (String name : full.getSubcommands().keySet()) {
      var single = AgentCommand.commandLine(new String[] {name, "--config", "x.yaml"});
      if (name.equals("help")) {
        assertThat(single.getSubcommands()).as("help lists every command").hasSameSizeAs(full.getSubcommands());
        continue;
      }
      assertThat(single.getSubcommands()).as(name).containsOnlyKeys(name);
      var expected = full.getSubcommands().get(name).getCommandSpec();
      var actual = single.getSubcommands().get(name).getCommandSpec();
      assertThat(actual.options().stream().map(o -> String.join("|", o.names()) + ":" + o.arity()).toList())
          .as(name).isEqualTo(expected.options().stream().map(o -> String.join("|", o.names()) + ":" + o.arity())
              .toList());
      assertThat(actual.positionalParameters()).as(name).hasSameSizeAs(expected.positionalParameters());
      assertThat(actual.subcommands().keySet()).as(name).isEqualTo(expected.subcommands().keySet());
    }
    assertThat(AgentCommand.commandLine(new String[] {"--version"}).getSubcommands())
        .hasSameSizeAs(full.getSubcommands());
    assertThat(full.getSubcommands()).containsKeys("run", "export-bundle", "help");
  }

  @Test
  void theLookupOfTheInvokedSubcommandNamesEachByItsCommandName() {
    var byName = AgentCommand.subcommandsByName();
    for (var e : byName.entrySet()) {
      assertThat(e.getValue().getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(e.getKey());
    }
    assertThat(byName).hasSize(13).containsKeys("redact", "run", "help");
  }

  @Test
  void everySubcommandTakesHelpAndVersion() {
    for (var sub : AgentCommand.commandLine().getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      out.getBuffer().setLength(0);
      assertThat(run(sub.getKey(), "--help")).as(sub.getKey() + " --help").isZero();
      assertThat(out.toString()).as(sub.getKey() + " --help").startsWith("Usage: agent " + sub.getKey())
          .contains("Exit status:");
      out.getBuffer().setLength(0);
      assertThat(run(sub.getKey(), "-V")).as(sub.getKey() + " -V").isZero();
      assertThat(out.toString()).startsWith("companyos-agent ");
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("Missing required command\nTry 'agent --help' for more information.\n");
    err.getBuffer().setLength(0);
    assertThat(run("ledger")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("Missing required command\nTry 'agent ledger --help' for more information.\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void vendorCommandsDoNotAdvertiseAConfigurationTheyIgnoreButStillAcceptIt(@TempDir Path dir) {
    for (String command : new String[] {"keygen", "decrypt-bundle", "inspect-bundle"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).as(command).doesNotContain("--config").contains("--verbose").contains("--log-format");
    }
    assertThat(run("keygen", "-c", dir.resolve("no-such.yaml").toString(), "--name", "Test", "--out-dir",
        dir.toString())).as(err.toString()).isZero();
  }

  @Test
  void optionsBeforeTheCommandAreShownAfterIt() {
    assertThat(run("--config", "agent.yaml", "check-config")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("Unknown options: '--config', 'agent.yaml'\n"
        + "Options go after the command: agent check-config --config agent.yaml\n"
        + "Try 'agent --help' for more information.\n");
    err.getBuffer().setLength(0);
    assertThat(run("-v", "health")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("Unknown option: '-v'\nOptions go after the command: agent health -v\n"
        + "Try 'agent --help' for more information.\n");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(run("no-such-command")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Unknown command: 'no-such-command'\n");
    assertThat(run("check-config", "--no-such-option")).isEqualTo(2);
  }

  @Test
  void aUsageErrorIsItsLineASuggestionAndWhereTheHelpIsNotTheWholeUsage() {
    assertThat(run("redcat")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("Unknown command: 'redcat'\n"
        + "Did you mean: agent redact or agent ledger or agent preview?\n"
        + "Try 'agent --help' for more information.\n");
    err.getBuffer().setLength(0);
    assertThat(run("export-bundle", "--sinse", "2h")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Unknown options: '--sinse', '2h'\n")
        .contains("--since").endsWith("Try 'agent export-bundle --help' for more information.\n")
        .doesNotContain("Usage:");
    err.getBuffer().setLength(0);
    assertThat(run("keygen")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("Missing required options: '--name=USER_ID', '--out-dir=DIR'\n"
        + "Try 'agent keygen --help' for more information.\n");
  }

  @Test
  void runExitWhenReadyStartsChecksAndStops(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "stateDir: " + dir.resolve("state") + "\nserver: { port: 0 }\n");
    assertThat(run("run", "--exit-when-ready", "-c", cfg.toString())).isZero();
    // the lock is released: the state directory can be opened again
    io.companyos.agent.daemon.StateDirectory.open(dir.resolve("state")).close();
  }

  @Test
  @SuppressWarnings("try") // the open directory is the point: its lock is held
  void aLockedStateDirectoryIsExitStatus2(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    try (var held = io.companyos.agent.daemon.StateDirectory.open(state)) {
      Path cfg = dir.resolve("agent.yaml");
      Files.writeString(cfg, "stateDir: " + state + "\nserver: { port: 0 }\n");
      assertThat(run("run", "-c", cfg.toString())).isEqualTo(2);
      assertThat(err.toString()).contains("error: state directory " + state + " is in use by another agent");
    }
  }
}
