package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session 24: the input's first line, which the patterns that hold a line's newline ({@code \nuid: },
 * {@code \npassword }, {@code \nuser }) never saw; the poolers' password files (PgBouncer's {@code userlist.txt},
 * Pgpool-II's {@code pool_passwd}); a quoted Redis ACL password with a blank; phpredis' {@code ?auth=}; OAuth's
 * {@code device_code} and {@code code_verifier}; Keycloak's {@code secretData}; TOML's multi-line strings; a YAML
 * mapping's {@code key:} named by its parent ({@code encryption:}, {@code jwt:}; also dotted). Each case
 * failed before (the secret or the user came out whole, or only the part of it before a blank was replaced).
 */
class Session24FixesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // the first line of an input (both ways: a string here, a stream in isRedactedFromTheStreamsStart)
        Arguments.of("uid: jdoe\ncn: John Doe", "uid: <user>\ncn: <name>"),
        Arguments.of("PASSWORD elastic = xyzSecret1\nPASSWORD kibana = abcSecret2",
            "PASSWORD elastic = <secret>\nPASSWORD kibana = <secret>"),
        Arguments.of("user alice on >pw123abc ~* +@all", "user <user> on ><secret> ~* +@all"),
        // PgBouncer's auth_file: a plain password, a hash (the hash detector's), a doubled quote
        Arguments.of("\"alice\" \"s3cretPlain!\"\n\"bob\" \"md5a3556571e93b0d20722ba62be61e8c2d\"",
            "\"<user>\" \"<secret>\"\n\"<user>\" \"<password_hash>\""),
        Arguments.of("\"dave\"  \"it\"\"s\"\r\n", "\"<user>\"  \"<secret>\"\r\n"),
        Arguments.of("# userlist.txt\n\"carol\" \"SCRAM-SHA-256$4096:c2FsdHNhbHQ=$Q0xJRU5US0VZ:U0VSVkVSS0VZ\"",
            "# userlist.txt\n\"<user>\" \"<password_hash>\""),
        // Pgpool-II's pool_passwd
        Arguments.of("alice:TEXTplainpass99\nbob:AESd2hhdGV2ZXJlbmNyeXB0ZWQ=\ncarol:md5a3556571e93b0d20722ba62be61e8c2d",
            "<user>:TEXT<secret>\n<user>:AES<secret>\n<user>:<password_hash>"),
        // Redis ACL passwords quoted with a blank: typed, and as MONITOR prints them
        Arguments.of("ACL SETUSER alice on \">pass word\" ~* +@all", "ACL SETUSER <user> on \"><secret>\" ~* +@all"),
        Arguments.of("1700000000.123456 [0 127.0.0.1:6379] \"ACL\" \"SETUSER\" \"bob\" \"on\" \">pw \\\"with\\\" blank\" \"~*\"",
            "1700000000.123456 [0 127.0.0.1:6379] \"ACL\" \"SETUSER\" \"<user>\" \"on\" \"><secret>\" \"~*\""),
        // phpredis' session.save_path, its ACL form with a user and a password
        Arguments.of("session.save_path = \"tcp://127.0.0.1:6379?auth=phpSecret42\"",
            "session.save_path = \"tcp://127.0.0.1:6379?auth=<secret>\""),
        Arguments.of("save_path=tcp://127.0.0.1:6379?persistent=1&auth=abcSecret9&database=2",
            "save_path=tcp://127.0.0.1:6379?persistent=1&auth=<secret>&database=2"),
        Arguments.of("session.save_path = \"tcp://127.0.0.1:6379?auth[]=phpuser&auth[]=phpPass77\"",
            "session.save_path = \"tcp://127.0.0.1:6379?auth[]=<secret>&auth[]=<secret>\""),
        // OAuth's device flow and PKCE
        Arguments.of("{\"device_code\":\"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS\",\"user_code\":\"WDJB-MJHT\"}",
            "{\"device_code\":\"<secret>\",\"user_code\":\"WDJB-MJHT\"}"),
        Arguments.of("body: grant_type=authorization_code&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
            + "&redirect_uri=x", "body: grant_type=authorization_code&code_verifier=<secret>&redirect_uri=x"),
        // Keycloak's stored credential: the hash as well as the salt
        Arguments.of("  \"secretData\" : \"{\\\"value\\\":\\\"8ZbcPBtbUwMXq4dGP7xNZHK1Pk6yOLJGbLpVxUlIDB8=\\\","
            + "\\\"salt\\\":\\\"w7Qm8FUTYBr1GQmW7y2f2A==\\\",\\\"additionalParameters\\\":{}}\",",
            "  \"secretData\" : \"<secret>\","),
        // TOML's multi-line strings, basic and literal: each line's text
        Arguments.of("password = \"\"\"multi\nline secret\"\"\"\nport = 5432",
            "password = \"\"\"<secret>\n<secret>\"\"\"\nport = 5432"),
        Arguments.of("secret_key = '''\nabc123secret\n'''", "secret_key = '''\n<secret>\n'''"),
        // a mapping's key: named by its parent (Spring Cloud Config's encrypt.key, an app's jwt and AES keys)
        Arguments.of("encrypt:\n  key: mySpringConfigKey123", "encrypt:\n  key: <secret>"),
        Arguments.of("app:\n  encryption:\n    # the AES key\n    key: c2VjcmV0a2V5MTIzNDU2Nzg5MA==\n    algorithm: AES",
            "app:\n  encryption:\n    # the AES key\n    key: <secret>\n    algorithm: AES"),
        Arguments.of("jwt:\n  issuer: acme\n  key: \"jwtSigningKey-42\"\ncache:\n  key: users",
            "jwt:\n  issuer: acme\n  key: \"<secret>\"\ncache:\n  key: users"),
        Arguments.of("- signing:\n    key: |\n      abc\n      def", "- signing:\n    key: |\n      <secret>"),
        Arguments.of("encrypt.key=propsKey99\njwt.key: yamlDotted1", "encrypt.key=<secret>\njwt.key: <secret>"),
        // bound parameters at TRACE, typed by the column of their '?' in the statement before: Hibernate 5 ...
        Arguments.of("DEBUG org.hibernate.SQL : insert into users (email, name, password, id) values (?, ?, ?, ?)\n"
            + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [1] as [VARCHAR] - [jane@example.com]\n"
            + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [3] as [VARCHAR] - [hibernatePw9]\n"
            + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [4] as [BIGINT] - [42]",
            "DEBUG org.hibernate.SQL : insert into users (email, name, password, id) values (?, ?, ?, ?)\n"
            + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [1] as [VARCHAR] - [<email>]\n"
            + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [3] as [VARCHAR] - [<secret>]\n"
            + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [4] as [BIGINT] - [42]"),
        // ... Hibernate 6 after show_sql with format_sql (the SET list's "password=?," is a parameter, not a value) ...
        Arguments.of("Hibernate: \n    update\n        users \n    set\n        password=?,\n        updated_at=? \n"
            + "    where\n        id=?\n"
            + "TRACE 7 --- [exec-1] org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [h6Secret!]\n"
            + "TRACE 7 --- [exec-1] org.hibernate.orm.jdbc.bind : binding parameter (2:TIMESTAMP) <- [2026-11-27T10:00]",
            "Hibernate: \n    update\n        users \n    set\n        password=?,\n        updated_at=? \n"
            + "    where\n        id=?\n"
            + "TRACE 7 --- [exec-1] org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [<secret>]\n"
            + "TRACE 7 --- [exec-1] org.hibernate.orm.jdbc.bind : binding parameter (2:TIMESTAMP) <- [2026-11-27T10:00]"),
        // ... and Spring's JdbcTemplate
        Arguments.of("DEBUG o.s.jdbc.core.JdbcTemplate : Executing prepared SQL statement "
            + "[UPDATE app_user SET api_token = ? WHERE login = ?]\n"
            + "TRACE o.s.jdbc.core.StatementCreatorUtils : Setting SQL statement parameter value: column index 1, "
            + "parameter value [tok_9f8e7d6c5b4a], value class [java.lang.String], SQL type unknown\n"
            + "TRACE o.s.jdbc.core.StatementCreatorUtils : Setting SQL statement parameter value: column index 2, "
            + "parameter value [jdoe], value class [java.lang.String], SQL type unknown",
            "DEBUG o.s.jdbc.core.JdbcTemplate : Executing prepared SQL statement "
            + "[UPDATE app_user SET api_token = ? WHERE login = ?]\n"
            + "TRACE o.s.jdbc.core.StatementCreatorUtils : Setting SQL statement parameter value: column index 1, "
            + "parameter value [<secret>], value class [java.lang.String], SQL type unknown\n"
            + "TRACE o.s.jdbc.core.StatementCreatorUtils : Setting SQL statement parameter value: column index 2, "
            + "parameter value [<user>], value class [java.lang.String], SQL type unknown"),
        // LDAP search filters' names (slapd's SRCH lines, LDAP clients' debug logs)
        Arguments.of("slapd[812]: conn=1001 op=3 SRCH base=\"ou=people,dc=example,dc=com\" scope=2 deref=0 "
            + "filter=\"(cn=Jane Doe)\"", "slapd[812]: conn=1001 op=3 SRCH base=\"ou=people,dc=example,dc=com\" "
            + "scope=2 deref=0 filter=\"(cn=<name>)\""),
        Arguments.of("filter=\"(|(sn=Doe)(givenName=Jane)(cn=*)(cn=admins)(displayName=John Smith))\"",
            "filter=\"(|(sn=<name>)(givenName=<name>)(cn=*)(cn=admins)(displayName=<name>))\""),
        // connection strings' users: ODBC's UID, ADO.NET's User ID
        Arguments.of("Driver={ODBC Driver 17 for SQL Server};Server=db1;UID=jsmith;PWD=Hunter2pw",
            "Driver={ODBC Driver 17 for SQL Server};Server=db1;UID=<user>;PWD=<secret>"),
        Arguments.of("Server=tcp:db1,1433;Database=app;User ID=jsmith;Password=AdoPw123;",
            "Server=tcp:db1,1433;Database=app;User ID=<user>;Password=<secret>;"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "GET /api?auth=true&x=1",
        "GET /api?auth=1&x=1",
        "GET /api?auth=&x=1",
        "Content-Type:text/html",
        "content-type:TEXT/html",
        "\"GET / HTTP/1.1\" 200 \"-\" \"curl\"",
        "\"a\",\"b\"",
        "\"a\" \"b\" \"c\"",
        "\"${PGUSER}\" \"${PGPASS}\"",
        "  \"credentialData\" : \"{\\\"hashIterations\\\":27500,\\\"algorithm\\\":\\\"pbkdf2-sha256\\\"}\"",
        "description = \"\"\"not a secret\nat all\"\"\"",
        "uid: 1000\ngid: 1000",
        "encryption: aes256\nkey: users",
        "sort:\n  key: name\nencryption:\n  enabled: true\n  algorithm: AES\n  keySize: 256",
        "encryption:\n  provider:\n    key: name",
        "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [1] as [VARCHAR] - [no statement before]",
        "select * from orders where status = ? and region = ?\n"
            + "TRACE org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [SHIPPED]\n"
            + "TRACE org.hibernate.orm.jdbc.bind : binding parameter (2:VARCHAR) <- [emea]",
        "update users set password=?, updated_at=? where id=?",
        "filter=\"(&(objectClass=groupOfNames)(cn=admins)(cn=*))\"",
        "type=SYSCALL msg=audit(1700000000.123:42): arch=c000003e syscall=59 success=yes ppid=1 pid=2 auid=0 uid=0",
        "the user id=42 was not found",
        "\nuser");
  }

  @org.junit.jupiter.api.Test
  void aMappingsKeyNamedByItsParentInStructuredDocuments() {
    String yaml = "app:\n  encryption:\n    key: c2VjcmV0a2V5\n    algorithm: AES\n  cache:\n    key: users\n";
    assertThat(MASK.redactStructured(StructuredFormat.YAML, yaml, new RedactionCounter()))
        .contains("key: \"<secret>\"", "algorithm: \"AES\"", "key: \"users\"").doesNotContain("c2VjcmV0a2V5");
    String json = "{\"jwt\": {\"key\": \"jwtSigningKey42\", \"ttl\": 300}, \"sort\": {\"key\": \"name\"}}";
    assertThat(MASK.redactStructured(StructuredFormat.JSON, json, new RedactionCounter()))
        .isEqualTo("{\"jwt\":{\"key\":\"<secret>\",\"ttl\":300},\"sort\":{\"key\":\"name\"}}");
    assertThat(MASK.redactStructured(StructuredFormat.PROPERTIES, "app.crypto.key=k1\napp.cache.key=users\n",
        new RedactionCounter())).isEqualTo("app.crypto.key=<secret>\napp.cache.key=users\n");
  }

  /** The same cases through the streaming API, where the first line is the first window's. */
  @ParameterizedTest(name = "[{index}]")
  @MethodSource("redacted")
  void isRedactedFromTheStreamsStart(String in, String expected) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
