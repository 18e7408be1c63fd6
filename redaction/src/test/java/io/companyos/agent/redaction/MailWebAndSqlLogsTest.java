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
        Arguments.of("SELECT * FROM users WHERE username='alice' AND password=MD5('Hunter2pass')",
            "SELECT * FROM users WHERE username='<user>' AND password=MD5('<secret>')"),
        Arguments.of("UPDATE users SET password_hash = crypt('Hunter2pass', gen_salt('bf')) WHERE username = 'alice'",
            "UPDATE users SET password_hash = crypt('<password_hash>', gen_salt('bf')) WHERE username = '<user>'"),
        Arguments.of("UPDATE mailbox SET password = ENCRYPT('Hunter2pass', CONCAT('$6$', SUBSTRING(SHA(RAND()), -16))) WHERE id = 4",
            "UPDATE mailbox SET password = ENCRYPT('<secret>', CONCAT('$6$', SUBSTRING(SHA(RAND()), -16))) WHERE id = 4"),
        Arguments.of("query: UPDATE users SET password = N'Hunter2pass' WHERE id = 42", "query: UPDATE users SET password = N'<secret>' WHERE id = 42"),
        Arguments.of("query: UPDATE users SET password = E'Hunter2pass' WHERE id = 42", "query: UPDATE users SET password = E'<secret>' WHERE id = 42"),
        Arguments.of("20261127 10:30:01,db1,app,192.0.2.10,42,123,QUERY,app,'UPDATE users SET password=\\'Hunter2pass\\' WHERE id=3',0",
            "20261127 10:30:01,db1,app,<ipv4>,42,123,QUERY,app,'UPDATE users SET password=\\'<secret>\\' WHERE id=3',0"),
        Arguments.of("password=Hunter(x)", "password=<secret>"),
        Arguments.of("password=N'importe", "password=<secret>"),
        Arguments.of("<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">Hunter2pass</wsse:Password>",
            "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\"><secret></wsse:Password>"),
        Arguments.of("<password xsi:type=\"xsd:string\">Hunter2pass</password>", "<password xsi:type=\"xsd:string\"><secret></password>"),
        Arguments.of("<apiKey type=\"string\">Hunter2passXmlKey</apiKey>", "<apiKey type=\"string\"><secret></apiKey>"),
        Arguments.of("<username xsi:type=\"xsd:string\">alice</username>", "<username xsi:type=\"xsd:string\"><user></username>"),
        Arguments.of("<firstName xml:lang=\"en\">Jane</firstName>", "<firstName xml:lang=\"en\"><name></firstName>"),
        Arguments.of("1795773181.123    123 192.0.2.10 TCP_MISS/200 5120 GET http://www.example.com/ - HIER_DIRECT/192.0.2.20 text/html",
            "1795773181.123    123 <ipv4> TCP_MISS/200 5120 GET http://www.example.com/ - HIER_DIRECT/<ipv4> text/html"),
        Arguments.of("io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: DB01/10.0.0.5:5432",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: DB01/<ipv4>:5432"),
        Arguments.of("WARN  Unable to reach Kafka-Broker-2/192.0.2.51:9092", "WARN  Unable to reach Kafka-Broker-2/<ipv4>:9092"),
        Arguments.of("192.0.2.10 - - [27/Nov/2026:10:53:01 +0000] \"POST /api/login HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\" \"{\\x22username\\x22:\\x22alice\\x22,\\x22password\\x22:\\x22Hunter2pass\\x22,\\x22token\\x22:\\x22Hunter2passNgxEsc\\x22}\"",
            "<ipv4> - - [27/Nov/2026:10:53:01 +0000] \"POST /api/login HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\" \"{\\x22username\\x22:\\x22<user>\\x22,\\x22password\\x22:\\x22<secret>\\x22,\\x22token\\x22:\\x22<secret>\\x22}\""),
        Arguments.of("{\"request_body\":\"{\\x22firstName\\x22:\\x22Jane\\x22,\\x22lastName\\x22:\\x22Doe\\x22}\"}",
            "{\"request_body\":\"{\\x22firstName\\x22:\\x22<name>\\x22,\\x22lastName\\x22:\\x22<name>\\x22}\"}"),
        Arguments.of("\"{\\x22email\\x22:\\x22jane.doe@example.com\\x22}\"", "\"{\\x22email\\x22:\\x22<email>\\x22}\""),
        Arguments.of("2026-11-27 10:02:01 1vAbCd-000123-Ef <= jane.doe@example.com H=laptop.example.com [192.0.2.10]:50123 P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:alice S=2345",
            "2026-11-27 10:02:01 1vAbCd-000123-Ef <= <email> H=laptop.example.com [<ipv4>]:50123 P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:<user> S=2345"),
        Arguments.of("2026-11-27 10:02:01 1vAbCd-000123-Ef <= bob@example.com U=alice P=local S=512",
            "2026-11-27 10:02:01 1vAbCd-000123-Ef <= <email> U=<user> P=local S=512"),
        Arguments.of("2026-11-27 10:02:03 dovecot_login authenticator failed for (LAPTOP) [192.0.2.10]:50123: 535 Incorrect authentication data (set_id=alice)",
            "2026-11-27 10:02:03 dovecot_login authenticator failed for (LAPTOP) [<ipv4>]:50123: 535 Incorrect authentication data (set_id=<user>)"),
        Arguments.of("2026-11-27T10:43:01.123456Z\t   42 Query\tupdate `users` set `remember_token` = 'Hunter2passRememberTok', `users`.`updated_at` = '2026-11-27 10:43:01' where `id` = 42",
            "2026-11-27T10:43:01.123456Z\t   42 Query\tupdate `users` set `remember_token` = '<secret>', `users`.`updated_at` = '2026-11-27 10:43:01' where `id` = 42"),
        Arguments.of("select * from `users` where `username` = 'alice' and `api_token` = 'Hunter2passApiTokBt' limit 1",
            "select * from `users` where `username` = '<user>' and `api_token` = '<secret>' limit 1"),
        Arguments.of("UPDATE [Users] SET [Password] = N'Hunter2pass', [FirstName] = N'Jane' WHERE [UserName] = N'alice'",
            "UPDATE [Users] SET [Password] = N'<secret>', [FirstName] = N'<name>' WHERE [UserName] = N'<user>'"),
        Arguments.of("        \"MAIL_PASSWORD\": {\n          \"value\": \"Hunter2pass\",\n          \"origin\": \"System Environment Property \\\"MAIL_PASSWORD\\\"\"\n        },\n        \"spring.datasource.username\": {\r\n          \"value\": \"app_user\"\r\n        },\n",
            "        \"MAIL_PASSWORD\": {\n          \"value\": \"<secret>\",\n          \"origin\": \"System Environment Property \\\"MAIL_PASSWORD\\\"\"\n        },\n        \"spring.datasource.username\": {\r\n          \"value\": \"<user>\"\r\n        },\n"),
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
        "min_pw_length = 12",
        "192.0.2.10 - - [27/Nov/2026:10:35:01 +0000] \"GET /?user=&password= HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"".replace("192.0.2.10", "<ipv4>"),
        "{\"message\":\"Bruteforce attempt detected for action \\\"login\\\".\",\"user\":\"--\"}",
        "Populated SecurityContextHolder with anonymous token: 'org.springframework.security.authentication.AnonymousAuthenticationToken@9055c2bc: Principal: anonymousUser; Credentials: [PROTECTED]; Authenticated: true; SessionId: null; Granted Authorities: ROLE_ANONYMOUS'",
        "INSERT INTO `users` (`username`, `password`) VALUES (?, ?)",
        "SELECT [Password] FROM [Users]",
        "matrix a=1 b=2 u=3",
        "ps U=1000 A=x",
        "(set_id=)",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 OPR/106.0.0.0",
        "<password required=\"true\"/>",
        "<token type=\"bearer\" />",
        "<Password encrypted=\"false\"></Password>",
        "2026-11-27T10:18:01.123456Z\t   42 Query\tUPDATE users SET password = :password WHERE id = :id",
        "Executing prepared SQL statement [UPDATE users SET password = ? WHERE id = ?]",
        "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE password=VALUES(password)",
        "SELECT 1 FROM users WHERE id = $1 AND password_hash = crypt($2, password_hash)",
        "INSERT INTO \"users\" (\"username\", \"password\", \"email\") VALUES ($1, $2, $3)",
        "INSERT INTO \"users\" (\"first_name\", \"last_name\", \"phone\") VALUES ($1, $2, $3)");
  }
}
