package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 23: shapes that session 22's red team left whole (each case failed before its fix) — {@code /etc/passwd}
 * lines, Samba's {@code -U user%password} beyond smbclient, Postfix's verbose look-up of its SASL password map, the
 * users of {@code testsaslauthd}, swaks, Squid's native log, {@code who}/{@code last} and OpenSSH public keys'
 * comments — and a look-alike the {@code .pgpass} detector took
 * for a password line, with the lines of these shapes that stay.
 */
class AccountsAndSambaLinesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // a person's account: the login name, the GECOS's full name, the home directory's name
        Arguments.of("jane:x:1000:1000:Jane Doe,,,:/home/jane:/bin/bash",
            "<user>:x:1000:1000:<name>,,,:/home/<user>:/bin/bash"),
        Arguments.of("bob.smith:x:1001:1001:Bob Smith,Room 12,,:/home/bob.smith:/usr/bin/zsh",
            "<user>:x:1001:1001:<name>,Room 12,,:/home/<user>:/usr/bin/zsh"),
        Arguments.of("svc_build:x:1002:1002::/srv/build:", "<user>:x:1002:1002::/srv/build:"),
        // a locked or NIS account's "*": before, the .pgpass detector read "jdoe:*:1002:1002:John" as host, port,
        // database, user 1002 and password John
        Arguments.of("jdoe:*:1002:1002:John Doe:/export/home/jdoe:/bin/ksh",
            "<user>:*:1002:1002:<name>:/export/home/<user>:/bin/ksh"),
        // Samba's Active Directory join and SMB tools
        Arguments.of("net ads join -U administrator%Sup3rS3cretJoin -S dc01.example.com",
            "net ads join -U administrator%<secret> -S dc01.example.com"),
        Arguments.of("samba-tool domain join example.com DC -U\"EXAMPLE\\administrator%Passw0rdJoin\"",
            "samba-tool domain join example.com DC -U\"<user>%<secret>\""),
        Arguments.of("smbcacls //fs01/share report.txt -U jane%Secret123Acl", "smbcacls //fs01/share report.txt -U <user>%<secret>"),
        Arguments.of("net rpc user add bob -U admin%Hunter2pass", "net rpc user add bob -U admin%<secret>"),
        // Postfix -v: the SASL password map's look-up, user:password after the relay
        Arguments.of("Nov 27 10:11:12 mx1 postfix/smtp[123]: maps_find: smtp_sasl_password_maps: hash:/etc/postfix/sasl_passwd(0,lock|fold_fix|utf8_request): [smtp.gmail.com]:587 = relay-user:Sup3rSecretRelay",
            "Nov 27 10:11:12 mx1 postfix/smtp[123]: maps_find: smtp_sasl_password_maps: hash:/etc/postfix/sasl_passwd(0,lock|fold_fix|utf8_request): [smtp.gmail.com]:587 = <user>:<secret>"),
        // the user beside the password that was already redacted
        Arguments.of("testsaslauthd -u jane -p Secr3tPass -s smtp", "testsaslauthd -u <user> -p <secret> -s smtp"),
        Arguments.of("swaks --to ops@example.com --server mail.example.com -au jane -ap S3cretPass",
            "swaks --to <email> --server mail.example.com -au <user> -ap <secret>"),
        // Squid's native access log: the authenticated user before the hierarchy code
        Arguments.of("1795773181.123    456 192.0.2.10 TCP_MISS/200 1234 GET http://www.example.com/ jane HIER_DIRECT/192.0.2.20 text/html",
            "1795773181.123    456 <ipv4> TCP_MISS/200 1234 GET http://www.example.com/ <user> HIER_DIRECT/<ipv4> text/html"),
        Arguments.of("1795773181.125      3 192.0.2.12 TCP_DENIED/407 3900 CONNECT api.example.com:443 EXAMPLE%5cjane HIER_NONE/- text/html",
            "1795773181.125      3 <ipv4> TCP_DENIED/407 3900 CONNECT api.example.com:443 <user> HIER_NONE/- text/html"),
        // who, w and last: the login name before its terminal
        Arguments.of("jane     pts/0        192.0.2.10       Fri Nov 27 10:11   still logged in",
            "<user>     pts/0        <ipv4>       Fri Nov 27 10:11   still logged in"),
        Arguments.of("bob.smith tty1                          Fri Nov 27 09:00 - 09:30  (00:30)",
            "<user> tty1                          Fri Nov 27 09:00 - 09:30  (00:30)"),
        Arguments.of("alice    pts/3        2026-11-27 10:11 (192.0.2.10)", "<user>    pts/3        2026-11-27 10:11 (<ipv4>)"),
        // an OpenSSH public key's user@host comment (authorized_keys, cloud-init); an e-mail address as ever
        Arguments.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jane@laptop",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl <user>@<host>"),
        Arguments.of("  - ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA bob@ws-042",
            "  - ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA <user>@<host>"),
        Arguments.of("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAy jane.doe@example.com",
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAy <email>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        // system accounts (user ids below 1000, nobody) stay whole
        "systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin",
        "postgres:x:114:120:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash",
        "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
        "daemon:*:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
        // not seven fields, not at a line's start, no absolute home
        "jane:x:1000:1000:Jane Doe",
        "grep: jane:x:1000:1000:Jane Doe:/srv/jane:/bin/bash",
        "jane:x:1000:1000:Jane Doe:home:/bin/bash",
        // a .pgpass line with a wildcard port keeps being one (its own test elsewhere); a -U without a password
        "psql -U postgres -h db.example.com",
        "net ads testjoin -U administrator",
        "smbclient -L //fs01 -N",
        // a Squid line without a user, and HIER_ outside Squid's format
        "1795773181.124     12 - TCP_DENIED/407 3900 GET http://www.example.com/ - HIER_NONE/- text/html",
        "see HIER_DIRECT in the Squid documentation",
        "swaks --server mail.example.com -au -ap",
        "Nov 27 10:11:12 mx1 postfix/smtp[123]: maps_find: smtp_sasl_password_maps: [smtp.gmail.com]:587: not found",
        // sudo's TTY=pts/0, last's reboot line, root's session, a terminal named in prose
        "Nov 27 10:11:12 host sudo[1]:    root : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/usr/bin/true",
        "reboot   system boot  6.1.0-13-amd64   Fri Nov 27 09:00   still running",
        "root     pts/1        2026-11-27 10:11",
        "the session on pts/2 was closed",
        "tty settings restored",
        // a key without a user@host comment, and the comment of a key cut short
        "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAy deploy-key",
        "ssh-ed25519 AAAA jane@laptop");
  }
}
