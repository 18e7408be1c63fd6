package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * User names in the lines of login programs, cron, PAM and Neo4j's security log, and in SQL's and Cypher's user
 * statements, each in the program's own format (OpenSSH's auth.c and auth-pam.c, util-linux's and shadow's login,
 * pam_unix, cron, Neo4j's operations manual), which session 20's probes found left whole; with the sentences and
 * system accounts of the same shapes that stay.
 */
class LoginLogUsersTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // OpenSSH: AllowUsers/DenyUsers and account checks, PAM failures (also for unknown users)
        Arguments.of("sshd[1]: User victor from 203.0.113.9 not allowed because not listed in AllowUsers",
            "sshd[1]: User <user> from <ipv4> not allowed because not listed in AllowUsers"),
        Arguments.of("sshd[1]: User victor from host.example.com not allowed because listed in DenyUsers",
            "sshd[1]: User <user> from host.example.com not allowed because listed in DenyUsers"),
        Arguments.of("sshd[1]: User victor not allowed because account is locked",
            "sshd[1]: User <user> not allowed because account is locked"),
        Arguments.of("Jan 15 10:00:15 server sshd[12345]: User testuser not allowed because not listed in AllowUsers",
            "Jan 15 10:00:15 server sshd[12345]: User <user> not allowed because not listed in AllowUsers"),
        Arguments.of("sshd[1]: User jürgen from 2001:db8::7 not allowed because not listed in AllowUsers",
            "sshd[1]: User <user> from <ipv6> not allowed because not listed in AllowUsers"),
        Arguments.of("sshd[1]: error: PAM: Authentication failure for trent from 203.0.113.9",
            "sshd[1]: error: PAM: Authentication failure for <user> from <ipv4>"),
        Arguments.of("sshd[1]: error: PAM: Authentication failure for illegal user mallory from 203.0.113.9",
            "sshd[1]: error: PAM: Authentication failure for illegal user <user> from <ipv4>"),
        // OpenSSH's authentication log line, for every method, and its attempts limit
        Arguments.of("sshd[1234]: Failed keyboard-interactive/pam for alice from 192.0.2.10 port 51234 ssh2",
            "sshd[1234]: Failed keyboard-interactive/pam for <user> from <ipv4> port 51234 ssh2"),
        Arguments.of("sshd[1234]: Postponed keyboard-interactive for alice from 192.0.2.10 port 51234 ssh2 [preauth]",
            "sshd[1234]: Postponed keyboard-interactive for <user> from <ipv4> port 51234 ssh2 [preauth]"),
        Arguments.of("sshd[1234]: Accepted gssapi-with-mic for alice from 192.0.2.10 port 51234 ssh2",
            "sshd[1234]: Accepted gssapi-with-mic for <user> from <ipv4> port 51234 ssh2"),
        Arguments.of("sshd[1234]: Failed none for invalid user bob from 192.0.2.10 port 51234 ssh2",
            "sshd[1234]: Failed none for invalid user <user> from <ipv4> port 51234 ssh2"),
        Arguments.of("sshd[1]: error: maximum authentication attempts exceeded for alice from 2001:db8::1 port 22 ssh2 [preauth]",
            "sshd[1]: error: maximum authentication attempts exceeded for <user> from <ipv6> port 22 ssh2 [preauth]"),
        // PostgreSQL's role messages (the same role as the log prefix's user), MySQL's slow query log, OpenVPN
        Arguments.of("FATAL:  role \"alice\" does not exist", "FATAL:  role \"<user>\" does not exist"),
        Arguments.of("DETAIL:  Role \"alice\" does not exist.", "DETAIL:  Role \"<user>\" does not exist."),
        Arguments.of("FATAL:  too many connections for role \"bob\"", "FATAL:  too many connections for role \"<user>\""),
        Arguments.of("# User@Host: alice[alice] @ localhost []  Id:    42", "# User@Host: <user>[<user>] @ localhost []  Id:    42"),
        Arguments.of("openvpn[1]: 192.0.2.10:50000 TLS: Username/Password authentication succeeded for username 'alice'",
            "openvpn[1]: <ipv4>:50000 TLS: Username/Password authentication succeeded for username '<user>'"),
        Arguments.of("openvpn[1]: 192.0.2.10:50000 [alice] Peer Connection Initiated with [AF_INET]192.0.2.10:50000",
            "openvpn[1]: <ipv4>:50000 [<user>] Peer Connection Initiated with [AF_INET]<ipv4>:50000"),
        // Dovecot's login lines, Samba's NTLM failures (the name and the one it maps to), a path in brackets
        Arguments.of("dovecot: imap-login: Login: user=<alice>, method=PLAIN, rip=192.0.2.10, lip=198.51.100.5, TLS",
            "dovecot: imap-login: Login: user=<<user>>, method=PLAIN, rip=<ipv4>, lip=<ipv4>, TLS"),
        Arguments.of("dovecot: pop3-login: Login: user=<alice@example.com>, method=PLAIN",
            "dovecot: pop3-login: Login: user=<<email>>, method=PLAIN"),
        Arguments.of("smbd[1]:   check_ntlm_password:  Authentication for user [bob] -> [bob] FAILED with error NT_STATUS_NO_SUCH_USER",
            "smbd[1]:   check_ntlm_password:  Authentication for user [<user>] -> [<user>] FAILED with error NT_STATUS_NO_SUCH_USER"),
        Arguments.of("pkexec[1234]: alice: Executing command [USER=root] [TTY=/dev/pts/0] [CWD=/home/alice] [COMMAND=/usr/bin/apt update]",
            "pkexec[1234]: <user>: Executing command [USER=root] [TTY=/dev/pts/0] [CWD=/home/<user>] [COMMAND=/usr/bin/apt update]"),
        Arguments.of("pkexec[1234]: alice: Error executing command as another user: Not authorized [USER=root] [TTY=/dev/pts/0]",
            "pkexec[1234]: <user>: Error executing command as another user: <user> authorized [USER=root] [TTY=/dev/pts/0]"),
        Arguments.of("<home>/home/alice</home>", "<home>/home/<user></home>"),
        // shadow's su, sudo's own log file, sshd's VERBOSE session line, vsftpd, Apache's and Tomcat's auth failures
        Arguments.of("su[2000]: Successful su for root by alice", "su[2000]: Successful su for root by <user>"),
        Arguments.of("su[2000]: FAILED su for bob by alice", "su[2000]: FAILED su for <user> by <user>"),
        Arguments.of("Nov 27 09:00:00 : alice : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls",
            "Nov 27 09:00:00 : <user> : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls"),
        Arguments.of("Nov 27 09:00:00 : alice : HOST=web01 : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls",
            "Nov 27 09:00:00 : <user> : HOST=web01 : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls"),
        Arguments.of("sshd[1234]: Starting session: shell on pts/0 for alice from 192.0.2.10 port 51234 id 0",
            "sshd[1234]: Starting session: shell on pts/0 for <user> from <ipv4> port 51234 id 0"),
        Arguments.of("Wed May  1 10:00:00 2024 [pid 1234] [alice] OK LOGIN: Client \"192.0.2.10\"",
            "Wed May  1 10:00:00 2024 [pid 1234] [<user>] OK LOGIN: Client \"<ipv4>\""),
        Arguments.of("Wed May  1 10:00:00 2024 [pid 1234] [alice] FAIL LOGIN: Client \"::ffff:192.0.2.10\"",
            "Wed May  1 10:00:00 2024 [pid 1234] [<user>] FAIL LOGIN: Client \"<ipv6>\""),
        Arguments.of("[client 192.0.2.10:50000] AH01617: user alice: authentication failure for \"/admin\": Password Mismatch",
            "[client <ipv4>:50000] AH01617: user <user>: authentication failure for \"/admin\": Password Mismatch"),
        Arguments.of("[client 192.0.2.10:50000] AH01618: user alice not found: /admin",
            "[client <ipv4>:50000] AH01618: user <user> not found: /admin"),
        Arguments.of("o.a.c.realm.LockOutRealm : An attempt was made to authenticate the locked user [alice]",
            "o.a.c.realm.LockOutRealm : An attempt was made to authenticate the locked user [<user>]"),
        Arguments.of("o.a.c.realm.RealmBase : Username [alice] NOT successfully authenticated",
            "o.a.c.realm.RealmBase : Username [<user>] NOT successfully authenticated"),
        Arguments.of("o.a.c.realm.CombinedRealm : Failed to authenticate user [alice] with realm [UserDatabaseRealm]",
            "o.a.c.realm.CombinedRealm : Failed to authenticate user [<user>] with realm [UserDatabaseRealm]"),
        // PostgreSQL's peer/ident failure, LDAP search filters, polkit's unix-user, winbindd
        Arguments.of("LOG:  provided user name (alice) and authenticated user name (bob) do not match",
            "LOG:  provided user name (<user>) and authenticated user name (<user>) do not match"),
        Arguments.of("conn=1001 op=1 SRCH base=\"dc=example,dc=com\" scope=2 filter=\"(&(objectClass=posixAccount)(uid=alice))\"",
            "conn=1001 op=1 SRCH base=\"dc=example,dc=com\" scope=2 filter=\"(&(objectClass=posixAccount)(uid=<user>))\""),
        Arguments.of("filter=\"(sAMAccountName=alice)\"", "filter=\"(<user>)\"".replace("(<user>)", "(sAMAccountName=<user>)")),
        Arguments.of("polkitd[800]: Operator of unix-session:3 successfully authenticated as unix-user:alice to gain TEMPORARY authorization",
            "polkitd[800]: Operator of unix-session:3 successfully authenticated as unix-user:<user> to gain TEMPORARY authorization"),
        Arguments.of("winbindd[1]:  (winbind_dual_SamLogon)  Authentication for user [alice] -> [alice] FAILED with error NT_STATUS_WRONG_PASSWORD",
            "winbindd[1]:  (winbind_dual_SamLogon)  Authentication for user [<user>] -> [<user>] FAILED with error NT_STATUS_WRONG_PASSWORD"),
        // OpenVPN's client prefix, Dovecot's services and passdbs
        Arguments.of("openvpn[1234]: alice/192.0.2.10:50000 MULTI_sva: pool returned IPv4=10.8.0.6",
            "openvpn[1234]: <user>/<ipv4>:50000 MULTI_sva: pool returned IPv4=<ipv4>"),
        Arguments.of("dovecot: imap(alice)<1234><AbCdEf012345>: Disconnected: Logged out in=123 out=456",
            "dovecot: imap(<user>)<1234><AbCdEf012345>: Disconnected: Logged out in=123 out=456"),
        Arguments.of("dovecot: pop3(alice)<1234><AbCd>: Disconnected: Logged out",
            "dovecot: pop3(<user>)<1234><AbCd>: Disconnected: Logged out"),
        Arguments.of("dovecot: auth: pam(alice,192.0.2.10,<AbCdEf012345>): pam_authenticate() failed",
            "dovecot: auth: pam(<user>,<ipv4>,<AbCdEf012345>): pam_authenticate() failed"),
        Arguments.of("dovecot: lmtp(bob@example.com)<77><x>: saved mail to INBOX", "dovecot: lmtp(<email>)<77><x>: saved mail to INBOX"),
        // PostgreSQL's unique violations (a known column's value, as that column's type) and its authenticated identity
        Arguments.of("2024-05-01 10:00:00.123 UTC [1234] DETAIL:  Key (username)=(alice) already exists.",
            "2024-05-01 10:00:00.123 UTC [1234] DETAIL:  Key (username)=(<user>) already exists."),
        Arguments.of("DETAIL:  Key (lower(email), tenant_id)=(alice@example.com, 42) already exists.",
            "DETAIL:  Key (lower(email), tenant_id)=(<email>, 42) already exists."),
        Arguments.of("DETAIL:  Key (first_name, last_name)=(Alice, Smith) already exists.",
            "DETAIL:  Key (first_name, last_name)=(<name>, <name>) already exists."),
        Arguments.of("LOG:  connection authenticated: identity=\"alice\" method=scram-sha-256 (pg_hba.conf:129)",
            "LOG:  connection authenticated: identity=\"<user>\" method=scram-sha-256 (pg_hba.conf:129)"),
        // shadow's user management, sudo's JSON event log
        Arguments.of("useradd[5000]: new group: name=alice, GID=1001", "useradd[5000]: new group: name=<user>, GID=1001"),
        Arguments.of("usermod[5000]: change user name 'alice' to 'alicia'", "usermod[5000]: change user name '<user>' to '<user>'"),
        Arguments.of("passwd[4000]: password for 'alice' changed by 'root'", "passwd[4000]: password for '<user>' changed by 'root'"),
        Arguments.of("chage[5000]: changed password expiry for alice", "chage[5000]: changed password expiry for <user>"),
        Arguments.of("{\"submituser\":\"alice\",\"runuser\":\"bob\",\"submithost\":\"web01\"}",
            "{\"submituser\":\"<user>\",\"runuser\":\"<user>\",\"submithost\":\"web01\"}"),
        // Neo4j's admin and the user it names; a backquoted name; Samba's audit; Vault's login paths
        Arguments.of("2019-12-09 13:48:28.566+0000 INFO  [johnsmith]: CREATE USER janedoe SET PASSWORD '******' CHANGE REQUIRED",
            "2019-12-09 13:48:28.566+0000 INFO  [<user>]: CREATE USER <user> SET PASSWORD '******' CHANGE REQUIRED"),
        Arguments.of("INFO  [AsyncLog @ 2016-10-27 ...]  [johnsmith]: added role `admin` to user `janedoe`",
            "INFO  [AsyncLog @ 2016-10-27 ...]  [johnsmith]: added role `admin` to user `<user>`"),
        Arguments.of("smbd[1]:   Auth: [SMB2,(null)] user [EXAMPLE]\\[alice] at [Wed, 01 May 2024] with [NTLMv2] mapped to [EXAMPLE]\\[alice].",
            "smbd[1]:   Auth: [SMB2,(null)] user [EXAMPLE]\\[<user>] at [Wed, 01 May 2024] with [NTLMv2] mapped to [EXAMPLE]\\[<user>]."),
        Arguments.of("{\"request\":{\"operation\":\"update\",\"path\":\"auth/userpass/login/alice\"}}",
            "{\"request\":{\"operation\":\"update\",\"path\":\"auth/userpass/login/<user>\"}}"),
        Arguments.of("Error: auth/ldap/login/bob: invalid credentials", "Error: auth/ldap/login/<user>: invalid credentials"),
        // PAM's service:group tags are no key and value, whatever the service is called
        Arguments.of("pam_unix(systemd-user:session): session opened for user alice(uid=1000) by (uid=0)",
            "pam_unix(systemd-user:session): session opened for user <user>(uid=1000) by (uid=0)"),
        Arguments.of("gdm-password]: pam_unix(gdm-password:session): session opened for user alice(uid=1000) by (uid=0)",
            "gdm-password]: pam_unix(gdm-password:session): session opened for user <user>(uid=1000) by (uid=0)"),
        // pam_unix: the user whose password changed; "passwd:chauthtok" is a service and a PAM group, no secret
        Arguments.of("passwd[2345]: pam_unix(passwd:chauthtok): password changed for carol",
            "passwd[2345]: pam_unix(passwd:chauthtok): password changed for <user>"),
        // util-linux's login, and shadow's (Debian's): what was typed at the prompt, a password typed there too
        Arguments.of("login[812]: FAILED LOGIN 1 FROM tty1 FOR Tr0ub4dor&3 x, Authentication failure",
            "login[812]: FAILED LOGIN 1 FROM tty1 FOR <user>, Authentication failure"),
        Arguments.of("login[812]: FAILED LOGIN (1) on '/dev/tty1' FOR 'dave', Authentication failure",
            "login[812]: FAILED LOGIN (1) on '/dev/tty1' FOR '<user>', Authentication failure"),
        Arguments.of("login[812]: FAILED LOGIN SESSION FROM host1 FOR dave, Authentication failure",
            "login[812]: FAILED LOGIN SESSION FROM host1 FOR <user>, Authentication failure"),
        Arguments.of("login[812]: TOO MANY LOGIN TRIES (5) FROM host1 FOR dave, Authentication failure",
            "login[812]: TOO MANY LOGIN TRIES (5) FROM host1 FOR <user>, Authentication failure"),
        Arguments.of("login[812]: LOGIN ON tty1 BY dave", "login[812]: LOGIN ON tty1 BY <user>"),
        Arguments.of("login[812]: LOGIN ON pts/0 BY dave FROM host1", "login[812]: LOGIN ON pts/0 BY <user> FROM host1"),
        Arguments.of("login[812]: DIALUP AT ttyS0 BY dave", "login[812]: DIALUP AT ttyS0 BY <user>"),
        // cron's "(user) CMD (command)", and cronie's CMDOUT
        Arguments.of("CROND[4242]: (walter) CMD (/usr/bin/backup.sh)", "CROND[4242]: (<user>) CMD (/usr/bin/backup.sh)"),
        Arguments.of("CROND[4242]: (jürgen) CMD (/usr/bin/backup.sh)", "CROND[4242]: (<user>) CMD (/usr/bin/backup.sh)"),
        Arguments.of("crond[4242]: (walter) CMDOUT (backup done)", "crond[4242]: (<user>) CMDOUT (backup done)"),
        // Neo4j's security.log, with and without the AsyncLog part of older versions
        Arguments.of("2023-05-01 10:00:00.000+0000 INFO  [johnsmith]: logged in",
            "2023-05-01 10:00:00.000+0000 INFO  [<user>]: logged in"),
        Arguments.of("2023-05-01 10:00:00.000+0000 ERROR [johndoe]: failed to log in: invalid principal or credentials",
            "2023-05-01 10:00:00.000+0000 ERROR [<user>]: failed to log in: invalid principal or credentials"),
        Arguments.of("2019-12-09 13:45:00.796+0000 INFO  [AsyncLog @ 2019-12-09 13:45:00.796+0000]  [johnsmith]: logged in",
            "2019-12-09 13:45:00.796+0000 INFO  [AsyncLog @ 2019-12-09 13:45:00.796+0000]  [<user>]: logged in"),
        // SQL's and Cypher's user statements
        Arguments.of("CREATE USER janedoe SET PASSWORD 'secret' CHANGE REQUIRED",
            "CREATE USER <user> SET PASSWORD '<secret>' CHANGE REQUIRED"),
        Arguments.of("CREATE USER IF NOT EXISTS `jane.doe` SET PASSWORD 'x'",
            "CREATE USER IF NOT EXISTS `<user>` SET PASSWORD '<secret>'"),
        Arguments.of("DROP USER janedoe", "DROP USER <user>"),
        Arguments.of("ALTER USER 'bob'@'%' IDENTIFIED BY 'Passw0rd!';", "ALTER USER '<user>'@'%' IDENTIFIED BY '<secret>';"),
        Arguments.of("statement: create user alice with password 'x';",
            "statement: create user <user> with password '<secret>';"));
  }

  /** The lines of {@code corpus/labelled-logins.txt} without their marks. */
  private static List<String> corpusLines() throws IOException {
    try (InputStream in = LoginLogUsersTest.class.getResourceAsStream("/corpus/labelled-logins.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("##"))
          .map(l -> l.replaceAll("«[a-z_]+\\|([^»]*)»", "$1"))
          .toList();
    }
  }

  /**
   * The new detectors look back and ahead from their phrases: every cut of every line (a window's or a file's end
   * anywhere) redacts without failing.
   */
  @Test
  void everyCutOfTheCorpusLinesRedacts() throws IOException {
    for (String line : corpusLines()) {
      for (int cut = 0; cut <= line.length(); cut++) {
        assertThat(MASK.redact(line.substring(0, cut))).isNotNull();
        assertThat(MASK.redact(line.substring(cut))).isNotNull();
      }
    }
  }

  /** ~2 MiB of the corpus lines in a shifting order come out of the stream (windows) as out of one redaction. */
  @Test
  void theStreamRedactsTheCorpusLinesAsTheWholeInputDoes() throws IOException {
    List<String> lines = corpusLines();
    StringBuilder logs = new StringBuilder();
    for (int k = 0; logs.length() < 2 << 20; k += 7) {
      logs.append(lines.get(k % lines.size())).append('\n');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(logs.toString().getBytes(StandardCharsets.UTF_8)), out,
        new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(MASK.redact(logs.toString()));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "sshd[1]: User root from host1 not allowed because not listed in AllowUsers",
        "This feature is not allowed because of policy",
        "login[812]: FAILED LOGIN 2 FROM tty1 FOR (unknown), User not known to the underlying authentication module",
        "login[812]: ROOT LOGIN ON tty1",
        "There were 3 failed login attempts for the account",
        "the login on the console failed",
        "CROND[4242]: (root) CMD (run-parts /etc/cron.hourly)",
        "(a) cmd (b)",
        "INFO  [main]: logged into the registry", // not the whole phrase
        "ERROR: failed to create user account: quota exceeded",
        "sshd[1]: pam_unix(sshd:auth): check pass; user unknown",
        "sshd[1234]: Failed password for root from host1 port 51234 ssh2",
        "FATAL:  role \"postgres\" is not permitted to log in",
        "the console \"x\" is here",
        "# User@Host: root[root] @ localhost [127.0.0.1]",
        "we used ssh2 from the start",
        "dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=127.0.0.1",
        "Login failed for user [root]",
        "filter=\"(uid=%s)\" and (uid=*) and (uid={0})",
        "login[812]: pam_unix(login:session): session opened for user root(uid=0) by LOGIN(uid=0)",
        "Reset password for account done",
        "su[2000]: Successful su for root by root",
        "Nginx/1.2.3.4:80 and client/192.0.2.10 done".replace("192.0.2.10", "127.0.0.1"),
        "sshd[1]: pam(sshd) ok; imap(1234) x",
        "DETAIL:  Key (id)=(42) already exists.",
        "{\"runuser\":\"root\"}");
  }
}
