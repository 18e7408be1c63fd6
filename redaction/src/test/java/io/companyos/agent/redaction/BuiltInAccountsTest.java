package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session 31: the accounts an operating system, a package, a cloud image or a database creates under the same name at
 * every customer ({@code postgres}, {@code www-data}, {@code admin}, {@code Administrator}, {@code SYS},
 * {@code ec2-user}, …) stay in every user slot, as {@code root} always did, and a person's or a customer's own account
 * name in the same slot still goes. Each shape is run with both: {@code {U}} is the account, and the expected text
 * holds {@code {U}} where the account must stay and {@code <user>} where a person's login goes. Before, the false-
 * positive hunt of session 30 counted a built-in account in ~130 of its 138 changed cells, and the same name stayed
 * under one tool's column and went under another's.
 */
class BuiltInAccountsTest {
  private static final Redactor MASK = RedactedAndKeptCases.MASK;

  /** Built-in accounts, in the spellings the tools print them. */
  private static final List<String> BUILT_IN = List.of("postgres", "admin", "Administrator", "SYS", "www-data",
      "ec2-user", "ubuntu", "mysql", "sa", "elastic", "guest", "SYSTEM", "ADMINISTRATOR", "nginx", "kibana_system");

  /** Accounts a customer named: a person's login, a service account, a replication role. */
  private static final List<String> CHOSEN = List.of("jdoe", "svc_backup", "replicator", "adminuser", "postgres2",
      "a.kowalski", "sysops");

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("2026-11-28 10:00:01 UTC [4242] LOG:  connection authorized: user={U} database=app",
            "2026-11-28 10:00:01 UTC [4242] LOG:  connection authorized: user=%s database=app"),
        Arguments.of("sshd[991]: Accepted password for {U} from 192.0.2.7 port 50122 ssh2",
            "sshd[991]: Accepted password for %s from <ipv4> port 50122 ssh2"),
        Arguments.of("sshd[991]: Invalid user {U} from 192.0.2.7 port 50122",
            "sshd[991]: Invalid user %s from <ipv4> port 50122"),
        Arguments.of("pam_unix(sshd:session): session opened for user {U}(uid=1001) by (uid=0)",
            "pam_unix(sshd:session): session opened for user %s(uid=1001) by (uid=0)"),
        Arguments.of("su[5120]: (to {U}) amira on pts/1", "su[5120]: (to %s) <user> on pts/1"),
        Arguments.of("open /home/{U}/.bashrc: permission denied", "open /home/%s/.bashrc: permission denied"),
        Arguments.of("C:\\Users\\{U}\\AppData\\Local\\Temp\\x.log", "C:\\Users\\%s\\AppData\\Local\\Temp\\x.log"),
        Arguments.of("dial postgresql://{U}:Pw-92kq!x@db:5432/app", "dial postgresql://%s:<secret>@db:5432/app"),
        Arguments.of("Connect to {U}:HookPw99@10.0.0.5:443 failed", "Connect to %s:<secret>@<ipv4>:443 failed"),
        Arguments.of("ssh {U}@10.0.4.4 uptime", "ssh %s@<ipv4> uptime"),
        Arguments.of("net rpc user add bob -U {U}%Hunter2pass", "net rpc user add bob -U %s%%<secret>"),
        Arguments.of("rabbitmqadmin -u {U} -p Adm1nRabb1t list queues", "rabbitmqadmin -u %s -p <secret> list queues"),
        Arguments.of("PASSWORD {U} = xyzSecret1", "PASSWORD %s = <secret>"),
        Arguments.of("{U}:x:1001:1001:,,,:/var/lib/x:/bin/bash", "%s:x:1001:1001:,,,:/var/lib/x:/bin/bash"),
        Arguments.of("login,password_hash,last_seen\n{U},$2b$12$C6UzMDM.H6dfI/f/IKxGhuZPbu0yVP/2c3pRlr6Y0f1qJ6a2e1CJe,2026-11-01\n",
            "login,password_hash,last_seen\n%s,<password_hash>,2026-11-01\n"));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("shapes")
  void aBuiltInAccountStaysAndAChosenOneGoes(String template, String expected) throws IOException {
    for (String u : BUILT_IN) {
      String in = template.replace("{U}", u);
      String out = expected.formatted(u);
      assertThat(MASK.redact(in)).as(u).isEqualTo(out);
      assertThat(RedactedAndKeptCases.streamed(in)).as(u + " streamed").isEqualTo(out);
    }
    for (String u : CHOSEN) {
      String in = template.replace("{U}", u);
      assertThat(MASK.redact(in)).as(u).isEqualTo(expected.formatted("<user>"));
    }
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("documents")
  void theStructuredPathsKeepTheSameAccounts(StructuredFormat format, String template, String expected) {
    for (String u : BUILT_IN) {
      assertThat(MASK.redactStructured(format, template.replace("{U}", u), new RedactionCounter()))
          .as(u).isEqualTo(expected.formatted(u));
    }
    for (String u : CHOSEN) {
      assertThat(MASK.redactStructured(format, template.replace("{U}", u), new RedactionCounter()))
          .as(u).isEqualTo(expected.formatted("<user>"));
    }
  }

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of(StructuredFormat.JSON, "{\"username\":\"{U}\",\"password\":\"Tr0ub4dor&3\"}",
            "{\"username\":\"%s\",\"password\":\"<secret>\"}"),
        Arguments.of(StructuredFormat.PROPERTIES, "spring.datasource.username={U}\n",
            "spring.datasource.username=%s\n"));
  }

  /** {@code ps aux} cuts a user name longer than eight bytes to seven and a {@code +}. */
  @org.junit.jupiter.api.Test
  void psCutsLongNames() {
    String header = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";
    String in = header
        + "systemd+     712  0.0  0.1  90000  6000 ?        Ss   Nov27   0:01 /lib/systemd/systemd-timesyncd\n"
        + "message+     733  0.0  0.1  9000  4000 ?        Ss   Nov27   0:02 /usr/bin/dbus-daemon --system\n"
        + "a.kowal+    1001  0.0  0.1  9000  4000 pts/0    Ss   Nov27   0:00 -bash\n";
    assertThat(MASK.redact(in)).isEqualTo(header
        + "systemd+     712  0.0  0.1  90000  6000 ?        Ss   Nov27   0:01 /lib/systemd/systemd-timesyncd\n"
        + "message+     733  0.0  0.1  9000  4000 ?        Ss   Nov27   0:02 /usr/bin/dbus-daemon --system\n"
        + "<user>    1001  0.0  0.1  9000  4000 pts/0    Ss   Nov27   0:00 -bash\n");
  }

  /** A person's name is no account: a built-in account's spelling inside a name or a longer login still goes. */
  @ParameterizedTest(name = "[{index}]")
  @MethodSource("notBuiltIn")
  void onlyTheWholeNameIsBuiltIn(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
  }

  static Stream<Arguments> notBuiltIn() {
    return Stream.of(
        Arguments.of("user=admin.backup db=x", "user=<user> db=x"),
        Arguments.of("user=postgres_ro db=x", "user=<user> db=x"),
        Arguments.of("Accepted publickey for ubuntu2 from 192.0.2.1 port 22 ssh2",
            "Accepted publickey for <user> from <ipv4> port 22 ssh2"),
        Arguments.of("user=sa1 db=x", "user=<user> db=x"));
  }
}
