package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code run}'s arguments bound without picocli must be bound exactly as picocli binds them, or left to picocli. */
class RunPlainArgsTest {

  /** What picocli binds, as one comparable line; null when picocli rejects the arguments. */
  private static String picocli(String[] args) {
    try {
      ParseResult parsed = AgentCommand.commandLine(args).parseArgs(args);
      if (parsed.subcommand() == null || !(parsed.subcommand().commandSpec().userObject() instanceof RunCommand run)) {
        return "not run";
      }
      return describe(run);
    } catch (CommandLine.ParameterException e) {
      return null;
    }
  }

  private static String describe(RunCommand run) {
    return "config=" + run.common.config + " verbose=" + run.common.verbose + " format=" + run.common.logFormat
        + " stacktrace=" + run.common.stacktrace + " exitWhenReady=" + run.exitWhenReady;
  }

  @Test
  void thePlainFormsBindAsPicocliBindsThem() {
    List<String[]> plain = List.of(
        new String[] {"run"},
        new String[] {"run", "--config", "/etc/agent.yaml"},
        new String[] {"run", "-c", "agent.yaml", "-v"},
        new String[] {"run", "--config=/etc/a b.yaml", "--verbose", "--log-format", "json"},
        new String[] {"run", "--log-format=text", "--stacktrace", "--exit-when-ready", "-c", "x"},
        new String[] {"run", "--exit-when-ready"});
    for (String[] args : plain) {
      RunCommand fast = RunCommand.plainArgs(args);
      assertThat(fast).as(String.join(" ", args)).isNotNull();
      assertThat(describe(fast)).as(String.join(" ", args)).isEqualTo(picocli(args));
    }
  }

  @Test
  void everythingElseIsLeftToPicocli() {
    List<String[]> other = List.of(
        new String[] {},
        new String[] {"version"},
        new String[] {"help", "run"},
        new String[] {"run", "--help"},
        new String[] {"run", "-vc", "x"},
        new String[] {"run", "-c=x"},
        new String[] {"run", "--config"},
        new String[] {"run", "--config", "a", "--config", "b"},
        new String[] {"run", "--config", "--verbose"},
        new String[] {"run", "--log-format", "JSON"},
        new String[] {"run", "--log-format="},
        new String[] {"run", "--verbose=true"},
        new String[] {"run", "@args.txt"},
        new String[] {"run", "--", "x"},
        new String[] {"--verbose", "run"});
    for (String[] args : other) {
      assertThat(RunCommand.plainArgs(args)).as(String.join(" ", args)).isNull();
    }
  }

  @Property(tries = 500)
  void anyArgumentsAreEitherBoundAsPicocliWouldOrLeftToIt(@ForAll("argv") List<String> argv) {
    String[] args = argv.toArray(String[]::new);
    RunCommand fast = RunCommand.plainArgs(args);
    if (fast != null) {
      assertThat(describe(fast)).isEqualTo(picocli(args));
    }
  }

  @Provide
  Arbitrary<List<String>> argv() {
    // mostly the plain forms, so that many draws are bound; some of everything else
    Arbitrary<String> plain = Arbitraries.of("-c", "--config", "--config=a.yaml", "-v", "--verbose", "--log-format",
        "--log-format=json", "text", "json", "--stacktrace", "--exit-when-ready", "a.yaml", "/etc/agent.yaml");
    Arbitrary<String> other = Arbitraries.of("--log-format=xml", "JSON", "", "-", "--", "@f", "-vc", "-c=a.yaml",
        "--verbose=false", "run", "--x=y", "--help", "nul\0.yaml");
    Arbitrary<String> token = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, plain), net.jqwik.api.Tuple.of(1, other));
    return token.list().ofMaxSize(7).map(rest -> {
      List<String> all = new java.util.ArrayList<>();
      all.add("run");
      all.addAll(rest);
      return all;
    });
  }

  @Test
  void aFailureReportsTheSameLineAndStatusAsThroughPicocli(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("agent.yaml");
    Files.writeString(cfg, "server:\n  port: many\n");
    String[] args = {"run", "--config", cfg.toString()};
    assertThat(RunCommand.plainArgs(args)).isNotNull();
    StringWriter direct = new StringWriter();
    int directCode = AgentCommand.execute(args, new PrintWriter(direct, true));
    StringWriter viaPicocli = new StringWriter();
    CommandLine cl = AgentCommand.commandLine(args);
    cl.setErr(new PrintWriter(viaPicocli, true));
    int picocliCode = cl.execute(args);
    assertThat(directCode).isEqualTo(picocliCode).isEqualTo(ExitCodes.USAGE);
    assertThat(direct.toString()).isEqualTo(viaPicocli.toString())
        .isEqualTo("config error: server.port (line 2): expected an integer" + System.lineSeparator());
  }
}
