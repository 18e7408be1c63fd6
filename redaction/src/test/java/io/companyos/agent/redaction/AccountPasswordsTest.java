package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Passwords that account-management statements and events carry outside a {@code password=} key: MySQL's and
 * MariaDB's {@code SET PASSWORD FOR … = '…'} (general query log, Galera's WSREP lines) and {@code IDENTIFIED WITH
 * plugin BY '…'} / {@code AS '<hash>'}, Keycloak's credential representation in admin events
 * ({@code "type":"password","value":"…"}), Dovecot's SASL PLAIN response in its auth debug log ({@code resp=}); found
 * left whole by session 20's red team.
 */
class AccountPasswordsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("2024-05-01T10:00:00.123456Z\t   12 Query\tSET PASSWORD FOR 'alice'@'%' = 'Sup3rS3cret!'",
            "2024-05-01T10:00:00.123456Z\t   12 Query\tSET PASSWORD FOR '<user>'@'%' = '<secret>'"),
        Arguments.of("2016-01-22 07:39:49 2293 [Note] WSREP: TO BEGIN: -1, 0 : SET PASSWORD FOR 'test'@'%'='test'",
            "2016-01-22 07:39:49 2293 [Note] WSREP: TO BEGIN: -1, 0 : SET PASSWORD FOR '<user>'@'%'='<secret>'"),
        Arguments.of("SET PASSWORD FOR bob@localhost = PASSWORD('Hunter2x')",
            "SET PASSWORD FOR <user>@localhost = PASSWORD('<secret>')"),
        Arguments.of("Query\tALTER USER 'alice'@'%' IDENTIFIED WITH mysql_native_password BY 'Sup3rS3cret!'",
            "Query\tALTER USER '<user>'@'%' IDENTIFIED WITH mysql_native_password BY '<secret>'"),
        Arguments.of("CREATE USER 'carol'@'%' IDENTIFIED WITH caching_sha2_password AS '$A$005$abcdefghijklmnopqrstuvwxyz0123'",
            "CREATE USER '<user>'@'%' IDENTIFIED WITH caching_sha2_password AS '<password_hash>'"),
        Arguments.of("dovecot: auth: Debug: client in: AUTH\t1\tPLAIN\tservice=imap\tsecured\tlport=143\tresp=AGFsaWNlAFdpbnRlcjIwMjQh",
            "dovecot: auth: Debug: client in: AUTH\t1\tPLAIN\tservice=imap\tsecured\tlport=143\tresp=<auth>"),
        Arguments.of("representation={\"username\":\"bob\",\"credentials\":[{\"type\":\"password\",\"value\":\"Winter2024!\",\"temporary\":false}]}",
            "representation={\"username\":\"<user>\",\"credentials\":[{\"type\":\"password\",\"value\":\"<secret>\",\"temporary\":false}]}"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "Reset password for account done",
        "sshd[1]: Failed password for root from host1 port 22 ssh2",
        "{\"type\":\"password\",\"value\":\"\"}",
        "CREATE USER 'root'@'localhost' IDENTIFIED WITH auth_socket",
        "dovecot: auth: Debug: client in: AUTH\t1\tPLAIN\tservice=imap\tresp=aGVsbG8gd29ybGQh"); // no NULs: no PLAIN
  }
}
