package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 23's second red team, of the product's own stack (PostgreSQL, Redis, Keycloak, Java HTTP clients) and the
 * configuration files admins paste: what it found left whole or broken (each case failed before its fix), and the
 * look-alikes that stay.
 */
class CoreStackLogsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // a cookie or a password inside a header dump's brackets kept the closing bracket (and the token differed)
        Arguments.of("DefaultHttpHeaders[Host: api, Cookie: JSESSIONID=ABCDEF0123456789ABCDEF0123456789]",
            "DefaultHttpHeaders[Host: api, Cookie: JSESSIONID=<secret>]"),
        Arguments.of("headers=[Cookie: SESSION=ZmFrZXNlc3Npb252YWx1ZQ], status=401", "headers=[Cookie: SESSION=<secret>], status=401"),
        Arguments.of("Headers: {Cookie: SESSION=ZmFrZXNlc3Npb252YWx1ZQ}", "Headers: {Cookie: SESSION=<secret>}"),
        Arguments.of("http-outgoing-0 >> \"Cookie: SESSION=NjQ2ZjYzNjU3MzczNjk2ZjZl[\\r][\\n]\"",
            "http-outgoing-0 >> \"Cookie: SESSION=<secret>[\\r][\\n]\""),
        Arguments.of("http-outgoing-3 >> \"grant_type=password&username=kate&password=K4teP%40ss[\\r][\\n]\"",
            "http-outgoing-3 >> \"grant_type=password&username=<user>&password=<secret>[\\r][\\n]\""),
        // a password hash in a CSV row took the separator and the next field
        Arguments.of("DETAIL:  Failing row contains (7, $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW, 2024-11-27).",
            "DETAIL:  Failing row contains (7, <password_hash>, 2024-11-27)."),
        Arguments.of("row: $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW,next", "row: <password_hash>,next"),
        // Jackson's pretty printer puts a blank before the colon (Keycloak's realm exports)
        Arguments.of("    \"credentials\" : [ { \"type\" : \"password\", \"value\" : \"RealmImportPlainPw\", \"temporary\" : false } ],",
            "    \"credentials\" : [ { \"type\" : \"password\", \"value\" : \"<secret>\", \"temporary\" : false } ],"),
        Arguments.of("{ \"name\" : \"DB_PASSWORD\", \"value\" : \"SpacedNvPw\" }", "{ \"name\" : \"DB_PASSWORD\", \"value\" : \"<secret>\" }"),
        // the same pairs JSON-escaped: Keycloak's admin events with their representation, docker's json-file logs
        Arguments.of("{\"representation\":\"{\\\"credentials\\\":[{\\\"type\\\":\\\"password\\\",\\\"value\\\":\\\"EscapedPw1\\\"}]}\"}",
            "{\"representation\":\"{\\\"credentials\\\":[{\\\"type\\\":\\\"password\\\",\\\"value\\\":\\\"<secret>\\\"}]}\"}"),
        Arguments.of("{\"log\":\"{\\\"name\\\":\\\"DB_PASSWORD\\\",\\\"value\\\":\\\"EscNvPw2\\\"}\\n\",\"stream\":\"stdout\"}",
            "{\"log\":\"{\\\"name\\\":\\\"DB_PASSWORD\\\",\\\"value\\\":\\\"<secret>\\\"}\\n\",\"stream\":\"stdout\"}"),
        // csvlog's doubled quotes around a user in the message; a password piped to sudo -S
        Arguments.of("FATAL,28P01,\"password authentication failed for user \"\"kate\"\"\",,,",
            "FATAL,28P01,\"password authentication failed for user \"\"<user>\"\"\",,,"),
        Arguments.of("echo \"SudoPw123\" | sudo -S systemctl restart app", "echo \"<secret>\" | sudo -S systemctl restart app"),
        // user:password@host:port without a scheme: the password was an address's local part, kept in the reverse map
        Arguments.of("Connect to admin:HookPw99@hooks.example.internal:443 failed",
            "Connect to admin:<secret>@<host>:443 failed"),
        Arguments.of("mongosh admin:M0ng0Pw@mongo.example.com:27017/app", "mongosh admin:<secret>@mongo.example.com:27017/app"),
        Arguments.of("contact:jane@example.com", "contact:<email>"),
        // redis-cli's CONFIG GET reply; MONITOR's hash fields
        Arguments.of("127.0.0.1:6379> CONFIG GET requirepass\n1) \"requirepass\"\n2) \"CfgG3tSecret\"\n",
            "127.0.0.1:6379> CONFIG GET requirepass\n1) \"requirepass\"\n2) \"<secret>\"\n"),
        Arguments.of("1711111111.4 [0 lua] \"HSET\" \"user:1001\" \"password\" \"plainPassw0rd\"",
            "1711111111.4 [0 lua] \"HSET\" \"user:1001\" \"password\" \"<secret>\""),
        // PostgreSQL's bound parameters, typed by the statement's columns (the line before, or jsonlog's same line)
        Arguments.of("LOG:  duration: 0.321 ms  bind S_1: UPDATE users SET password = $1, api_token = $2 WHERE id = $3\n"
                + "DETAIL:  parameters: $1 = 'Hunter2Hunter2', $2 = 'tok_9f8e7d6c5b4a39281706', $3 = '42'\n",
            "LOG:  duration: 0.321 ms  bind S_1: UPDATE users SET password = $1, api_token = $2 WHERE id = $3\n"
                + "DETAIL:  parameters: $1 = '<secret>', $2 = '<secret>', $3 = '42'\n"),
        Arguments.of("LOG:  execute <unnamed>: INSERT INTO customers (first_name, email, note) VALUES ($1, $2, $3)\n"
                + "DETAIL:  parameters: $1 = 'Jane', $2 = 'jane@example.com', $3 = 'it''s fine'\n",
            "LOG:  execute <unnamed>: INSERT INTO customers (first_name, email, note) VALUES ($1, $2, $3)\n"
                + "DETAIL:  parameters: $1 = '<name>', $2 = '<email>', $3 = 'it''s fine'\n"),
        Arguments.of("{\"message\":\"execute S_2: SELECT * FROM users WHERE username = $1 AND status = $2\",\"detail\":\"parameters: $1 = 'alice', $2 = 'active'\"}",
            "{\"message\":\"execute S_2: SELECT * FROM users WHERE username = $1 AND status = $2\",\"detail\":\"parameters: $1 = '<user>', $2 = 'active'\"}"),
        // Neo4j's query log: a security procedure's parameters in the map after the query
        Arguments.of("INFO  12 ms: bolt-session - CALL dbms.security.createUser($u, $p, false) - {u: 'new_analyst', p: 'ParamCreatePw'} - {}",
            "INFO  12 ms: bolt-session - CALL dbms.security.createUser($u, $p, false) - {u: '<user>', p: '<secret>'} - {}"),
        Arguments.of("CALL dbms.security.changePassword($np) - {np: 'Np123456'} - {}", "CALL dbms.security.changePassword($np) - {np: '<secret>'} - {}"),
        // PostgreSQL: an escape string after PASSWORD, pgcrypto's key
        Arguments.of("LOG:  statement: ALTER ROLE bob PASSWORD E'simple1';", "LOG:  statement: ALTER ROLE <user> PASSWORD E'<secret>';"),
        Arguments.of("LOG:  statement: SELECT pgp_sym_decrypt(ssn_enc, 'PgcryptoSymKey') FROM employees",
            "LOG:  statement: SELECT pgp_sym_decrypt(ssn_enc, '<secret>') FROM employees"),
        Arguments.of("SELECT pgp_sym_encrypt('data', 'PgcryptoKey2', 'cipher-algo=aes256')",
            "SELECT pgp_sym_encrypt('data', '<secret>', 'cipher-algo=aes256')"),
        // PostgreSQL's conninfo inside a quoted setting, its quotes doubled
        Arguments.of("primary_conninfo = 'user=replicator password=''Repl1cat0r'' channel_binding=prefer host=db.example.com'",
            "primary_conninfo = 'user=<user> password=''<secret>'' channel_binding=prefer host=db.example.com'"),
        // Redis Sentinel
        Arguments.of("sentinel auth-pass mymaster S3nt1nelP@ss", "sentinel auth-pass mymaster <secret>"),
        Arguments.of("sentinel sentinel-pass S3ntSentP@ss", "sentinel sentinel-pass <secret>"),
        Arguments.of("SENTINEL SET mymaster auth-pass S3tP@ss", "SENTINEL SET mymaster auth-pass <secret>"),
        // plural keys: lists of the same secrets
        Arguments.of("passwords:\n  - PwListItem1\n", "passwords:\n  - <secret>\n"),
        Arguments.of("API_KEYS=KeyOne1234,KeyTwo5678", "API_KEYS=<secret>"),
        Arguments.of("\"tokens\": [\"TokOne12345\", \"TokTwo67890\"]", "\"tokens\": [\"<secret>\", \"<secret>\"]"),
        Arguments.of("host all all 0.0.0.0/0 radius radiusservers=\"radius.example.com\" radiussecrets=\"HbaRadSecret1,HbaRadSecret2\"",
            "host all all 0.0.0.0/0 radius radiusservers=\"radius.example.com\" radiussecrets=\"<secret>\""));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "{ \"type\" : \"text\", \"value\" : \"plain\" }",
        "{\"usage\": {\"tokens\": 1234}}",
        "max_tokens=512",
        "secrets: 3 found",
        "error: failed to read secrets: open /var/run/secrets/token: permission denied",
        "sentinel monitor mymaster 127.0.0.1 6379 2",
        "$argon2id$v=19$m=65536,t=3,p=4 is the format",
        "(Cookie: consent=yes)",
        "{\"log\":\"{\\\"name\\\":\\\"LOG_LEVEL\\\",\\\"value\\\":\\\"info\\\"}\\n\"}",
        // kubectl describe pod's reference to a Secret's key, prose after a key word
        "      DB_PASSWORD:  <set to the key 'password' in secret 'billing-db'>  Optional: false",
        "Failed to validate the token: An error occurred while attempting to decode the Jwt: Signed JWT rejected",
        "Invalid token: The token has expired",
        // Redis keys' namespaces: an id or a path after user:
        "1711111111.5 [0 lua] \"SET\" \"user:profile:42\" \"x\"",
        "\"HGETALL\" \"user:1001\"",
        "1) \"requirepass\"\n2) \"\"\n",
        "SELECT pgp_sym_decrypt(col, $1)",
        "CALL dbms.security.changePassword($np) - {other: 'x'} - {}",
        "LOG:  execute S_3: SELECT $1::int\nDETAIL:  parameters: $1 = '42'\n",
        "DETAIL:  parameters: $1 = 'Hunter2Hunter2'\n",
        "1711111111.4 [0 lua] \"HGET\" \"user:1001\" \"password\"");
  }
}
