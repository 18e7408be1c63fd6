package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 22's red team of mail servers, web servers, Java servers and SQL logs: what it found left whole (each
 * case failed before its fix) and the look-alikes of those shapes that stay.
 */
class MailWebAndSqlLogsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("2026-11-27T10:55:01.123456Z 6 [Note] [MY-010454] [Server] A temporary password is generated for root@localhost: kj3(f#Q8;Zs>",
            "2026-11-27T10:55:01.123456Z 6 [Note] [MY-010454] [Server] A temporary password is generated for root@localhost: <secret>"),
        Arguments.of("Nov 27 10:03:01 mx1 dovecot: auth-worker(4243): sql(alice,192.0.2.10,<AbCdEfGhIjKl>): unknown user",
            "Nov 27 10:03:01 mx1 dovecot: auth-worker(4243): sql(<user>,<ipv4>,<AbCdEfGhIjKl>): unknown user"),
        Arguments.of("Nov 27 10:03:01 mx1 dovecot: auth: ldap(alice,192.0.2.10,<AbCdEfGhIjKl>): invalid credentials",
            "Nov 27 10:03:01 mx1 dovecot: auth: ldap(<user>,<ipv4>,<AbCdEfGhIjKl>): invalid credentials"),
        Arguments.of("Nov 27 10:03:01 mx1 dovecot: doveadm(alice): Error: Mailbox INBOX: open failed",
            "Nov 27 10:03:01 mx1 dovecot: doveadm(<user>): Error: Mailbox INBOX: open failed"),
        Arguments.of("Nov 27 10:29:01 mx1 dovecot: lda(alice)<4247><AbCdEf>: sieve: stored mail into mailbox 'INBOX'",
            "Nov 27 10:29:01 mx1 dovecot: lda(<user>)<4247><AbCdEf>: sieve: stored mail into mailbox 'INBOX'"),
        Arguments.of("bind_pw = Hunter2pass", "bind_pw = <secret>"),
        Arguments.of("DB_PW = \"Hunter2pass\"", "DB_PW = \"<secret>\""),
        Arguments.of("smtp_pw : Hunter2pass", "smtp_pw : <secret>"),
        Arguments.of("ldap_default_authtok = Hunter2pass", "ldap_default_authtok = <secret>"),
        Arguments.of("dnpass = Hunter2pass", "dnpass = <secret>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "ERROR: function mysql(text) does not exist",
        "SELECT count(*) FROM pg_stat_activity -- postgresql(16)",
        "openldap(2.6) started",
        "A temporary password is generated for the account",
        "formula(x) = lambda(y)",
        "the pw is wrong",
        "ldap_default_authtok_type = password",
        "min_pw_length = 12");
  }
}
