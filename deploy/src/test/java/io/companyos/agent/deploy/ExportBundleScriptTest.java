package io.companyos.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes/export-bundle.sh against a stand-in for kubectl (no cluster here) that records its arguments and
 * answers like the API server and the agent pod would.
 */
class ExportBundleScriptTest {
  private static final String BUNDLE = "-----encrypted bundle bytes-----";

  @TempDir
  Path dir;
  private Path calls;

  record Run(int exitCode, String stdout, String stderr) {}

  @BeforeEach
  void standInKubectl() throws Exception {
    calls = dir.resolve("kubectl-calls");
    Path kubectl = dir.resolve("kubectl");
    Files.writeString(kubectl, """
        #!/usr/bin/env bash
        printf '%s\\n' "$*" >> "$STUB_CALLS"
        case "$*" in
          *"get pods"*"spec.nodeName=worker-1"*) printf 'companyos-agent-x7k2p' ;;
          *"get pods"*) ;;
          *"-- mkdir -p"*) ;;
          *"export-bundle"*)
            if [ "$STUB_AGENT" = fails ]; then echo "error: no space left on device" >&2; exit 1; fi
            printf '%s' "$STUB_BUNDLE"
            echo "bundle stdout size $STUB_SIZE sha256 $STUB_SHA redactions email=3 ipv4=2" >&2 ;;
          *) echo "unexpected: $*" >&2; exit 3 ;;
        esac
        """);
    Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Run run(String agent, String sha, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(
        List.of(Repository.resolve("deploy/kubernetes/export-bundle.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    pb.environment().put("KUBECTL", dir.resolve("kubectl") + " --context test");
    pb.environment().put("STUB_CALLS", calls.toString());
    pb.environment().put("STUB_AGENT", agent);
    pb.environment().put("STUB_BUNDLE", BUNDLE);
    pb.environment().put("STUB_SIZE", Integer.toString(BUNDLE.length()));
    pb.environment().put("STUB_SHA", sha);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> kubectlCalls() throws Exception {
    return Files.readAllLines(calls);
  }

  @Test
  void writesTheBundleFromThePodOnTheNodeAndPrintsTheVerifiedReceipt() throws Exception {
    String sha = sha256(BUNDLE);
    Run run = run("ok", sha, "worker-1", "b.tar.zst.pgp", "--since", "48h");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(dir.resolve("b.tar.zst.pgp")).hasContent(BUNDLE);
    assertThat(dir.resolve("b.tar.zst.pgp.partial")).doesNotExist();
    assertThat(run.stdout()).isEqualTo("bundle b.tar.zst.pgp size " + BUNDLE.length() + " sha256 " + sha
        + " redactions email=3 ipv4=2\n");
    assertThat(kubectlCalls()).containsExactly(
        "--context test -n companyos-agent get pods -l app.kubernetes.io/name=companyos-agent"
            + " --field-selector spec.nodeName=worker-1 -o jsonpath={.items[0].metadata.name}",
        "--context test -n companyos-agent exec companyos-agent-x7k2p -c agent -- mkdir -p"
            + " /var/lib/companyos-agent/export-staging",
        "--context test -n companyos-agent exec companyos-agent-x7k2p -c agent --"
            + " env AGENT_JAVA_OPTS=-Djava.io.tmpdir=/var/lib/companyos-agent/export-staging"
            + " agent export-bundle --config /etc/companyos-agent/config/agent.yaml --out - --since 48h");
  }

  @Test
  void namesTheFileAfterTheNodeAndTimeWhenNoneIsGiven() throws Exception {
    Run run = run("ok", sha256(BUNDLE), "worker-1");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.matches("companyos-support-worker-1-\\d{8}T\\d{6}Z\\.tar\\.zst\\.pgp"));
    }
  }

  @Test
  void refusesANodeWithoutAnAgentPod() throws Exception {
    Run run = run("ok", sha256(BUNDLE), "worker-9", "b.tar.zst.pgp");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo("export-bundle: no agent pod on node 'worker-9' in namespace companyos-agent"
        + " (kubectl -n companyos-agent get pods -o wide lists them)\n");
    assertThat(dir.resolve("b.tar.zst.pgp")).doesNotExist();
  }

  @Test
  void keepsNothingWhenTheAgentFailsAndShowsItsError() throws Exception {
    Run run = run("fails", sha256(BUNDLE), "worker-1", "b.tar.zst.pgp");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).endsWith("error: no space left on device\n"
        + "export-bundle: the agent on worker-1 did not write a bundle; nothing was kept\n");
    assertThat(dir.resolve("b.tar.zst.pgp")).doesNotExist();
    assertThat(dir.resolve("b.tar.zst.pgp.partial")).doesNotExist();
  }

  @Test
  void keepsNothingWhenTheFileDiffersFromTheAgentsReceipt() throws Exception {
    String wrong = "0".repeat(64);
    Run run = run("ok", wrong, "worker-1", "b.tar.zst.pgp");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).endsWith("export-bundle: the file received (" + BUNDLE.length() + " bytes, sha256 "
        + sha256(BUNDLE) + ") differs from the agent's receipt (" + BUNDLE.length() + " bytes, sha256 " + wrong
        + "); nothing was kept\n");
    assertThat(dir.resolve("b.tar.zst.pgp")).doesNotExist();
  }

  @Test
  void withoutANodePrintsItsUsage() throws Exception {
    Run run = run("ok", sha256(BUNDLE));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).startsWith("usage: ").endsWith(" NODE [OUT_FILE] [export-bundle options...]\n");
  }
}
