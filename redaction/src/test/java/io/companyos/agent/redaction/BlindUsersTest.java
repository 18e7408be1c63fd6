package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * User names in the slots of system logs that the blind corpus ({@code corpus/blind-s13.txt}) found surviving, each
 * with the hard negatives of its shape. {@code root} stays, as in every user slot. Display names are indices.
 */
class BlindUsersTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("Nov 26 03:15:02 h sudo:     amira : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls",
            "Nov 26 03:15:02 h sudo:     <user> : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls"),
        Arguments.of("h sudo: amira : 3 incorrect password attempts ; TTY=pts/2", "h sudo: <user> : 3 incorrect password attempts ; TTY=pts/2"),
        Arguments.of("session opened for user root(uid=0) by amira(uid=1001)",
            "session opened for user root(uid=0) by <user>(uid=1001)"),
        Arguments.of("session opened for user amira(uid=1001) by (uid=0)", "session opened for user <user>(uid=1001) by (uid=0)"),
        Arguments.of("su[5120]: (to root) amira on pts/1", "su[5120]: (to root) <user> on pts/1"),
        Arguments.of("su[5120]: (to postgres) amira on pts/1", "su[5120]: (to postgres) <user> on pts/1"),
        Arguments.of("pam_unix(su:auth): authentication failure; logname=amira uid=1001 euid=0 tty=pts/1 ruser=amira rhost=  user=root",
            "pam_unix(su:auth): authentication failure; logname=<user> uid=1001 euid=0 tty=pts/1 ruser=<user> rhost=  user=root"),
        Arguments.of("msg='op=login acct=\"amira\" exe=\"/usr/sbin/sshd\" res=failed'",
            "msg='op=login acct=\"<user>\" exe=\"/usr/sbin/sshd\" res=failed'"),
        Arguments.of("PLAIN login refused: user 'svc-x' - invalid credentials", "PLAIN login refused: user '<user>' - invalid credentials"),
        Arguments.of("connection <0.1.0>: user \"svc-x\" authenticated", "connection <0.1.0>: user \"<user>\" authenticated"),
        Arguments.of("sshd[4131]: Disconnected from user amira 10.9.0.7 port 50122",
            "sshd[4131]: Disconnected from user <user> <ipv4> port 50122"),
        Arguments.of("\"principalName\":\"svc-x\",\"authenticationDatabase\":\"admin\"",
            "\"principalName\":\"<user>\",\"authenticationDatabase\":\"admin\""),
        Arguments.of("BIND dn=\"uid=amira,ou=people,dc=example,dc=org\" method=128",
            "BIND dn=\"uid=<user>,ou=people,dc=example,dc=org\" method=128"),
        Arguments.of("Account For Which Logon Failed: Account Name:\t\tamira Account Domain: HQ",
            "Account For Which Logon Failed: Account Name:\t\t<user> Account Domain: HQ"),
        Arguments.of("81.2.69.161 - amira [26/Nov/2026:10:12:02 +0000] \"GET / HTTP/2.0\" 200 88",
            "<ipv4> - <user> [26/Nov/2026:10:12:02 +0000] \"GET / HTTP/2.0\" 200 88"),
        Arguments.of("127.0.0.1 - a.okafor [26/Nov/2026:10:12:02 +0000] \"GET / HTTP/1.1\" 401 0",
            "127.0.0.1 - <user> [26/Nov/2026:10:12:02 +0000] \"GET / HTTP/1.1\" 401 0"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "sudo: unable to resolve host bastion: Name or service not known",
        "pam_unix(sudo:session): session closed for user root",
        "h sudo:     root : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/bin/ls",
        "session opened for user root(uid=0) by (uid=0)",
        "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm)",
        "type=SYSCALL auid=4294967295 uid=0 gid=0 euid=0",
        "uid=0,gid=0",
        "(to be retried) later on (took 12 ms)",
        "su[5120]: (to root) root on pts/1",
        "Access denied for user 'root'@'localhost' (using password: NO)",
        "Account Name:\t\t- Account Domain: -",
        "acctId=42 account=billing",
        "settings loaded from user profile and from user defaults",
        "Disconnected from user root 127.0.0.1 port 50122",
        "127.0.0.1 - - [26/Nov/2026:10:12:07 +0000] \"GET /nginx_status HTTP/1.1\" 200 97",
        "127.0.0.1 - root [26/Nov/2026:10:12:07 +0000] \"GET / HTTP/1.1\" 200 97",
        "127.0.0.1 - pool size 4 [ok]",
        "127.0.0.1 - upstream [error] x");
  }
}
