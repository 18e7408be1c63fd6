package io.companyos.agent.redaction;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Command lines written as lists of arguments, a flag's value the next item: a JSON or Python list (a Kubernetes
 * container's {@code args}, an Ansible result's {@code cmd}), a YAML block sequence, and auditd's {@code EXECVE}
 * and {@code PROCTITLE} records, which write an argument with a blank, a quote or a control byte, and a whole
 * process title, in upper-case hex. Each left the password whole before; the value after a flag that takes none, a
 * flag as the next item, mysql's {@code -p} prompt form (its next argument is the database) and hex of harmless
 * commands stay.
 */
class ArgumentListsTest extends RedactedAndKeptCases {
  /** auditd's encoding: the bytes in upper-case hex, arguments separated by NUL. */
  static String hex(String... args) {
    return HexFormat.of().withUpperCase().formatHex(String.join("\0", args).getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> redacted() {
    String execve = "type=EXECVE msg=audit(1700000000.123:456): argc=3 a0=\"mysql\" ";
    String title = "type=PROCTITLE msg=audit(1700000000.123:456): proctitle=";
    return Stream.of(
        Arguments.of("args: [\"--password\", \"Hunter2pass\", \"--user\", \"bob\"]",
            "args: [\"--password\", \"<secret>\", \"--user\", \"bob\"]"),
        Arguments.of("\"cmd\": [\"mysql\", \"--password\",\"Hunter2pass\"]", "\"cmd\": [\"mysql\", \"--password\",\"<secret>\"]"),
        Arguments.of("cmd = ['pg_dump', '--db-password', 'Hunter2pass']", "cmd = ['pg_dump', '--db-password', '<secret>']"),
        Arguments.of("{\"log\":\"args: [\\\"--db-password\\\", \\\"Hunter2pass\\\"]\\n\",\"stream\":\"stdout\"}",
            "{\"log\":\"args: [\\\"--db-password\\\", \\\"<secret>\\\"]\\n\",\"stream\":\"stdout\"}"),
        Arguments.of("[\"sshpass\", \"-p\", \"Hunter2pass\", \"ssh\", \"host\"]", "[\"sshpass\", \"-p\", \"<secret>\", \"ssh\", \"host\"]"),
        Arguments.of("        args:\n        - --password\n        - Hunter2pass\n        - \"--token\"\n        - \"abc123xyz\"\n",
            "        args:\n        - --password\n        - <secret>\n        - \"--token\"\n        - \"<secret>\"\n"),
        Arguments.of(execve + "a1=\"--password\" a2=\"Hunter2pass\"", execve + "a1=\"--password\" a2=\"<secret>\""),
        Arguments.of(execve + "a1=\"--password\" a2=" + hex("two words"), execve + "a1=\"--password\" a2=<secret>"),
        Arguments.of(execve + "a1=\"-uroot\" a2=" + hex("-pHunter2 pass") + " a3=\"-e\"",
            execve + "a1=\"-uroot\" a2=<secret> a3=\"-e\""),
        Arguments.of(execve + "a1=" + hex("--password=Hunter2 pass"), execve + "a1=<secret>"),
        Arguments.of("type=EXECVE msg=audit(1700000000.123:456): argc=4 a0=\"sshpass\" a1=\"-p\" a2=\"Hunter2pass\" a3=\"ssh\"",
            "type=EXECVE msg=audit(1700000000.123:456): argc=4 a0=\"sshpass\" a1=\"-p\" a2=\"<secret>\" a3=\"ssh\""),
        Arguments.of(title + hex("mysql", "-uroot", "-pHunter2pass", "billing"), title + "<secret>"),
        Arguments.of(title + hex("ssh", "alice@192.0.2.10"), title + "<secret>"),
        Arguments.of(title + hex("curl", "-H", "Authorization: Bearer abcdef0123456789abcdef", "https://api"),
            title + "<secret>"),
        Arguments.of("node=web01 " + title + hex("psql", "postgresql://app:Hunter2pass@db:5432/app") + " extra",
            "node=web01 " + title + "<secret> extra"));
  }

  static Stream<String> unchanged() {
    String execve = "type=EXECVE msg=audit(1700000000.123:456): argc=3 a0=\"ls\" a1=\"-la\" a2=";
    String title = "type=PROCTITLE msg=audit(1700000000.123:456): proctitle=";
    return Stream.of(
        "args: [\"--verbose\", \"app.yaml\"]",
        "args: [\"--password\", \"--verbose\"]",
        "{\"msg\":\"exec [\\\"app\\\", \\\"--password\\\", \\\"--verbose\\\"]\"}",
        "\"args\": [\"--password\", \"${DB_PASSWORD}\"]",
        "[\"mysql\", \"-p\", \"billing\"]",
        "type=EXECVE msg=audit(1700000000.123:456): argc=3 a0=\"mysql\" a1=\"-p\" a2=\"billing\"",
        "- --password\n- --token\n",
        "        args:\n        - --port\n        - \"8080\"\n",
        execve + hex("my file.txt"),
        title + hex("ls", "-la", "/var/log"),
        title + hex("/usr/sbin/sshd", "-D"),
        title + hex("ls", "-la").toLowerCase(),
        title + hex("ls", "-la") + "A",
        "regs: a0=0000000000000000 a1=ffffffff a2=DEADBEEF");
  }
}
